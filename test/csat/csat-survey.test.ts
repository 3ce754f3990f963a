import { deskPhrases as deskPhrasesTemplates } from '../../src/handoff/desk-phrases.js';
import { spoken } from '../support/spoken-phrases.js';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { User } from '../../src/accounts/user.js';
import type { ChannelId } from '../../src/core/channel-id.js';
import { CollectingChannel } from '../../src/channels/collecting/collecting-channel.js';
import type { Message } from '../../src/conversations/message.js';
import type { CsatPrompt } from '../../src/csat/csat-prompt.js';
import { identityKey, type CustomerIdentity } from '../../src/customers/customer.js';
import { createEngineWorld, type EngineWorld } from '../support/engine-world.js';
import { addTestUser } from '../support/test-user.js';
import { settled } from '../support/settled.js';

const deskPhrases = spoken(deskPhrasesTemplates);

const later = (ms: number) => new Date(Date.now() + ms);
const minutes = 60_000;

describe('CSAT surveys', () => {
  let world: EngineWorld;
  let agent: User;

  const open = async (env: Record<string, string> = {}) => {
    world = await createEngineWorld({ BUSINESS_HOURS: 'mon-sun 00:00-24:00', CSAT_DELAY_SECONDS: '30', CSAT_IDLE_MINUTES: '15', ...env });
    world.careline.presence.connect('usr_agent');
    agent = await addTestUser(world.careline.services.users, { email: 'lan@anphat.example', name: 'Lan', roles: ['agent'] });
  };
  afterEach(async () => {
    await world.close();
  });

  const prompts = () => world.store.collection<CsatPrompt>('csat_prompts').find({});
  const transcript = (conversationId: string) => world.careline.services.messages.transcript(conversationId);
  const ratingPrompts = async (conversationId: string): Promise<Message[]> => (await transcript(conversationId)).filter((line) => line.kind === 'rating');
  /** Waits until the event listeners have scheduled their jobs (for `conversationId` when given), then runs what is due at `at`. */
  const runJobsAt = async (at: Date, conversationId?: string) => {
    const pending = { status: 'pending', ...(conversationId ? { 'payload.conversationId': conversationId } : {}) };
    await vi.waitFor(async () => expect(await world.store.collection('jobs').countDocuments(pending)).toBeGreaterThan(0), { timeout: 2000 });
    return world.careline.jobRunner.runDue(at);
  };
  const resolvedByAgent = async (customer: string, channel: ChannelId = 'rest') => {
    const turn = await world.say(customer, 'cho gặp nhân viên', { channel });
    await world.careline.desk.claim(turn.conversation.ticketId!, agent);
    await world.careline.desk.resolve(turn.conversation._id, agent);
    return turn;
  };

  describe('after an agent resolves a conversation', () => {
    beforeEach(() => open());

    it('asks after the configured delay with five rating buttons, stores the score, the comment and the agent who resolved it', async () => {
      const turn = await resolvedByAgent('c1');
      await runJobsAt(later(10_000));
      expect(await ratingPrompts(turn.conversation._id)).toEqual([]);
      await world.careline.jobRunner.runDue(later(31_000));
      const [prompt] = await ratingPrompts(turn.conversation._id);
      expect(prompt!.text).toContain('hài lòng');
      expect(prompt!.buttons.map((button) => button.payload)).toEqual(['csat:1', 'csat:2', 'csat:3', 'csat:4', 'csat:5']);

      const rated = await world.say('c1', '5 – Rất hài lòng', { payload: 'csat:5' });
      expect(rated.texts).toEqual([expect.stringContaining('góp ý')]);
      const commented = await world.say('c1', 'nhân viên nhiệt tình');
      expect(commented.texts).toEqual(['Cảm ơn anh/chị đã đánh giá!']);

      const response = await world.careline.services.csat.forConversation(turn.conversation._id);
      expect(response).toMatchObject({
        score: 5,
        comment: 'nhân viên nhiệt tình',
        agentId: agent._id,
        ticketId: turn.conversation.ticketId,
        customerId: turn.customer._id,
        handledBy: 'agent',
        channel: 'rest',
        locale: 'vi',
        segment: 'new',
        promptedAt: expect.any(Date),
        answeredAt: expect.any(Date),
      });
      // Later messages are the bot's again.
      expect((await world.say('c1', 'phí ship bao nhiêu')).replies[0]!.articleId).toBeDefined();
    });

    it('takes a typed "không, cảm ơn" after the rating as no comment, not as the comment', async () => {
      const turn = await resolvedByAgent('c-decline');
      await world.careline.jobRunner.runDue(later(31_000));
      await world.say('c-decline', '4', { payload: 'csat:4' });
      expect((await world.say('c-decline', 'Không, cảm ơn')).texts).toEqual(['Cảm ơn anh/chị đã đánh giá!']);
      const response = await world.careline.services.csat.forConversation(turn.conversation._id);
      expect(response).toMatchObject({ score: 4 });
      expect(response!.comment).toBeUndefined();
    });

    it('keeps a long comment (it is not taken for a new question) and a rating written with its comment', async () => {
      const first = await resolvedByAgent('c1');
      await runJobsAt(later(31_000));
      await world.say('c1', '4');
      const long = 'nhân viên hỗ trợ nhanh và nhiệt tình nhưng con bot hỏi đi hỏi lại quá nhiều lần trước khi chuyển em sang người thật';
      const commented = await world.say('c1', long);
      expect(commented.texts).toEqual(['Cảm ơn anh/chị đã đánh giá!']);
      expect(await world.careline.services.csat.forConversation(first.conversation._id)).toMatchObject({ score: 4, comment: long });
      expect((await world.careline.questions.list({})).map((question) => question.text)).not.toContain(long);

      const second = await resolvedByAgent('c2');
      await runJobsAt(later(31_000), second.conversation._id);
      const both = await world.say('c2', '2, the agent was quick but the bot talked too much');
      expect(both.texts).toEqual(['Cảm ơn anh/chị đã đánh giá!']);
      expect(await world.careline.services.csat.forConversation(second.conversation._id)).toMatchObject({ score: 2, comment: 'the agent was quick but the bot talked too much' });
    });

    it('keeps the rating in the conversation it rates, and starts a new conversation only for a new request', async () => {
      const resolved = await resolvedByAgent('c1');
      await runJobsAt(later(31_000));
      const rated = await world.say('c1', '4');
      expect(rated.conversation._id).toBe(resolved.conversation._id);
      await world.say('c1', 'nhanh, lịch sự');
      const conversations = () => world.careline.services.conversations.listByCustomer(resolved.customer._id);
      expect(await conversations()).toHaveLength(1);
      const lines = (await transcript(resolved.conversation._id)).map((line) => line.text);
      // (The survey was sent at a simulated later time, so the order by time is not asserted.)
      expect(lines).toEqual(expect.arrayContaining([expect.stringContaining('hài lòng'), '4', expect.stringContaining('góp ý'), 'nhanh, lịch sự']));

      const question = await world.say('c1', 'phí ship bao nhiêu?');
      expect(question.conversation._id).not.toBe(resolved.conversation._id);
      expect(question.replies[0]!.articleId).toBeDefined();
      expect(await conversations()).toHaveLength(2);
      expect((await transcript(question.conversation._id)).map((line) => line.text)[0]).toBe('phí ship bao nhiêu?');
    });

    it('keeps the agent who resolved it even when the customer answers after the conversation changed hands', async () => {
      const turn = await resolvedByAgent('c1');
      const other = await addTestUser(world.careline.services.users, { email: 'minh@anphat.example', roles: ['agent'] });
      await runJobsAt(later(31_000));
      await world.store.collection('conversations').updateOne({ _id: turn.conversation._id }, { $set: { ownerId: other._id } });
      await world.say('c1', '4');
      expect((await world.careline.services.csat.forConversation(turn.conversation._id))?.agentId).toBe(agent._id);
    });

    it('reads ratings written as words, asks once more when unclear, and answers a new question instead of swallowing it', async () => {
      const turn = await resolvedByAgent('c1');
      await runJobsAt(later(31_000));
      const unclear = await world.say('c1', 'hmm');
      expect(unclear.output.sent[0]!.message).toMatchObject({ kind: 'rating', text: expect.stringContaining('chưa hiểu') });
      const question = await world.say('c1', 'phí ship bao nhiêu?');
      expect(question.replies[0]!.articleId).toBeDefined();
      const rated = await world.say('c1', 'rat hai long');
      expect(rated.texts[0]).toContain('góp ý');
      await world.say('c1', 'Không, cảm ơn', { payload: 'csat:skip' });
      expect(await world.careline.services.csat.forConversation(turn.conversation._id)).toMatchObject({ score: 5 });
      expect((await world.careline.services.csat.forConversation(turn.conversation._id))?.comment).toBeUndefined();
    });

    it('asks once per conversation, and lets an unanswered survey expire', async () => {
      const turn = await resolvedByAgent('c1');
      await runJobsAt(later(31_000));
      await world.careline.jobRunner.runDue(later(31_000));
      expect(await ratingPrompts(turn.conversation._id)).toHaveLength(1);
      await world.careline.jobRunner.runDue(later(25 * 60 * minutes));
      expect((await prompts())[0]).toMatchObject({ status: 'expired' });
      // "5" is no longer a rating; the bot handles it.
      await world.say('c1', '5');
      expect(await world.careline.services.csat.forConversation(turn.conversation._id)).toBeNull();
    });

    it('does not ask the same customer again within 7 days, on another channel either', async () => {
      const first = await resolvedByAgent('c1', 'rest');
      await runJobsAt(later(31_000));
      expect(await ratingPrompts(first.conversation._id)).toHaveLength(1);
      // The same person writes from the web chat (their identities were linked).
      await world.store.collection<CustomerIdentity>('customer_identities').insertOne({ _id: identityKey('webchat', 'visitor-1'), customerId: first.customer._id, channel: 'webchat', externalId: 'visitor-1', createdAt: new Date() });
      const second = await resolvedByAgent('visitor-1', 'webchat');
      expect(second.customer._id).toBe(first.customer._id);
      // The first survey's expiry job is pending too: wait for this conversation's own job.
      await runJobsAt(later(31_000), second.conversation._id);
      expect(await ratingPrompts(second.conversation._id)).toEqual([]);
      expect((await prompts()).find((prompt) => prompt.conversationId === second.conversation._id)).toMatchObject({ status: 'skipped', skipReason: 'surveyed_recently' });
    });

    it('takes a rating only on the channel that asked: a "5" from the same person elsewhere is an ordinary message', async () => {
      const asked = await resolvedByAgent('c1', 'rest');
      await runJobsAt(later(31_000));
      expect(await ratingPrompts(asked.conversation._id)).toHaveLength(1);
      await world.store.collection<CustomerIdentity>('customer_identities').insertOne({ _id: identityKey('webchat', 'visitor-1'), customerId: asked.customer._id, channel: 'webchat', externalId: 'visitor-1', createdAt: new Date() });
      const elsewhere = await world.say('visitor-1', '5', { channel: 'webchat' });
      expect(elsewhere.customer._id).toBe(asked.customer._id);
      expect(elsewhere.texts.join(' ')).not.toContain('góp ý');
      expect(await world.careline.services.csat.forConversation(asked.conversation._id)).toBeNull();
      // The survey where it was asked is still open and still takes the answer.
      const rated = await world.say('c1', '5', { channel: 'rest' });
      expect(rated.texts).toEqual([expect.stringContaining('góp ý')]);
      expect(await world.careline.services.csat.forConversation(asked.conversation._id)).toMatchObject({ score: 5, channel: 'rest' });
    });

    it('does not prompt outside a platform\'s messaging window, and records why', async () => {
      const windowed = Object.assign(new CollectingChannel('messenger'), { messagingWindowMs: 24 * 60 * minutes });
      world.careline.channels.register(windowed);
      const turn = await resolvedByAgent('psid-1', 'messenger');
      await runJobsAt(later(25 * 60 * minutes));
      // Only the notice sent at the moment of resolving, inside the window; no survey after it.
      expect(windowed.sent.map((sent) => sent.message.text)).toEqual([deskPhrases.vi.resolved]);
      expect((await prompts())[0]).toMatchObject({ conversationId: turn.conversation._id, status: 'skipped', skipReason: 'outside_messaging_window' });
    });

    it('does not survey a conversation still waiting for an agent', async () => {
      const turn = await world.say('c1', 'cho gặp nhân viên');
      await world.careline.jobRunner.runDue(later(60 * minutes));
      expect(await ratingPrompts(turn.conversation._id)).toEqual([]);
      expect(await prompts()).toEqual([]);
    });
  });

  describe('in a conversation the bot handled alone', () => {
    it('asks after the customer thanks the bot for an answer', async () => {
      await open();
      const answered = await world.say('c1', 'phí ship bao nhiêu');
      await world.say('c1', 'cảm ơn shop');
      await runJobsAt(later(31_000));
      expect(await ratingPrompts(answered.conversation._id)).toHaveLength(1);
      await world.say('c1', 'tốt');
      expect(await world.careline.services.csat.forConversation(answered.conversation._id)).toMatchObject({ score: 4, handledBy: 'bot' });
      expect((await world.careline.services.csat.forConversation(answered.conversation._id))?.agentId).toBeUndefined();
    });

    it('asks when the customer stays idle after an answer, not while they keep writing', async () => {
      await open();
      const answered = await world.say('c1', 'how long is the warranty?');
      await runJobsAt(later(10 * minutes));
      expect(await ratingPrompts(answered.conversation._id)).toEqual([]);
      await world.careline.jobRunner.runDue(later(16 * minutes));
      const [prompt] = await ratingPrompts(answered.conversation._id);
      expect(prompt!.text).toContain('How satisfied');
    });

    it('does not ask when nothing was answered (abandoned) or when bot surveys are off', async () => {
      await open();
      const missed = await world.say('c1', 'thoi tiet o ha noi ra sao');
      await world.say('c1', 'cam on');
      await runJobsAt(later(60 * minutes));
      expect(await ratingPrompts(missed.conversation._id)).toEqual([]);
      await world.close();

      await open({ CSAT_BOT_SURVEYS: 'false' });
      const answered = await world.say('c2', 'phí ship bao nhiêu');
      await world.say('c2', 'cảm ơn shop');
      await settled(world.careline);
      await world.careline.jobRunner.runDue(later(60 * minutes));
      expect(await ratingPrompts(answered.conversation._id)).toEqual([]);
    });
  });
});
