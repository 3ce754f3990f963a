import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { postJson } from '../support/post-json.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { restApiAuth } from '../support/rest-api.js';

describe('the HTTP app', () => {
  let app: TestApp;
  beforeEach(async () => {
    app = await startTestApp();
  });
  afterEach(async () => {
    await app.close();
  });

  describe('health', () => {
    it('says the process is up and the store is ready', async () => {
      const health = await fetch(`${app.url}/healthz`);
      expect(health.status).toBe(200);
      expect(await health.json()).toMatchObject({ status: 'ok' });
      const ready = await fetch(`${app.url}/readyz`);
      expect(await ready.json()).toEqual({ status: 'ready', store: 'embedded' });
    });

    it('answers /readyz with 503 when the store is gone, while /healthz stays up', async () => {
      await app.store.close();
      expect((await fetch(`${app.url}/readyz`)).status).toBe(503);
      expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
    });

    it('answers /readyz with 503 store_unavailable, not a hanging probe, when the store stops answering', async () => {
      // A frozen database: the ping is sent and never answered.
      app.store.ping = () => new Promise<void>(() => {});
      const ready = await fetch(`${app.url}/readyz`, { signal: AbortSignal.timeout(2000) });
      expect(ready.status).toBe(503);
      expect(await ready.json()).toMatchObject({ status: 'unavailable', store: 'embedded', error: { code: 'store_unavailable' } });
      expect((await fetch(`${app.url}/healthz`, { signal: AbortSignal.timeout(2000) })).status).toBe(200);
    });
  });

  describe('POST /api/chat', () => {
    it('answers a customer message and reads the transcript back to the same sender only', async () => {
      const created = await postJson(`${app.url}/api/chat`, { sender: 'shop-user-7', text: 'Bảo hành bao lâu?' }, restApiAuth);
      expect(created.status).toBe(201);
      const body = (await created.json()) as { conversationId: string; replies: { text: string; link: { url: string } }[] };
      const { conversationId } = body;
      const title = app.careline.knowledge.article('warranty-period', 'vi', 'vi')!.title;
      expect(body.replies).toHaveLength(1);
      expect(body.replies[0]!.text).toContain(title);
      expect(body.replies[0]!.link.url).toBe(`${app.url.replace('127.0.0.1', 'localhost')}/help/warranty-period?lang=vi`);
      const transcript = await fetch(`${app.url}/api/chat/conversations/${conversationId}/messages?sender=shop-user-7`, { headers: restApiAuth });
      expect(await transcript.json()).toMatchObject({
        conversationId,
        state: 'bot',
        messages: [{ author: 'customer', text: 'Bảo hành bao lâu?' }, { author: 'bot', text: expect.stringContaining(title) }],
      });
      const stranger = await fetch(`${app.url}/api/chat/conversations/${conversationId}/messages?sender=someone-else`, { headers: restApiAuth });
      expect(stranger.status).toBe(404);
    });

    it('stores a redelivered message id once and says it was a duplicate', async () => {
      const body = { sender: 'u1', text: 'hello', messageId: 'm-1' };
      expect((await postJson(`${app.url}/api/chat`, body, restApiAuth)).status).toBe(201);
      const again = await postJson(`${app.url}/api/chat`, body, restApiAuth);
      expect(again.status).toBe(200);
      // A redelivered message is not answered twice.
      expect(await again.json()).toMatchObject({ duplicate: true, replies: [] });
    });
  });

  describe('bad input', () => {
    it('answers 400 listing every invalid field', async () => {
      const response = await postJson(`${app.url}/api/chat`, { sender: 5, extra: true }, restApiAuth);
      expect(response.status).toBe(400);
      const { error } = (await response.json()) as { error: { code: string; details: { path: string }[] } };
      expect(error.code).toBe('invalid_request');
      expect(error.details.map((d) => d.path).sort()).toEqual(['', 'sender']);
    });

    it('answers 400 to malformed JSON and 413 to an oversized body', async () => {
      expect((await postJson(`${app.url}/api/chat`, '{"sender":', restApiAuth)).status).toBe(400);
      const huge = await postJson(`${app.url}/api/chat`, { sender: 'u', text: 'x'.repeat(300_000) }, restApiAuth);
      expect(huge.status).toBe(413);
      expect(((await huge.json()) as { error: { code: string } }).error.code).toBe('payload_too_large');
    });

    it('answers an unknown route with a JSON 404', async () => {
      const response = await fetch(`${app.url}/api/nothing-here`);
      expect(response.status).toBe(404);
      expect(await response.json()).toMatchObject({ error: { code: 'not_found' } });
    });
  });

  describe('unexpected failures', () => {
    it('answers 500 without internals, logs the error and keeps serving', async () => {
      await app.store.close();
      const response = await postJson(`${app.url}/api/chat`, { sender: 'u', text: 'hi' }, { ...restApiAuth, 'x-request-id': 'req-123' });
      expect(response.status).toBe(500);
      expect(response.headers.get('x-request-id')).toBe('req-123');
      const text = await response.text();
      expect(text).not.toMatch(/database|sqlite|stack|at /i);
      expect(JSON.parse(text)).toEqual({ error: { code: 'internal', message: 'Something went wrong on our side.', requestId: 'req-123' } });
      expect(app.logs.some((line) => line.includes('unhandled error') && line.includes('req-123'))).toBe(true);
      expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
    });
  });
});
