import { describe, expect, it } from 'vitest';
import { loginAs } from '../support/agent-session.js';
import { botFrameworkFixture, type BotActivity } from '../support/bot-framework-fixture.js';
import { eventually } from '../support/eventually.js';
import { emulatorAppPerTest } from '../support/fake-bot-connector.js';
import { postJson } from '../support/post-json.js';
import { settled } from '../support/settled.js';

// Every kind of activity Bot Framework, Teams and Web Chat document, posted to /api/messages
// as the Emulator does (no authentication; botframework-auth.test.ts signs them).
describe('the Bot Framework channel, given every documented kind of activity', () => {
  const world = emulatorAppPerTest();

  /** A fixture whose replies go to the fake world.connector. */
  const activity = (name: string, overrides: BotActivity = {}): BotActivity => ({ ...botFrameworkFixture(name), serviceUrl: world.connector.url, ...overrides });
  const post = (body: BotActivity) => postJson(`${world.app.url}/api/messages`, body);
  const customerLines = async (sent: BotActivity) => {
    const { channelId, from } = sent as { channelId: string; from: { id: string } };
    const customer = await world.app.services.customers.findByIdentity('botframework', `${channelId}:${from.id}`);
    if (!customer) return [];
    const [conversation] = await world.app.services.conversations.listByCustomer(customer._id);
    return (await world.app.services.messages.transcript(conversation!._id)).filter((line) => line.direction === 'in');
  };
  /** The answers to these fixtures, posted one after the other. */
  const statusesOf = async (names: string[]) => {
    const statuses: number[] = [];
    for (const name of names) statuses.push((await post(activity(name))).status);
    return statuses;
  };
  const storedCount = async () => (await world.app.store.collection('messages').find({})).length;

  describe('card submits and messageBack', () => {
    it('reads a Web Chat Adaptive Card submit (values, no text) as "input: value" lines and answers it as a reply to it', async () => {
      const submit = activity('webchat-card-submit');
      expect((await post(submit)).status).toBe(200);
      const [line] = await customerLines(submit);
      expect(line!.text).toBe('orderNumber: DH-20481\nissue: Chưa nhận được hàng\ncontactByPhone: true');
      const [reply] = world.connector.messages();
      expect(reply!.activity.text).toBeTruthy();
      expect(reply!.replyToId).toBe(submit.id);
    });

    it('takes a card submit carrying a known payload as that button press', async () => {
      const submit = activity('webchat-card-submit', { value: { payload: 'handoff', orderNumber: 'DH-20481' } });
      expect((await post(submit)).status).toBe(200);
      const [line] = await customerLines(submit);
      expect([line!.payload, line!.text]).toEqual(['handoff', 'orderNumber: DH-20481']);
      // The handoff is confirmed with the ticket number.
      expect(world.connector.messages()[0]!.activity.text).toMatch(/#\d+/);
    });

    it('reads a Teams messageBack by the text it sends the bot, and a serialized JSON value as its fields', async () => {
      const messageBack = activity('teams-message-back');
      expect((await post(messageBack)).status).toBe(200);
      expect((await customerLines(messageBack))[0]!.text).toBe('User just clicked the MessageBack button');
      const valueOnly = activity('teams-message-back', { id: 'f:5261769396935243055', text: '', value: '{"bfKey": "bfVal", "conflictKey": "from value"}' });
      expect((await post(valueOnly)).status).toBe(200);
      expect((await customerLines(valueOnly))[1]!.text).toBe('bfKey: bfVal\nconflictKey: from value');
    });
  });

  describe('invokes', () => {
    it('answers a Teams Action.Execute (adaptiveCard/action) 200 with a message, and reads the submitted inputs', async () => {
      const execute = activity('teams-adaptive-card-action');
      const response = await post(execute);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: '✓' });
      expect((await customerLines(execute))[0]!.text).toBe('firstName: Lan\nlastName: Nguyễn');
      const reply = await eventually(() => world.connector.messages()[0], 'the bot to answer the card in the chat');
      expect(reply.replyToId).toBe(execute.id);
    });

    it('answers an automatic card refresh without taking it for a customer message', async () => {
      const refresh = activity('teams-adaptive-card-action', { value: { action: { type: 'Action.Execute', verb: 'refreshCard' }, trigger: 'automatic' } });
      const response = await post(refresh);
      expect([response.status, ((await response.json()) as { statusCode: number }).statusCode]).toEqual([200, 200]);
      expect(await storedCount()).toBe(0);
    });

    it('answers message extension, task module, sign-in and configuration invokes 200 (never 501) and keeps nothing', async () => {
      expect(await statusesOf(['teams-compose-extension-query', 'teams-task-fetch', 'teams-signin-verify-state', 'teams-config-fetch'])).toEqual([200, 200, 200, 200]);
      expect(await storedCount()).toBe(0);
      expect(world.connector.posted).toEqual([]);
    });
  });

  describe('attachments', () => {
    it('keeps an image uploaded in the Emulator for the agent, who opens it through the console; the customer is told the bot reads text only', async () => {
      const url = world.connector.attach('8a6e10c0-ca3b-11f0-9a4e-1b2e0a6d7c11', Buffer.from('png bytes'), 'image/png');
      const upload = activity('emulator-image');
      (upload.attachments as { contentUrl: string }[])[0]!.contentUrl = url;
      expect((await post(upload)).status).toBe(200);
      const [line] = await customerLines(upload);
      expect(line!.attachments).toEqual([{ kind: 'image', url, mimeType: 'image/png', fileName: 'hoa-don.png' }]);
      const [reply] = world.connector.messages();
      expect(reply!.activity.text).toMatch(/chỉ đọc được tin nhắn chữ/);
      expect(reply!.activity.suggestedActions!.actions.map((action) => action.title)).toEqual(['Gặp nhân viên']);
      const agent = await loginAs(world.app, 'lan@anphat.example', ['agent'], 'Lan');
      const opened = await agent.get(`/api/agent/messages/${line!._id}/attachments/0`);
      expect([opened.status, opened.headers.get('content-type'), await opened.text()]).toEqual([200, 'image/png', 'png bytes']);
      // Unauthenticated (the Emulator), nothing vouches for the service URL: it is asked without the bot's token.
      expect(world.connector.attachmentDownloads).toEqual([undefined]);
    });

    it('keeps a Teams inline image and a Teams file (its download link), not the HTML copy of the message', async () => {
      const image = activity('teams-inline-image');
      expect((await post(image)).status).toBe(200);
      expect((await post(activity('teams-file'))).status).toBe(200);
      const [imageLine, fileLine] = await customerLines(image);
      expect(imageLine!.attachments).toEqual([{ kind: 'image', url: (image.attachments as { contentUrl: string }[])[0]!.contentUrl }]);
      expect(fileLine!.attachments).toEqual([{ kind: 'file', fileName: 'file_example.txt', url: 'https://download.link' }]);
    });

    it('records a reaction and its removal without answering either', async () => {
      const added = activity('teams-reaction');
      expect((await post(added)).status).toBe(200);
      expect((await post(activity('teams-reaction-removed', { id: 'f:9f78d1f4' }))).status).toBe(200);
      const lines = await customerLines(added);
      expect(lines.map((line) => line.attachments)).toEqual([
        [{ kind: 'reaction', targetId: '1575667808184', emoji: '👍', summary: 'like' }],
        [{ kind: 'reaction', targetId: '1575667808184', emoji: '👍', summary: 'removed the reaction like' }],
      ]);
      await settled(world.app.careline);
      expect(world.connector.messages()).toEqual([]);
    });
  });

  it('acknowledges installation updates, typing, end of conversation and Web Chat events, keeping and answering nothing', async () => {
    expect(await statusesOf(['teams-installation-update', 'emulator-typing', 'emulator-end-of-conversation', 'webchat-join-event'])).toEqual([200, 200, 200, 200]);
    expect(await storedCount()).toBe(0);
    expect(world.connector.posted).toEqual([]);
  });
});
