import { afterEach, describe, expect, it, vi } from 'vitest';
import type { User } from '../../src/accounts/user.js';
import type { ChannelId } from '../../src/core/channel-id.js';
import type { Message } from '../../src/conversations/message.js';
import type { SurveyPrompt } from '../../src/surveys/survey-prompt.js';
import { createEngineWorld, type EngineWorld } from '../support/engine-world.js';
import { addTestUser } from '../support/test-user.js';

const dayMs = 86_400_000;
const later = (ms: number) => new Date(Date.now() + ms);

describe('NPS and CES surveys', () => {
  let world: EngineWorld;
  let agent: User;

  const open = async (env: Record<string, string>) => {
    world = await createEngineWorld({ BUSINESS_HOURS: 'mon-sun 00:00-24:00', CSAT_DELAY_SECONDS: '30', BUSINESS_NAME: 'Hoa Mai Fashion', ...env });
    world.careline.presence.connect('usr_agent');
    agent = await addTestUser(world.careline.services.users, { email: 'lan@hoamai.example', name: 'Lan', roles: ['agent'] });
  };
  afterEach(async () => {
    await world.close();
  });

  const surveyPrompts = () => world.store.collection<SurveyPrompt>('survey_prompts').find({});
  const ratingPrompts = async (conversationId: string): Promise<Message[]> => (await world.careline.services.messages.transcript(conversationId)).filter((line) => line.kind === 'rating');
  const response = (conversationId: string) => world.careline.services.surveys.forConversation(conversationId);
  /** Waits until this conversation's survey job is scheduled, then runs what is due at `at`. */
  const runJobsAt = async (at: Date, conversationId: string) => {
    await vi.waitFor(async () => expect(await world.store.collection('jobs').countDocuments({ status: 'pending', 'payload.conversationId': conversationId })).toBeGreaterThan(0), { timeout: 2000 });
    return world.careline.jobRunner.runDue(at);
  };
  const resolvedByAgent = async (customer: string, opening = 'cho gặp nhân viên', channel: ChannelId = 'rest') => {
    const turn = await world.say(customer, opening, { channel });
    await world.careline.desk.claim(turn.conversation.ticketId!, agent);
    await world.careline.desk.resolve(turn.conversation._id, agent);
    return turn;
  };
  /** Resolves a conversation of `customer` and runs its survey job `afterMs` from now; returns the conversation and its prompt. */
  const surveyedAfterResolve = async (customer: string, afterMs = 31_000, opening?: string) => {
    const turn = await resolvedByAgent(customer, opening);
    await runJobsAt(later(afterMs), turn.conversation._id);
    return { conversationId: turn.conversation._id, prompts: await ratingPrompts(turn.conversation._id) };
  };

  describe('with SURVEYS=csat,ces,nps', () => {
    const all = { SURVEYS: 'csat,ces,nps', SURVEY_MIN_DAYS_BETWEEN: '0', NPS_INTERVAL_DAYS: '90' };

    it('asks a new customer NPS (0–10, naming the shop) first, then CES after the next resolve within the interval, never NPS again', async () => {
      await open(all);
      const first = await surveyedAfterResolve('c1');
      expect(first.prompts).toHaveLength(1);
      expect(first.prompts[0]!.text).toBe('Anh/chị có sẵn lòng giới thiệu Hoa Mai Fashion cho bạn bè hoặc người thân không? Chọn từ 0 (chắc chắn không) đến 10 (chắc chắn có).');
      expect(first.prompts[0]!.buttons.map((button) => button.payload)).toEqual(['nps:0', 'nps:1', 'nps:2', 'nps:3', 'nps:4', 'nps:5', 'nps:6', 'nps:7', 'nps:8', 'nps:9', 'nps:10']);
      await world.say('c1', '9', { payload: 'nps:9' });
      await world.say('c1', 'không, cảm ơn');

      const second = await surveyedAfterResolve('c1', 31_000);
      expect(second.prompts).toHaveLength(1);
      expect(second.prompts[0]!.text).toContain('dễ dàng');
      expect(second.prompts[0]!.buttons.map((button) => button.label)).toEqual(['1', '2', '3', '4', '5', '6', '7']);
      expect((await surveyPrompts()).map((prompt) => prompt.kind)).toEqual(['nps', 'ces']);
      expect(await world.careline.services.csat.forConversation(second.conversationId)).toBeNull();
    });

    it('asks NPS again once NPS_INTERVAL_DAYS have passed', async () => {
      await open(all);
      await surveyedAfterResolve('c1');
      await world.say('c1', '10');
      await world.say('c1', 'không, cảm ơn');
      const again = await surveyedAfterResolve('c1', 91 * dayMs);
      expect(again.prompts[0]!.buttons).toHaveLength(11);
    });

    it('stores a score and a comment written in one message, and a comment sent after the score', async () => {
      await open(all);
      const nps = await surveyedAfterResolve('c1');
      const both = await world.say('c1', '8, giao hàng nhanh nhưng shipper khó chịu');
      expect(both.texts).toEqual(['Cảm ơn anh/chị đã trả lời!']);
      expect(await response(nps.conversationId)).toMatchObject({
        kind: 'nps', score: 8, comment: 'giao hàng nhanh nhưng shipper khó chịu', channel: 'rest', agentId: agent._id, handledBy: 'agent', segment: 'new', locale: 'vi', answeredAt: expect.any(Date),
      });

      const ces = await surveyedAfterResolve('c1', 31_000);
      const scored = await world.say('c1', 'sáu');
      expect(scored.texts).toEqual([expect.stringContaining('lý do')]);
      await world.say('c1', 'nhân viên giải quyết rất nhanh');
      expect(await response(ces.conversationId)).toMatchObject({ kind: 'ces', score: 6, comment: 'nhân viên giải quyết rất nhanh' });
    });

    it('reads answers typed in English and Czech, asks once more when unclear, and leaves a question to the bot', async () => {
      await open(all);
      const english = await resolvedByAgent('c1', 'I want to talk to a person');
      await runJobsAt(later(31_000), english.conversation._id);
      expect((await ratingPrompts(english.conversation._id))[0]!.text).toBe('How likely are you to recommend Hoa Mai Fashion to a friend or colleague? Choose from 0 (not at all likely) to 10 (extremely likely).');
      expect((await world.say('c1', 'hmm')).texts).toEqual(['Sorry, I did not catch that. Please choose a number from 0 to 10.']);
      await world.say('c1', 'nine');
      expect(await response(english.conversation._id)).toMatchObject({ kind: 'nps', score: 9, locale: 'en' });

      const czech = await resolvedByAgent('c2', 'Chci mluvit s člověkem');
      await runJobsAt(later(31_000), czech.conversation._id);
      const asked = await world.say('c2', 'kolik stojí doprava?');
      expect(asked.texts.join(' ')).not.toContain('Zvolte prosím');
      await world.say('c2', 'devět, rychlé a milé');
      expect(await response(czech.conversation._id)).toMatchObject({ kind: 'nps', score: 9, comment: 'rychlé a milé', locale: 'cs' });
    });

    it('closes the survey when the customer turns it down, storing nothing', async () => {
      await open(all);
      const nps = await surveyedAfterResolve('c1');
      expect((await world.say('c1', 'không, cảm ơn')).texts).toEqual(['Cảm ơn anh/chị đã trả lời!']);
      expect(await response(nps.conversationId)).toBeNull();
      expect((await surveyPrompts())[0]).toMatchObject({ status: 'declined' });
    });
  });

  describe('one fatigue rule across kinds', () => {
    it('asks a customer no survey of any kind within SURVEY_MIN_DAYS_BETWEEN days, and a conversation only once', async () => {
      await open({ SURVEYS: 'csat,ces,nps', SURVEY_MIN_DAYS_BETWEEN: '7' });
      const first = await surveyedAfterResolve('c1');
      expect(first.prompts).toHaveLength(1);
      await world.say('c1', '3, lâu quá');
      const second = await surveyedAfterResolve('c1', 31_000);
      expect(second.prompts).toEqual([]);
      expect((await surveyPrompts()).map(({ kind, status, skipReason }) => ({ kind, status, skipReason }))).toEqual([
        { kind: 'nps', status: 'done', skipReason: undefined },
        { kind: 'ces', status: 'skipped', skipReason: 'surveyed_recently' },
      ]);
      expect(await world.store.collection('csat_prompts').countDocuments({})).toBe(0);
    });

    it('never asks NPS in a conversation CSAT already surveyed, even when NPS has come due since', async () => {
      await open({ SURVEYS: 'csat,nps', SURVEY_MIN_DAYS_BETWEEN: '0', NPS_INTERVAL_DAYS: '1' });
      await surveyedAfterResolve('c1');
      await world.say('c1', 'mười');
      await world.say('c1', 'không, cảm ơn');
      const csat = await surveyedAfterResolve('c1');
      expect(csat.prompts.map((prompt) => prompt.buttons.length)).toEqual([5]);
      // The same conversation's survey job again (resolved a second time), two days later: NPS is due, but not here.
      await world.careline.services.jobs.schedule({ type: 'csat.prompt', dueAt: new Date(), payload: { conversationId: csat.conversationId, trigger: 'resolved', handledBy: 'agent', triggeredAt: new Date().toISOString() } });
      await world.careline.jobRunner.runDue(later(2 * dayMs));
      expect(await ratingPrompts(csat.conversationId)).toHaveLength(1);
      expect(await world.store.collection('survey_prompts').countDocuments({ conversationId: csat.conversationId })).toBe(0);
    });
  });

  describe('with SURVEYS=csat,ces', () => {
    it('asks CES after an agent resolves and keeps CSAT for conversations the bot handled alone', async () => {
      await open({ SURVEYS: 'csat,ces', SURVEY_MIN_DAYS_BETWEEN: '0' });
      const resolved = await surveyedAfterResolve('c1');
      expect(resolved.prompts[0]!.buttons.map((button) => button.payload)).toEqual(['ces:1', 'ces:2', 'ces:3', 'ces:4', 'ces:5', 'ces:6', 'ces:7']);
      await world.say('c1', '7', { payload: 'ces:7' });
      await world.say('c1', 'Không, cảm ơn', { payload: 'survey:skip' });
      expect(await response(resolved.conversationId)).toMatchObject({ kind: 'ces', score: 7 });
      expect((await response(resolved.conversationId))?.comment).toBeUndefined();

      const answered = await world.say('c2', 'phí ship bao nhiêu');
      await world.say('c2', 'cảm ơn shop');
      await runJobsAt(later(31_000), answered.conversation._id);
      expect((await ratingPrompts(answered.conversation._id))[0]!.buttons.map((button) => button.payload)).toEqual(['csat:1', 'csat:2', 'csat:3', 'csat:4', 'csat:5']);
    });
  });
});
