import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { postJson } from '../support/post-json.js';
import { restApiAuth } from '../support/rest-api.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

// A customer writes one message through the chat API; what they notice is the reply and whether a
// person took over (the conversation waits for an agent, with a ticket in the queue).
describe('escalation over POST /api/chat', () => {
  let app: TestApp;
  const say = async (sender: string, text: string) => {
    const response = await postJson(`${app.url}/api/chat`, { sender, text }, restApiAuth);
    expect(response.status).toBe(201);
    const { conversationId, replies } = (await response.json()) as { conversationId: string; replies: { text: string }[] };
    const transcript = await fetch(`${app.url}/api/chat/conversations/${conversationId}/messages?sender=${sender}`, { headers: restApiAuth });
    const { state } = (await transcript.json()) as { state: string };
    const ticket = (await app.services.tickets.waiting()).find((candidate) => candidate.conversationId === conversationId);
    return { replies: replies.map((reply) => reply.text), state, ticket };
  };

  beforeEach(async () => {
    // Agents are at work all week, so a hand-off is a live one.
    app = await startTestApp({ BUSINESS_HOURS: 'mon-sun 00:00-24:00', LOG_LEVEL: 'silent' });
  });
  afterEach(async () => {
    await app.close();
  });

  it.each([
    ['Vietnamese without diacritics', 'doi hoan tien 2 tuan roi ma van chua thay dau'],
    ['Vietnamese teencode', 'ad ơi e nhắn 3 lần r mà ko ai rep, bực ghê'],
    ['English', 'Nobody has bothered to reply to my emails for a week'],
    ['Czech', 'Už 10 dní čekám na odpověď k reklamaci'],
    ['Chinese', '一直说在处理，处理了半个月'],
  ])('a complaint in %s hands off at once with a high-priority complaint ticket', async (_language, text) => {
    const turn = await say(`angry-${text.length}`, text);
    expect(turn.state).toBe('waiting');
    expect(turn.ticket).toMatchObject({ reason: 'complaint', priority: 'high', subject: text });
    expect(turn.replies.join('\n')).toContain(`#${turn.ticket!.number}`);
  });

  it.each(['转人工', 'Could I get a callback tomorrow morning?', 'Ozve se mi někdo telefonicky?', 'cho xin so dien thoai nhan vien tu van'])('"%s" hands off to a person before any article', async (text) => {
    const turn = await say('wants-a-person', text);
    expect(turn.state).toBe('waiting');
    expect(turn.ticket).toMatchObject({ reason: 'customer_request' });
  });

  it.each(['tôi muốn đổi trả hàng', 'The product is not bad at all, I like it', '东西不差，挺好用的', 'Jak dlouho trvá vrácení peněz?'])('"%s" stays with the bot', async (text) => {
    const turn = await say('calm', text);
    expect(turn.state).toBe('bot');
    expect(turn.ticket).toBeUndefined();
  });
});
