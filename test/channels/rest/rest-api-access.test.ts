import { afterEach, describe, expect, it } from 'vitest';
import { postJson } from '../../support/post-json.js';
import { restApiAuth, testRestApiKey } from '../../support/rest-api.js';
import { startTestApp, type TestApp } from '../../support/test-app.js';

describe('the chat API (POST /api/chat and its transcript)', () => {
  let app: TestApp;
  afterEach(async () => {
    await app.close();
  });

  describe('without REST_API_KEY', () => {
    it('is off: 404 saying how to turn it on, on every route', async () => {
      app = await startTestApp({ REST_API_KEY: '' });
      const sent = await postJson(`${app.url}/api/chat`, { sender: 'shop-user-7', text: 'bao hanh bao lau' });
      expect(sent.status).toBe(404);
      expect(await sent.json()).toMatchObject({ error: { code: 'chat_api_off', message: expect.stringContaining('Set REST_API_KEY') } });
      const read = await fetch(`${app.url}/api/chat/conversations/cnv_1/messages?sender=shop-user-7`);
      expect(read.status).toBe(404);
      expect(await app.services.customers.findByIdentity('rest', 'shop-user-7')).toBeNull();
    });
  });

  describe('with REST_API_KEY', () => {
    it('answers 401 without the key or with a wrong one, on every route, and serves the right one', async () => {
      app = await startTestApp();
      const body = { sender: 'shop-user-7', text: 'bao hanh bao lau' };
      const missing = await postJson(`${app.url}/api/chat`, body);
      expect(missing.status).toBe(401);
      expect(missing.headers.get('www-authenticate')).toMatch(/^Bearer/);
      expect((await postJson(`${app.url}/api/chat`, body, { authorization: `Bearer ${testRestApiKey}x` })).status).toBe(401);
      expect((await postJson(`${app.url}/api/chat`, body, { authorization: testRestApiKey })).status).toBe(401);
      expect(await app.services.customers.findByIdentity('rest', 'shop-user-7')).toBeNull();
      const created = await postJson(`${app.url}/api/chat`, body, restApiAuth);
      expect(created.status).toBe(201);
      const { conversationId } = (await created.json()) as { conversationId: string };
      // Knowing the sender and the conversation is not enough to read it.
      const transcriptUrl = `${app.url}/api/chat/conversations/${conversationId}/messages?sender=shop-user-7`;
      expect((await fetch(transcriptUrl)).status).toBe(401);
      const transcript = await fetch(transcriptUrl, { headers: restApiAuth });
      expect(transcript.status).toBe(200);
      expect(((await transcript.json()) as { messages: unknown[] }).messages).toHaveLength(2);
    });
  });

  describe('rate limits', () => {
    it('answers a sender over RATE_LIMIT_PER_SENDER_PER_MINUTE with 429 and Retry-After, other senders still served', async () => {
      app = await startTestApp({ RATE_LIMIT_PER_SENDER_PER_MINUTE: '3' });
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) statuses.push((await postJson(`${app.url}/api/chat`, { sender: 'chatty', text: `hello ${i}` }, restApiAuth)).status);
      expect(statuses).toEqual([201, 201, 201, 429]);
      const refused = await postJson(`${app.url}/api/chat`, { sender: 'chatty', text: 'hello again' }, restApiAuth);
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(await refused.json()).toMatchObject({ error: { code: 'too_many_requests', details: { retryAfterSeconds: expect.any(Number) } } });
      expect((await postJson(`${app.url}/api/chat`, { sender: 'quiet', text: 'hello' }, restApiAuth)).status).toBe(201);
      // What was refused was not stored.
      const customer = await app.services.customers.findByIdentity('rest', 'chatty');
      const conversation = await app.services.conversations.latestFor(customer!._id, 'rest');
      const texts = (await app.services.messages.transcript(conversation!._id)).filter((message) => message.author.kind === 'customer').map((message) => message.text);
      expect(texts).toEqual(['hello 0', 'hello 1', 'hello 2']);
    });

    it('answers an address over RATE_LIMIT_PER_MINUTE with 429, whatever the sender', async () => {
      app = await startTestApp({ RATE_LIMIT_PER_MINUTE: '5' });
      const statuses: number[] = [];
      for (let i = 0; i < 7; i++) statuses.push((await postJson(`${app.url}/api/chat`, { sender: `flood-${i}`, text: 'hello' }, restApiAuth)).status);
      expect(statuses).toEqual([201, 201, 201, 201, 201, 429, 429]);
    });

    it('does not limit platform webhooks by address', async () => {
      app = await startTestApp({ RATE_LIMIT_PER_MINUTE: '2', BOTFRAMEWORK_ENABLED: 'true' });
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) statuses.push((await postJson(`${app.url}/api/messages`, { type: 'conversationUpdate', id: `act-${i}`, channelId: 'emulator', serviceUrl: 'http://127.0.0.1:9', from: { id: 'u1' }, recipient: { id: 'bot' }, conversation: { id: 'c1' } })).status);
      expect(statuses).toEqual([200, 200, 200, 200]);
    });
  });
});
