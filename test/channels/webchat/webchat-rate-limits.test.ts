import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { postJson } from '../../support/post-json.js';
import { startTestApp, type TestApp } from '../../support/test-app.js';
import { newWidgetToken, openWidgetSocket } from '../../support/widget-socket.js';

describe('the web chat rate limits', () => {
  let app: TestApp;
  afterEach(async () => {
    await app.close();
  });
  const newSession = () => postJson(`${app.url}/api/webchat/session`, {});
  const newToken = () => newWidgetToken(app);
  const customerMessages = async (token: string) =>
    ((await (await fetch(`${app.url}/api/webchat/messages?token=${token}`)).json()) as { messages: { author: string }[] }).messages.filter((message) => message.author === 'customer').length;

  it('answers an address over RATE_LIMIT_PER_MINUTE asking for sessions with 429 and Retry-After; reading the transcript is not limited', async () => {
    app = await startTestApp({ RATE_LIMIT_PER_MINUTE: '3' });
    const token = await newToken();
    expect([(await newSession()).status, (await newSession()).status]).toEqual([201, 201]);
    const refused = await newSession();
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(await refused.json()).toMatchObject({ error: { code: 'too_many_requests' } });
    for (let i = 0; i < 5; i++) expect((await fetch(`${app.url}/api/webchat/messages?token=${token}`)).status).toBe(200);
  });

  it('answers a visitor over RATE_LIMIT_PER_SENDER_PER_MINUTE on the HTTP fallback with 429; another visitor is served', async () => {
    app = await startTestApp({ RATE_LIMIT_PER_SENDER_PER_MINUTE: '2' });
    const token = await newToken();
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await postJson(`${app.url}/api/webchat/messages`, { token, clientId: `c_http_rl_${i}`, text: 'xin chao' })).status);
    expect(statuses).toEqual([201, 201, 429]);
    expect(await customerMessages(token)).toBe(2);
    expect((await postJson(`${app.url}/api/webchat/messages`, { token: await newToken(), clientId: 'c_http_rl_x', text: 'xin chao' })).status).toBe(201);
  });

  it('drops a socket message over the visitor\'s limit with an error event saying when to retry, and keeps the socket', async () => {
    app = await startTestApp({ RATE_LIMIT_PER_SENDER_PER_MINUTE: '2' });
    const token = await newToken();
    const widget = await openWidgetSocket(app, token);
    widget.send('c_sock_rl_1', 'xin chao');
    widget.send('c_sock_rl_2', 'cam on');
    widget.send('c_sock_rl_3', 'bao hanh bao lau');
    expect(await widget.waitFor((event) => event.clientId === 'c_sock_rl_1')).toMatchObject({ type: 'ack' });
    expect(await widget.waitFor((event) => event.clientId === 'c_sock_rl_2')).toMatchObject({ type: 'ack' });
    const refused = await widget.waitFor((event) => event.clientId === 'c_sock_rl_3');
    expect(refused).toMatchObject({ type: 'error', error: expect.stringMatching(/Too many messages/) });
    expect(refused.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(widget.socket.readyState).toBe(WebSocket.OPEN);
    expect(await customerMessages(token)).toBe(2);
    widget.socket.close();
  });

  it('drops socket frames over the address limit, counted with the address\'s HTTP requests', async () => {
    app = await startTestApp({ RATE_LIMIT_PER_MINUTE: '4', RATE_LIMIT_PER_SENDER_PER_MINUTE: '0' });
    const token = await newToken();
    const widget = await openWidgetSocket(app, token);
    for (let i = 1; i <= 4; i++) widget.send(`c_addr_rl_${i}`, 'xin chao');
    for (let i = 1; i <= 3; i++) expect(await widget.waitFor((event) => event.clientId === `c_addr_rl_${i}`)).toMatchObject({ type: 'ack' });
    // The session took the first of the 4; the fourth frame is one too many and is not read.
    await expect.poll(() => widget.events.some((event) => event.type === 'error'), { interval: 25 }).toBe(true);
    expect(widget.events.filter((event) => event.type === 'error')).toEqual([{ type: 'error', error: expect.stringMatching(/Too many requests from your address/), retryAfterSeconds: expect.any(Number) }]);
    expect(widget.events.some((event) => event.clientId === 'c_addr_rl_4')).toBe(false);
    widget.socket.close();
  });
});
