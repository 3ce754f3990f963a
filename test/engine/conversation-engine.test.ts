import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { payloads } from '../../src/engine/answer-policy.js';
import { createEngineWorld, type EngineWorld } from '../support/engine-world.js';

describe('ConversationEngine', () => {
  let world: EngineWorld;
  const title = (slug: string, locale: 'vi' | 'en' | 'cs' | 'zh' = 'vi') => world.careline.knowledge.article(slug, locale, 'vi')!.title;
  const questions = (outcome?: 'missed' | 'weak' | 'handed_off' | 'rejected') => world.careline.questions.list(outcome ? { outcome } : {});

  beforeEach(async () => {
    // Agents are always at work here, so hand-off messages do not depend on the clock.
    world = await createEngineWorld({ BUSINESS_HOURS: 'mon-sun 00:00-24:00' });
    // An agent has the console open.
    world.careline.presence.connect('usr_agent');
  });
  afterEach(async () => {
    await world.close();
  });

  describe('when the question clearly matches an article', () => {
    it('answers with the title, the answer, a link and "did this help?" buttons, in the customer\'s language', async () => {
      const turn = await world.say('c1', 'how long is the warranty?');
      expect(turn.replies).toHaveLength(1);
      const [sent] = turn.output.sent;
      expect(sent!.message.text).toContain(title('warranty-period', 'en'));
      expect(sent!.message.link).toMatchObject({ label: 'Read more', url: expect.stringMatching(/\/help\/warranty-period\?lang=en$/) });
      expect(sent!.message.buttons.map((button) => button.payload)).toEqual([payloads.feedback(true, 'warranty-period'), payloads.feedback(false, 'warranty-period')]);
      // The transcript keeps the article and confidence the bot used, for agents.
      expect(turn.replies[0]).toMatchObject({ author: { kind: 'bot' }, articleId: expect.stringMatching(/^art_/), confidence: expect.any(Number) });
      expect(turn.conversation.locale).toBe('en');
    });

    it('finds Vietnamese typed without diacritics and with chat abbreviations', async () => {
      expect((await world.say('c1', 'bao hanh bao lau')).texts[0]).toContain(title('warranty-period'));
      expect((await world.say('c2', 'tra gop dc ko')).texts[0]).toContain(title('installment'));
      expect((await world.say('c3', 'phi ship bao nhieu')).texts[0]).toContain(title('delivery-fee'));
    });

    it('answers Chinese and Czech questions in Chinese and Czech', async () => {
      expect((await world.say('c1', '运费多少')).texts[0]).toContain(title('delivery-fee', 'zh'));
      expect((await world.say('c2', 'zaruka jak dlouho')).texts[0]).toContain(title('warranty-period', 'cs'));
    });

    it('answers in the default language and says so when the article lacks the customer\'s language', async () => {
      // installment exists in Vietnamese and English only.
      expect(world.careline.knowledge.translations('installment').sort()).toEqual(['en', 'vi']);
      const czech = await world.say('c1', 'Dobrý den, jak dlouhá je záruka?');
      expect(czech.conversation.locale).toBe('cs');
      // E.g. a clarification button of an article without a Czech version.
      const turn = await world.say('c1', 'Splátky', { payload: payloads.article('installment') });
      const text = turn.texts[0]!;
      expect(turn.decision?.language.locale).toBe('cs');
      expect(text).toContain(title('installment', 'vi'));
      expect(text).toContain('k dispozici pouze v jazyce: vietnamština');
    });
  });

  describe('when the question is ambiguous', () => {
    it('offers the top articles as buttons and answers the one chosen', async () => {
      const asked = await world.say('c1', 'hoàn tiền');
      const [prompt] = asked.output.sent;
      expect(prompt!.message.kind).toBe('choices');
      const choices = prompt!.message.buttons.filter((button) => button.payload.startsWith('article:'));
      expect(choices.length).toBeGreaterThanOrEqual(2);
      expect(choices.length).toBeLessThanOrEqual(3);
      expect(choices.map((button) => button.payload)).toContain(payloads.article('refund-time'));
      expect(prompt!.message.buttons.at(-1)).toEqual({ label: 'Gặp nhân viên', payload: payloads.handoff });
      const chosen = await world.say('c1', title('refund-time'), { payload: payloads.article('refund-time') });
      expect(chosen.texts[0]).toContain(title('refund-time'));
      expect((await questions('weak')).map((question) => question.text)).toEqual(['hoàn tiền']);
    });
  });

  describe('when the bot does not know', () => {
    it('says so and offers a person after one miss, and hands off with a ticket after two in a row', async () => {
      const first = await world.say('c1', 'thoi tiet o ha noi ra sao');
      expect(first.texts[0]).toContain('chưa tìm được câu trả lời');
      expect(first.output.sent[0]!.message.buttons).toEqual([{ label: 'Gặp nhân viên', payload: payloads.handoff }]);
      expect(first.conversation.state).toBe('bot');
      const second = await world.say('c1', 'ban co biet nau pho khong');
      expect(second.conversation.state).toBe('waiting');
      const [ticket] = await world.careline.services.tickets.waiting();
      expect(ticket).toMatchObject({ reason: 'bot_could_not_answer', priority: 'normal', conversationId: second.conversation._id, subject: 'ban co biet nau pho khong' });
      expect(second.texts[0]).toContain(`#${ticket!.number}`);
      expect(second.texts[0]).toContain('trong ít phút');
      expect((await questions('missed')).map((question) => question.text).sort()).toEqual(['ban co biet nau pho khong', 'thoi tiet o ha noi ra sao']);
    });

    it('starts counting again after an answer', async () => {
      await world.say('c1', 'thoi tiet o ha noi ra sao');
      await world.say('c1', 'bao hanh bao lau');
      const again = await world.say('c1', 'ban co biet nau pho khong');
      expect(again.conversation.state).toBe('bot');
      expect(await world.careline.services.tickets.waiting()).toEqual([]);
    });

    it('tells the customer when agents are back when it hands off out of hours', async () => {
      const closed = await createEngineWorld({ BUSINESS_HOURS: 'mon 08:00-08:01', BUSINESS_HOLIDAYS: '' });
      try {
        const turn = await closed.say('c1', 'talk to a human');
        if (turn.texts[0]!.includes('outside working hours')) {
          expect(turn.texts[0]).toMatch(/Monday.*08:00/);
          expect(turn.texts[0]).toContain('phone number or email');
        } else {
          // The one open minute of the week is now; the customer is told an agent replies soon.
          expect(turn.texts[0]).toContain('in a few minutes');
        }
      } finally {
        await closed.close();
      }
    });
  });

  describe('when no agent is there', () => {
    it('says so in business hours with nobody online and asks for contact details', async () => {
      const empty = await createEngineWorld({ BUSINESS_HOURS: 'mon-sun 00:00-24:00' });
      try {
        const turn = await empty.say('c1', 'talk to a human');
        expect(turn.texts[0]).toContain('No staff member is online right now');
        expect(turn.texts[0]).toContain('phone number or email');
      } finally {
        await empty.close();
      }
    });

    it('keeps the contact details the customer leaves on the open ticket, and thanks once', async () => {
      const closed = await createEngineWorld({ BUSINESS_HOURS: 'mon 08:00-08:01' });
      try {
        await closed.say('c1', 'cho gap nhan vien');
        const left = await closed.say('c1', 'sdt em 0903 123 456, email an.nguyen@example.com nhé');
        expect(left.texts).toHaveLength(1);
        expect(left.texts[0]).toContain('0903123456');
        const [ticket] = await closed.careline.services.tickets.waiting();
        expect(ticket).toMatchObject({ status: 'waiting', contact: { phone: '0903123456', email: 'an.nguyen@example.com' } });
        expect(await closed.careline.services.customers.get(left.customer._id)).toMatchObject({ phone: '0903123456', email: 'an.nguyen@example.com' });
        // Other messages while waiting get no bot reply.
        expect((await closed.say('c1', 'ok cam on')).texts).toEqual([]);
      } finally {
        await closed.close();
      }
    });
  });

  describe('when the customer asks for a person or complains', () => {
    it('hands off at once, even when an article about contacting staff matches too', async () => {
      const turn = await world.say('c1', 'cho gap nhan vien');
      expect(turn.conversation.state).toBe('waiting');
      expect((await world.careline.services.tickets.waiting())[0]).toMatchObject({ reason: 'customer_request', priority: 'normal' });
      expect(turn.texts).toHaveLength(1);
    });

    it('gives a VIP customer\'s complaint the highest priority', async () => {
      const first = await world.say('vip-1', 'xin chào');
      await world.careline.services.customers.update(first.customer._id, { segment: 'vip' });
      await world.say('vip-1', 'this is terrible service, I am very angry');
      expect((await world.careline.services.tickets.waiting())[0]).toMatchObject({ reason: 'complaint', priority: 'urgent' });
    });

    it('pressing "talk to a person" hands off', async () => {
      await world.say('c1', 'thoi tiet o ha noi ra sao');
      const turn = await world.say('c1', 'Gặp nhân viên', { payload: payloads.handoff });
      expect(turn.conversation.state).toBe('waiting');
    });
  });

  describe('while the conversation is with the agents', () => {
    it('stays silent and keeps recording what the customer says', async () => {
      await world.say('c1', 'talk to a human');
      const later = await world.say('c1', 'how long is the warranty?');
      expect(later.texts).toEqual([]);
      expect(later.replies).toEqual([]);
      const transcript = await world.careline.services.messages.transcript(later.conversation._id);
      expect(transcript.at(-1)).toMatchObject({ author: { kind: 'customer' }, text: 'how long is the warranty?' });
    });

    it('stays silent while an agent owns it', async () => {
      const turn = await world.say('c1', 'xin chao');
      await world.careline.services.conversations.transition(turn.conversation._id, { state: 'bot' }, { $set: { state: 'with_agent', ownerId: 'usr_agent' } });
      expect((await world.say('c1', 'bao hanh bao lau')).texts).toEqual([]);
    });
  });

  describe('small talk and feedback', () => {
    it('answers greetings, thanks and goodbyes from the intent files', async () => {
      const greeting = await world.say('c1', 'xin chào shop');
      expect(world.careline.engine).toBeDefined();
      expect(greeting.decision?.action).toEqual({ kind: 'smalltalk', intent: 'greeting' });
      expect(greeting.texts).toHaveLength(1);
      expect((await world.say('c1', 'cam on nhe')).decision?.action).toEqual({ kind: 'smalltalk', intent: 'thanks' });
      expect((await world.say('c1', 'tạm biệt')).decision?.action).toEqual({ kind: 'smalltalk', intent: 'goodbye' });
    });

    it('logs the question behind an answer the customer says did not help', async () => {
      await world.say('c1', 'bao hanh bao lau');
      const feedback = await world.say('c1', 'Không', { payload: payloads.feedback(false, 'warranty-period') });
      expect(feedback.output.sent[0]!.message.buttons).toEqual([{ label: 'Gặp nhân viên', payload: payloads.handoff }]);
      expect((await questions('rejected')).map((question) => question.text)).toEqual(['bao hanh bao lau']);
    });
  });

  describe('redelivered messages', () => {
    it('answers a platform message id only once', async () => {
      const first = await world.say('c1', 'bao hanh bao lau', { messageId: 'p-1' });
      const again = await world.say('c1', 'bao hanh bao lau', { messageId: 'p-1' });
      expect(first.texts).toHaveLength(1);
      expect(again).toMatchObject({ duplicate: true, texts: [] });
    });
  });

  describe('many messages of one customer at once', () => {
    it('handles them in order, one at a time', async () => {
      const texts = ['xin chao', 'bao hanh bao lau', 'phi ship bao nhieu', 'cam on'];
      const turns = await Promise.all(texts.map((text, i) => world.say('c1', text, { messageId: `m${i}` })));
      const transcript = await world.careline.services.messages.transcript(turns[0]!.conversation._id);
      const customerLines = transcript.filter((line) => line.author.kind === 'customer').map((line) => line.text);
      expect(customerLines).toEqual(texts);
      // Each question gets its own answer, in the order they were asked.
      const answerTo = (text: string) => transcript.find((line) => line._id.startsWith(`${turns[texts.indexOf(text)]!.message._id}.`));
      expect(answerTo('bao hanh bao lau')!.text).toContain(title('warranty-period'));
      const [warranty, shipping] = [answerTo('bao hanh bao lau')!, answerTo('phi ship bao nhieu')!].map((line) => transcript.indexOf(line));
      expect(warranty).toBeLessThan(shipping!);
    });
  });
});

describe('configurable ticket priorities', () => {
  it('uses the configured priority for complaints', async () => {
    const world = await createEngineWorld({ PRIORITY_COMPLAINT: 'urgent', PRIORITY_OTHER: 'low' });
    try {
      await world.say('angry', 'this is terrible service, I am very angry');
      await world.say('calm', 'talk to a human');
      expect((await world.careline.services.tickets.waiting()).map((ticket) => ticket.priority)).toEqual(['urgent', 'low']);
    } finally {
      await world.close();
    }
  });
});
