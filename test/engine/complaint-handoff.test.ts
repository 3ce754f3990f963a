import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CarelineEvents } from '../../src/events/event-bus.js';
import { createEngineWorld, type EngineWorld } from '../support/engine-world.js';

describe('ConversationEngine', () => {
  let world: EngineWorld;
  const waitingTickets = () => world.careline.services.tickets.waiting();
  const makeVip = async (customer: string) => {
    const first = await world.say(customer, 'xin chào');
    await world.careline.services.customers.update(first.customer._id, { segment: 'vip' });
  };

  beforeEach(async () => {
    // Agents are always at work here, and one has the console open.
    world = await createEngineWorld({ BUSINESS_HOURS: 'mon-sun 00:00-24:00' });
    world.careline.presence.connect('usr_agent');
  });
  afterEach(async () => {
    await world.close();
  });

  describe('when a customer complains', () => {
    it.each([
      ['English', 'Worst service ever, I want my money back NOW', 'strong:worst', /apologi|sorry/i],
      ['Vietnamese', 'đợi hoàn tiền 3 tuần rồi, các người định lừa à', 'wait:3 tuần', /xin lỗi/],
      ['Czech', 'už týden čekám na peníze, to je skandál', 'anger:skandál', /omlouváme|líto/],
      ['Chinese', '你们到底什么时候退款？太过分了', 'anger:太过分', /抱歉|道歉/],
    ])('in %s, hands off at once with a high-priority complaint ticket and an apology', async (_language, text, reason, apology) => {
      const turn = await world.say('c1', text);
      expect(turn.conversation.state).toBe('waiting');
      expect(turn.decision?.action).toEqual({ kind: 'handoff', reason: 'complaint' });
      expect(turn.decision?.escalation).toEqual({ kind: 'complaint', reasons: expect.arrayContaining([reason]) });
      const [ticket] = await waitingTickets();
      expect(ticket).toMatchObject({ reason: 'complaint', priority: 'high', conversationId: turn.conversation._id, subject: text });
      expect(turn.texts).toHaveLength(1);
      expect(turn.texts[0]).toMatch(apology);
      expect(turn.texts[0]).toContain(`#${ticket!.number}`);
    });

    it.each([
      ['Vietnamese', 'sao bảo freeship mà lúc nhận lại bắt trả thêm 30k, shop trả lời thì vòng vo'],
      ['English', 'The courier left my parcel out in the rain without even knocking'],
      ['Czech', 'Objednávka zrušená bez jakéhokoli vysvětlení, to je fakt síla.'],
      ['Chinese', '说是包邮结果到付了三十块，这不是骗人吗？'],
    ])('in %s, hands off a complaint told without the usual strong words with a high-priority ticket', async (_language, text) => {
      const turn = await world.say('c1', text);
      expect(turn.decision?.action).toEqual({ kind: 'handoff', reason: 'complaint' });
      expect((await waitingTickets())[0]).toMatchObject({ reason: 'complaint', priority: 'high' });
    });

    it('still shows the articles it would have offered, for the editor\'s "try it"', async () => {
      const turn = await world.say('c1', 'đợi hoàn tiền 3 tuần rồi, các người định lừa à');
      expect(turn.decision?.candidates.map((candidate) => candidate.slug)).toContain('refund-time');
    });

    it('gives a VIP customer\'s complaint the urgent priority', async () => {
      await makeVip('vip-1');
      await world.say('vip-1', 'shop lua dao, chuyen khoan roi ma ko giao hang');
      expect((await waitingTickets())[0]).toMatchObject({ reason: 'complaint', priority: 'urgent' });
    });

    it('hands a question about how to complain to a person too', async () => {
      const turn = await world.say('c1', 'how do I file a complaint?');
      expect(turn.decision?.action).toEqual({ kind: 'handoff', reason: 'complaint' });
    });

    it('answers a question that only sounds negative ("not bad") as usual', async () => {
      const turn = await world.say('c1', 'không tệ, bảo hành bao lâu vậy shop?');
      expect(turn.decision?.action.kind).toBe('answer');
      expect(turn.conversation.state).toBe('bot');
    });
  });

  describe('when a customer asks for a person in words that also name the "how to reach us" article', () => {
    it.each([
      ['转人工', 'zh'],
      ['人工客服在吗？', 'zh'],
      ['can I talk to a real person', 'en'],
    ] as const)('hands %j off with a ticket instead of answering with the article', async (text, locale) => {
      expect(world.careline.knowledge.article('contact-human', locale, 'vi')?.locale).toBe(locale);
      const turn = await world.say('c1', text);
      expect(turn.decision?.candidates[0]?.slug).toBe('contact-human');
      expect(turn.decision?.action).toEqual({ kind: 'handoff', reason: 'customer_request' });
      expect(turn.decision?.escalation).toEqual({ kind: 'human', reasons: [expect.stringMatching(/^human:/)] });
      expect(turn.conversation.state).toBe('waiting');
      expect((await waitingTickets())[0]).toMatchObject({ reason: 'customer_request', priority: 'normal' });
    });

    it.each(['Is there a manager I can speak with?', 'Chci mluvit s člověkem, ne s počítačem.', 'cho mình gặp người của shop, không phải trợ lý ảo', '机器人回答不了，换个人来'])('hands %j off as a request for a person', async (text) => {
      const turn = await world.say('c1', text);
      expect(turn.decision?.action).toEqual({ kind: 'handoff', reason: 'customer_request' });
      expect((await waitingTickets())[0]).toMatchObject({ reason: 'customer_request', priority: 'normal' });
    });

    it('answers "what is your hotline number?" with the article', async () => {
      const turn = await world.say('c1', 'what is your hotline number?');
      expect(turn.decision?.escalation).toBeUndefined();
      expect(turn.conversation.state).toBe('bot');
    });
  });

  describe('when a customer who waits for an agent complains', () => {
    const raisedEvents = () => {
      const raised: CarelineEvents['ticket.priority_raised'][] = [];
      world.careline.events.on('ticket.priority_raised', (payload) => void raised.push(payload));
      return raised;
    };

    it('raises the waiting ticket to the complaint priority and tells the agents, without a bot reply', async () => {
      const raised = raisedEvents();
      await world.say('c1', 'talk to a human');
      expect((await waitingTickets())[0]).toMatchObject({ priority: 'normal' });
      const angry = await world.say('c1', 'I have been waiting for 40 minutes, this is ridiculous');
      expect(angry.texts).toEqual([]);
      const [ticket] = await waitingTickets();
      expect(ticket).toMatchObject({ priority: 'high', reason: 'customer_request' });
      expect(raised).toEqual([{ ticket: expect.objectContaining({ _id: ticket!._id, priority: 'high' }), from: 'normal', reasons: expect.arrayContaining(['anger:ridiculous']) }]);
    });

    it('raises a VIP customer\'s waiting ticket to urgent', async () => {
      await makeVip('vip-1');
      await world.say('vip-1', 'cho gặp nhân viên');
      expect((await waitingTickets())[0]).toMatchObject({ priority: 'high' });
      await world.say('vip-1', 'chờ mãi không thấy ai, bực mình quá');
      expect((await waitingTickets())[0]).toMatchObject({ priority: 'urgent' });
    });

    it('leaves the ticket as it is for a calm message', async () => {
      const raised = raisedEvents();
      await world.say('c1', 'talk to a human');
      await world.say('c1', 'ok, thanks, I will wait');
      expect((await waitingTickets())[0]).toMatchObject({ priority: 'normal' });
      expect(raised).toEqual([]);
    });
  });
});

describe('a complaint while waiting, with configured priorities', () => {
  it('never lowers a ticket that is already above the complaint priority', async () => {
    const world = await createEngineWorld({ BUSINESS_HOURS: 'mon-sun 00:00-24:00', PRIORITY_OTHER: 'high', PRIORITY_COMPLAINT: 'normal' });
    try {
      await world.say('c1', 'talk to a human');
      await world.say('c1', 'this is a scam');
      expect((await world.careline.services.tickets.waiting())[0]).toMatchObject({ priority: 'high' });
    } finally {
      await world.close();
    }
  });
});
