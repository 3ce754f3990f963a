import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loginAs } from '../support/agent-session.js';
import { fixture, janaChat, pressFrom, startTelegramWorld, textFrom, webhookSecret, type TelegramWorld } from './telegram-world.js';
import { restApiAuth } from '../support/rest-api.js';

describe('the Telegram channel (telegraf against a fake Bot API)', () => {
  let world: TelegramWorld;
  beforeEach(async () => {
    world = await startTelegramWorld();
  });
  afterEach(async () => {
    await world.close();
  });

  it('registers the webhook with its secret at start', () => {
    const [setWebhook] = world.fake.callsOf('setWebhook');
    expect(setWebhook!.body).toMatchObject({ url: `${world.app.url}/api/telegram/webhook`, secret_token: webhookSecret, allowed_updates: ['message', 'callback_query', 'message_reaction'] });
    expect(world.fake.callsOf('setMyCommands').map((call) => call.body.language_code)).toEqual([undefined, 'vi', 'en', 'cs', 'zh']);
  });

  describe('a customer journey', () => {
    it('greets, answers from the knowledge base, clarifies by button, hands off and relays the agent proactively', async () => {
      const { fake, post, app } = world;
      // /start greets in the customer's language (language_code "en").
      expect((await post(fixture('start-command'))).status).toBe(200);
      expect(fake.sentTo(janaChat).at(-1)!.text).toMatch(/hello|hi/i);

      // A question answered from the knowledge base, with "did it help" buttons, while "typing" shows.
      await post(textFrom('How much does delivery cost?'));
      const answer = fake.sentTo(janaChat).at(-1)!;
      expect(answer.text).toContain('How much does delivery cost?');
      expect(answer.html).toContain('<b>free of charge</b>');
      expect(answer.html).toMatch(/<a href="http:\/\/localhost:\d+\/help\/delivery-fee\?lang=en">Read more<\/a>/);
      expect(answer.keyboard.flat().map((button) => button.callback_data)).toEqual(['feedback:yes:delivery-fee', 'feedback:no:delivery-fee']);
      expect(fake.callsOf('sendChatAction').at(-1)!.body).toEqual({ chat_id: janaChat, action: 'typing' });

      // A vague question gets an inline keyboard of articles; pressing one answers it.
      await post(textFrom('warranty'));
      const choices = fake.sentTo(janaChat).at(-1)!;
      expect(choices.text).toBe('Which of these did you mean?');
      expect(choices.keyboard.map((row) => row.length)).toEqual([1, 1, 1, 1]);
      const chosen = choices.keyboard.flat().find((button) => button.callback_data === 'article:warranty-period')!;
      const press = pressFrom(chosen.callback_data, choices.keyboard, 4);
      await post(press);
      expect(fake.callsOf('answerCallbackQuery').at(-1)!.body).toMatchObject({ callback_query_id: press.callback_query.id });
      expect(fake.sentTo(janaChat).at(-1)!.text.startsWith(chosen.text)).toBe(true);

      // /human hands off with a ticket.
      await post(textFrom('/human', (update) => (update.message.entities = [{ offset: 0, length: 6, type: 'bot_command' }])));
      expect(fake.sentTo(janaChat).at(-1)!.text).toMatch(/ticket #\d+/);
      const customer = await app.services.customers.findByIdentity('telegram', String(janaChat));
      expect(customer).toMatchObject({ displayName: 'Jana Nováková' });
      const conversation = (await app.services.conversations.latestFor(customer!._id, 'telegram'))!;
      expect(conversation).toMatchObject({ state: 'waiting', address: { chatId: janaChat } });

      // The agent claims and replies: the reply reaches the chat by its id, with no update to answer.
      const agent = await loginAs(app, 'lan@anphat.example', ['agent'], 'Lan <Support>');
      await agent.post(`/api/agent/tickets/${conversation.ticketId}/claim`);
      const sentBefore = fake.sentTo(janaChat).length;
      expect((await agent.post(`/api/agent/conversations/${conversation._id}/messages`, { text: 'Hi Jana, 2 < 3 & <b>not bold</b> here.' })).status).toBe(201);
      await fake.waitFor(() => fake.sentTo(janaChat).length === sentBefore + 1);
      const relayed = fake.sentTo(janaChat).at(-1)!;
      expect(relayed.text).toBe('Lan <Support>\nHi Jana, 2 < 3 & <b>not bold</b> here.');
      expect(relayed.html).toBe('<b>Lan &lt;Support&gt;</b>\nHi Jana, 2 &lt; 3 &amp; &lt;b&gt;not bold&lt;/b&gt; here.');

      // While the agent owns the conversation the bot stays silent.
      const quiet = fake.sentTo(janaChat).length;
      await post(textFrom('thanks, waiting'));
      expect(fake.sentTo(janaChat)).toHaveLength(quiet);
    });
  });

  describe('webhook security', () => {
    it('rejects a missing secret with 401 and a wrong one with 403, and answers neither', async () => {
      const before = world.fake.callsOf('sendMessage').length;
      const missing = await world.post(textFrom('How much does delivery cost?'), null);
      expect(missing.status).toBe(401);
      const wrong = await world.post(textFrom('How much does delivery cost?'), 'not-the-secret');
      expect(wrong.status).toBe(403);
      expect(((await wrong.json()) as { error: { message: string } }).error.message).toContain('X-Telegram-Bot-Api-Secret-Token');
      expect(world.fake.callsOf('sendMessage')).toHaveLength(before);
      expect(world.fake.callsOf('sendChatAction')).toHaveLength(0);
    });

    it('answers a body that is not an Update with 400 naming the field', async () => {
      const response = await world.post({ update_id: 'x', message: { text: 'hi' } });
      expect(response.status).toBe(400);
      expect(((await response.json()) as { error: { message: string } }).error.message).toContain('update_id');
    });
  });

  describe('answering fast', () => {
    it('acknowledges the webhook before the answer is sent', async () => {
      const release = world.fake.holdSends();
      const response = await fetch(`${world.app.url}/api/telegram/webhook`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': webhookSecret },
        body: JSON.stringify(textFrom('How much does delivery cost?')),
      });
      expect(response.status).toBe(200);
      expect(world.fake.sentTo(janaChat).length).toBe(0);
      release();
      await world.fake.waitFor(() => world.fake.sentTo(janaChat).length === 1);
    });
  });

  describe('a text longer than a transcript line holds (8,000 characters)', () => {
    it('is accepted, stored cut to 8,000 and answered', async () => {
      const long = `How much does delivery cost? ${'x'.repeat(9000)}`;
      expect((await world.post(textFrom(long))).status).toBe(200);
      expect(world.fake.sentTo(janaChat)).toHaveLength(1);
      const customer = await world.app.services.customers.findByIdentity('telegram', String(janaChat));
      const conversation = await world.app.services.conversations.latestFor(customer!._id, 'telegram');
      const [stored] = await world.app.services.messages.transcript(conversation!._id);
      expect(stored!.text).toBe(long.slice(0, 8000));
      expect(world.app.logs.filter((line) => line.includes('"level":50'))).toEqual([]);
    });
  });

  describe('redelivery', () => {
    it('answers an update delivered twice once', async () => {
      const update = textFrom('How much does delivery cost?');
      expect((await world.post(update)).status).toBe(200);
      expect((await world.post(update)).status).toBe(200);
      expect(world.fake.sentTo(janaChat)).toHaveLength(1);
    });

    it('acknowledges updates it does not handle (an edit) without answering', async () => {
      expect((await world.post(fixture('edited-message'))).status).toBe(200);
      expect(world.fake.callsOf('sendMessage')).toHaveLength(0);
    });
  });

  describe('when the Bot API answers 429', () => {
    it('sends the reply again after retry_after, from the outbox', async () => {
      await world.close();
      world = await startTelegramWorld({ OUTBOX_RETRY_BASE_MS: '50' });
      world.fake.failNext('sendMessage', { error_code: 429, description: 'Too Many Requests: retry after 1', parameters: { retry_after: 1 } });
      await world.post(textFrom('How much does delivery cost?'));
      await world.fake.waitFor(() => world.fake.sentTo(janaChat).length === 1);
      const [refused, retried] = world.fake.callsOf('sendMessage');
      expect(refused!.ok).toBe(false);
      expect(retried!.body.text).toBe(refused!.body.text);
      expect(retried!.at - refused!.at).toBeGreaterThanOrEqual(1000);
      expect(world.fake.callsOf('sendMessage')).toHaveLength(2);
    });
  });

  describe('/start with a deep-link payload', () => {
    it('links the Telegram account to the customer an agent made the link for, and refuses a forged one', async () => {
      const { app, post } = world;
      const known = (await (await fetch(`${app.url}/api/chat`, { method: 'POST', headers: { 'content-type': 'application/json', ...restApiAuth }, body: JSON.stringify({ sender: 'shop-app-42', text: 'xin chào' }) })).json()) as { customerId: string };
      expect((await fetch(`${app.url}/api/telegram/start-link?customerId=${known.customerId}`)).status).toBe(401);
      const agent = await loginAs(app, 'lan@anphat.example', ['agent'], 'Lan');
      const { url } = (await (await agent.get(`/api/telegram/start-link?customerId=${known.customerId}`)).json()) as { url: string };
      expect(url).toMatch(/^https:\/\/t\.me\/anphat_care_bot\?start=[A-Za-z0-9_-]{1,64}$/);
      const payload = new URL(url).searchParams.get('start')!;

      await post(fixture('start-command', (update) => (update.message.text = `/start ${payload}`)));
      expect((await app.services.customers.findByIdentity('telegram', String(janaChat)))!._id).toBe(known.customerId);
      expect(world.fake.sentTo(janaChat).at(-1)!.text).toMatch(/hello|hi/i);

      const forged = `${known.customerId}-AAAAAAAAAAAAAAAA`;
      await post(textFrom(`/start ${forged}`, (update) => (update.message.from.id = update.message.chat.id = 6100000001)));
      expect((await app.services.customers.findByIdentity('telegram', '6100000001'))!._id).not.toBe(known.customerId);
      expect((await agent.get('/api/telegram/start-link?customerId=cus_nobody')).status).toBe(404);
    });
  });

  describe('/help', () => {
    it('explains the commands in the customer\'s language', async () => {
      await world.post(textFrom('/help', (update) => (update.message.from.language_code = 'cs')));
      expect(world.fake.sentTo(janaChat).at(-1)!.text).toContain('/human — mluvit s člověkem');
      // A reply of the conversation like any other: in the transcript, sent through the outbox.
      const customer = await world.app.services.customers.findByIdentity('telegram', String(janaChat));
      const conversation = await world.app.services.conversations.latestFor(customer!._id, 'telegram');
      const transcript = await world.app.services.messages.transcript(conversation!._id);
      expect(transcript.at(-1)).toMatchObject({ direction: 'out', text: expect.stringContaining('/human — mluvit s člověkem') });
      expect(await world.app.store.collection('outbox').find({ conversationId: conversation!._id, 'message.messageId': transcript.at(-1)!._id })).toHaveLength(1);
    });
  });
});
