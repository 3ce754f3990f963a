import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { postJson } from '../support/post-json.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { newWidgetToken, openWidgetSocket as openSocket } from '../support/widget-socket.js';

describe('the web chat channel', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => {
    await app.close();
  });
  const newToken = () => newWidgetToken(app);

  describe('over the socket', () => {
    it('sends the history, acknowledges a message, shows typing and pushes the answer', async () => {
      const token = await newToken();
      const { socket, next, events } = await openSocket(app, token);
      expect((await next('history'))[0]).toMatchObject({ conversationId: null, messages: [] });
      socket.send(JSON.stringify({ type: 'message', clientId: 'c_0000000001', text: 'phi ship bao nhieu' }));
      const [ack] = await next('ack');
      const [reply] = await next('message');
      expect(ack).toMatchObject({ clientId: 'c_0000000001', message: { author: 'customer', text: 'phi ship bao nhieu', clientId: 'c_0000000001' } });
      expect(reply!.message).toMatchObject({ author: 'bot', text: expect.stringContaining('Phí giao hàng') });
      expect(events.findIndex((event) => event.type === 'typing')).toBeLessThan(events.findIndex((event) => event.type === 'message'));
      // A resent message (same id, e.g. after a lost ack) is stored once and not answered again.
      socket.send(JSON.stringify({ type: 'message', clientId: 'c_0000000001', text: 'phi ship bao nhieu' }));
      await next('ack', 2);
      socket.send(JSON.stringify({ type: 'sync' }));
      const histories = await next('history', 2);
      expect(histories[1]!.messages!.map((message) => message.text.slice(0, 18))).toEqual(['phi ship bao nhieu', 'Phí giao hàng là b']);
      socket.close();
    });

    it('answers malformed events with an error and keeps the connection', async () => {
      const { socket, next } = await openSocket(app, await newToken());
      socket.send('not json');
      socket.send(JSON.stringify({ type: 'message', clientId: 'x', text: '' }));
      const errors = await next('error', 2);
      expect(errors[0]!.error).toBe('Expected a JSON event.');
      expect(errors[1]!.error).toMatch(/clientId: .*8–64/);
      socket.send(JSON.stringify({ type: 'message', clientId: 'c_0000000002', text: 'xin chao' }));
      await next('ack');
      socket.close();
    });

    it('refuses a connection without a valid token with 401', async () => {
      const socket = new WebSocket(`${app.url.replace('http', 'ws')}/api/webchat/socket?token=nope`);
      const status = await new Promise<number>((resolve) => socket.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0)));
      expect(status).toBe(401);
    });

    it('pushes to every open widget of the visitor and to no one else', async () => {
      const token = await newToken();
      const first = await openSocket(app, token);
      const second = await openSocket(app, token);
      const stranger = await openSocket(app, await newToken());
      await Promise.all([first.next('history'), second.next('history'), stranger.next('history')]);
      first.socket.send(JSON.stringify({ type: 'message', clientId: 'c_0000000003', text: 'how long is the warranty' }));
      await first.next('message');
      await second.next('message');
      expect(stranger.events.filter((event) => event.type === 'message')).toEqual([]);
      for (const { socket } of [first, second, stranger]) socket.close();
    });
  });

  describe('over HTTP (the fallback)', () => {
    it('sends a message, returns the replies and reads the history', async () => {
      const token = await newToken();
      const sent = await postJson(`${app.url}/api/webchat/messages`, { token, clientId: 'c_http000001', text: 'bao hanh bao lau', locale: 'vi-VN' });
      expect(sent.status).toBe(201);
      const body = (await sent.json()) as { accepted: { text: string }; replies: { text: string; buttons: unknown[] }[] };
      expect(body.replies[0]!.text).toContain('bảo hành');
      expect(body.replies[0]!.buttons).toHaveLength(2);
      const again = await postJson(`${app.url}/api/webchat/messages`, { token, clientId: 'c_http000001', text: 'bao hanh bao lau' });
      expect(again.status).toBe(200);
      expect(await again.json()).toMatchObject({ duplicate: true, replies: [] });
      const history = (await (await fetch(`${app.url}/api/webchat/messages?token=${token}`)).json()) as { messages: unknown[] };
      expect(history.messages).toHaveLength(2);
    });

    it('rejects a bad token or message with 400 naming the field', async () => {
      const response = await postJson(`${app.url}/api/webchat/messages`, { token: 'short', clientId: 'c_http000002', text: 'hi' });
      expect(response.status).toBe(400);
      expect(((await response.json()) as { error: { details: { path: string }[] } }).error.details[0]!.path).toBe('token');
      const empty = await postJson(`${app.url}/api/webchat/messages`, { token: await newToken(), clientId: 'c_http000003', text: '   ' });
      expect(empty.status).toBe(400);
      expect((await fetch(`${app.url}/api/webchat/messages?token=bad`)).status).toBe(400);
    });

    it('lets any website embed the widget (CORS)', async () => {
      const preflight = await fetch(`${app.url}/api/webchat/messages`, { method: 'OPTIONS', headers: { origin: 'https://shop.example', 'access-control-request-method': 'POST' } });
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    });
  });

  describe('the demo page and the widget script', () => {
    it('serves the demo storefront with the widget tag, and the widget', async () => {
      const page = await (await fetch(`${app.url}/`)).text();
      expect(page).toContain('<script src="/widget.js" async></script>');
      const widget = await fetch(`${app.url}/widget.js`);
      expect(widget.headers.get('content-type')).toMatch(/javascript/);
    });

    it('serves an article page for the links under answers, with HTML escaped', async () => {
      const page = await (await fetch(`${app.url}/help/warranty-period?lang=en`)).text();
      expect(page).toContain('<html lang="en">');
      expect(page).toMatch(/hreflang="vi"/);
      expect((await fetch(`${app.url}/help/no-such-article`)).status).toBe(404);
    });
  });
});
