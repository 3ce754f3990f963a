import { describe, expect, it } from 'vitest';
import { loginAs } from '../support/agent-session.js';
import { emulatorAppPerTest, type PostedActivity } from '../support/fake-bot-connector.js';
import { botFrameworkFixture, type BotActivity } from '../support/bot-framework-fixture.js';
import { postJson } from '../support/post-json.js';
import { eventually } from '../support/eventually.js';

const actionsOf = (posted: PostedActivity | undefined) => posted?.activity.suggestedActions?.actions ?? [];

describe('the Bot Framework channel, driven as the Emulator does (no authentication)', () => {
  const world = emulatorAppPerTest();
  let sequence = 0;

  /** The Emulator's message activity with new text and a fresh id, replies going to the fake connector. */
  const message = (text: string, overrides: BotActivity = {}): BotActivity => ({ ...botFrameworkFixture('emulator-message'), text, id: `emu-${++sequence}`, serviceUrl: world.connector.url, ...overrides });
  const post = (activity: BotActivity, headers: Record<string, string> = {}) => postJson(`${world.app.url}/api/messages`, activity, headers);
  const say = async (text: string, overrides: BotActivity = {}) => {
    const before = world.connector.messages().length;
    const response = await post(message(text, overrides));
    expect(response.status).toBe(200);
    return world.connector.messages().slice(before);
  };

  it('welcomes a customer who opens the conversation, in the language of their client', async () => {
    const update = { ...botFrameworkFixture('emulator-conversation-update'), serviceUrl: world.connector.url };
    expect((await post(update)).status).toBe(200);
    const [welcome] = world.connector.messages();
    expect(welcome!.activity.text).toMatch(/chào/i);
    expect(welcome!.conversationId).toBe('4c1f8b70-ca3b-11f0-9a4e-1b2e0a6d7c11|livechat');
    // Only the bot joining (as when the bot is installed) gets no welcome.
    const botOnly = { ...update, id: 'update-2', membersAdded: [{ id: '2c1c7fa3-ca3b-11f0-9a4e-1b2e0a6d7c11', name: 'Bot' }] };
    expect((await post(botOnly)).status).toBe(200);
    expect(world.connector.messages()).toHaveLength(1);
  });

  it('answers a question from the knowledge base with a link and suggested actions, showing typing first', async () => {
    const replies = await say('bao hanh bao lau');
    expect(replies).toHaveLength(1);
    const [answer] = replies;
    const article = world.app.careline.knowledge.article('warranty-period', 'vi', 'vi')!;
    expect(answer!.activity.text).toContain(article.title);
    expect(answer!.activity.text).toMatch(/\n\n\[Xem chi tiết\]\(http:\/\/localhost:\d+\/help\/warranty-period\?lang=vi\)$/);
    expect(actionsOf(answer).map((action) => [action.type, action.title, action.value])).toEqual([
      ['imBack', 'Có, cảm ơn', 'Có, cảm ơn'],
      ['imBack', 'Không', 'Không'],
    ]);
    expect(answer!.activity.suggestedActions!.to).toEqual(['6f1e2b80-5c7d-4a11-b3c2-0c8f9d2e4a17']);
    const typingAt = world.connector.posted.findIndex((entry) => entry.activity.type === 'typing');
    expect(typingAt).toBeGreaterThanOrEqual(0);
    expect(typingAt).toBeLessThan(world.connector.posted.indexOf(answer!));
    // Sent into the stored conversation reference, as a reply to the customer's activity.
    expect(answer!.conversationId).toBe('4c1f8b70-ca3b-11f0-9a4e-1b2e0a6d7c11|livechat');
    expect([answer!.replyToId, answer!.activity.replyToId]).toEqual([`emu-${sequence}`, `emu-${sequence}`]);
    const [conversation] = await world.app.services.conversations.listByCustomer((await world.app.services.customers.findByIdentity('botframework', 'emulator:6f1e2b80-5c7d-4a11-b3c2-0c8f9d2e4a17'))!._id);
    expect(conversation!.address).toMatchObject({ reference: { channelId: 'emulator', serviceUrl: world.connector.url, conversation: { id: '4c1f8b70-ca3b-11f0-9a4e-1b2e0a6d7c11|livechat' } } });
  });

  it('takes the "Không" suggested action as the button and offers a person', async () => {
    await say('bao hanh bao lau');
    const [reply] = await say('Không');
    expect(actionsOf(reply).map((action) => action.title)).toEqual(['Gặp nhân viên']);
    const transcript = await world.app.services.messages.transcript((await world.app.services.conversations.get((await conversationId()))!)!._id);
    expect(transcript.filter((line) => line.direction === 'in').map((line) => line.payload)).toEqual([undefined, 'feedback:no:warranty-period']);
  });

  it('asks which article was meant and answers the one chosen by suggested action', async () => {
    const [question] = await say('hoàn tiền');
    const choices = actionsOf(question);
    expect(choices.length).toBeGreaterThanOrEqual(3);
    const refund = world.app.careline.knowledge.article('refund-time', 'vi', 'vi')!;
    const chosen = choices.find((action) => action.title === refund.title.slice(0, 80));
    expect(chosen).toBeDefined();
    // Pressing an imBack action sends its value as the customer's own text.
    const [answer] = await say(chosen!.value);
    expect(answer!.activity.text).toContain(refund.answer.slice(0, 40));
  });

  it('accepts a payload carried in the activity value (messageBack, card submit)', async () => {
    const [answer] = await say('Hoàn tiền', { value: { payload: 'article:refund-time' } });
    expect(answer!.activity.text).toContain(world.app.careline.knowledge.article('refund-time', 'vi', 'vi')!.title);
  });

  it('answers a redelivered activity once', async () => {
    const activity = message('phi ship bao nhieu');
    const responses = [await post(activity), await post(activity)];
    expect(responses.map((response) => response.status)).toEqual([200, 200]);
    expect(world.connector.messages()).toHaveLength(1);
  });

  it('hands off to a person, and the agent reply reaches the customer proactively', async () => {
    const [handedOff] = await say('cho gặp nhân viên');
    expect(handedOff!.activity.text).toMatch(/#\d+/);
    const agent = await loginAs(world.app, 'lan@anphat.example', ['agent'], 'Lan');
    const [item] = ((await (await agent.get('/api/agent/queue')).json()) as { queue: { ticket: { id: string }; conversation: { id: string } }[] }).queue;
    expect((await agent.post(`/api/agent/tickets/${item!.ticket.id}/claim`)).status).toBe(200);
    const before = world.connector.messages().length;
    expect((await agent.post(`/api/agent/conversations/${item!.conversation.id}/messages`, { text: 'Chào anh, em là Lan. *Em* kiểm tra ngay ạ.' })).status).toBe(201);
    // The agent is answered once the reply is stored; the outbox sends it right after.
    const relayed = await eventually(() => world.connector.messages()[before], 'the agent reply to reach the connector');
    expect(relayed.activity).toMatchObject({ text: 'Lan: Chào anh, em là Lan. *Em* kiểm tra ngay ạ.', textFormat: 'plain' });
    expect(relayed.conversationId).toBe('4c1f8b70-ca3b-11f0-9a4e-1b2e0a6d7c11|livechat');
    // A proactive message is a new message: no reply to an old customer message, nor to the SDK's continuation activity.
    expect(relayed.replyToId).toBeUndefined();
    expect(relayed.activity.replyToId).toBeUndefined();
    // While the agent owns the conversation, the bot is silent on this channel too.
    expect(await say('bao hanh bao lau')).toEqual([]);
  });

  it('reads a Teams message without the bot\'s @mention and renders more than three buttons as a hero card', async () => {
    const teams: BotActivity = { ...botFrameworkFixture('teams-personal-message'), text: '<at>Careline</at> bảo hành', serviceUrl: world.connector.url };
    expect((await post(teams)).status).toBe(200);
    const [question] = world.connector.messages();
    const transcript = await world.app.services.messages.transcript((await world.app.services.conversations.listByCustomer((await world.app.services.customers.findByIdentity('botframework', `msteams:${(teams.from as { id: string }).id}`))!._id))[0]!._id);
    expect(transcript[0]!.text).toBe('bảo hành');
    expect(question!.activity.suggestedActions).toBeUndefined();
    const buttons = question!.activity.attachments![0]!.content.buttons!;
    expect(question!.activity.attachments![0]!.contentType).toBe('application/vnd.microsoft.card.hero');
    expect(buttons.length).toBeGreaterThan(3);
    expect(buttons.every((button) => button.type === 'imBack' && button.value === button.title)).toBe(true);
  });

  it('reports connector failures as retryable (429 with its Retry-After, 5xx) or permanent (other 4xx)', async () => {
    await say('bao hanh bao lau');
    const conversation = (await world.app.services.conversations.get(await conversationId()))!;
    const channel = world.app.careline.channels.get('botframework')!;
    const send = () => channel.send(conversation.address, { kind: 'text', text: 'Chào anh', buttons: [] });
    // The connector client itself retries 429 and 5xx three times (after Retry-After) before giving up:
    // its three retries are told to wait 0 s, and only the last answer's Retry-After reaches the error
    // (had the client not retried three times, a 0 s one would).
    world.connector.failNext({ status: 429, headers: { 'retry-after': '0' }, times: 3 });
    world.connector.failNext({ status: 429, headers: { 'retry-after': '1' }, times: 1 });
    await expect(send()).rejects.toMatchObject({ name: 'ChannelSendError', status: 429, permanent: false, retryAfterMs: 1000 });
    world.connector.failNext({ status: 503, headers: { 'retry-after': '0' }, times: 4 });
    await expect(send()).rejects.toMatchObject({ name: 'ChannelSendError', status: 503, permanent: false });
    world.connector.failNext({ status: 403, times: 1 });
    await expect(send()).rejects.toMatchObject({ name: 'ChannelSendError', status: 403, permanent: true });
    await expect(send()).resolves.toEqual({ platformMessageId: expect.stringMatching(/^bot-activity-/) });
  });

  it('answers a body that is not an activity with 400 naming the field', async () => {
    const response = await post({ type: 'message', text: 'hi' });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(/channelId/);
  });

  async function conversationId(): Promise<string> {
    const customer = await world.app.services.customers.findByIdentity('botframework', 'emulator:6f1e2b80-5c7d-4a11-b3c2-0c8f9d2e4a17');
    return (await world.app.services.conversations.listByCustomer(customer!._id))[0]!._id;
  }
});
