import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postJson } from '../../support/post-json.js';
import { settled } from '../../support/settled.js';
import { startTestApp, type TestApp } from '../../support/test-app.js';
import { newWidgetToken, openWidgetSocket } from '../../support/widget-socket.js';

describe('the web chat when two visitors use the same clientId', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => {
    await app.close();
  });
  const newToken = () => newWidgetToken(app);
  const historyTexts = async (token: string) => ((await (await fetch(`${app.url}/api/webchat/messages?token=${token}`)).json()) as { messages: { author: string; text: string }[] }).messages.map((message) => `${message.author}: ${message.text}`);

  describe('over the socket', () => {
    it('never acknowledges the second visitor with the first one\'s text', async () => {
      const first = await openWidgetSocket(app, await newToken());
      const second = await openWidgetSocket(app, await newToken());
      first.send('c_shared0001', 'bao hanh bao lau');
      await first.waitFor((event) => event.type === 'ack');
      second.send('c_shared0001', 'phi ship bao nhieu');
      await second.waitFor((event) => event.clientId === 'c_shared0001' && (event.type === 'ack' || event.type === 'error'));
      // Everything the server was to push has been pushed, and has arrived.
      await settled(app.careline);
      await second.flush();
      expect(JSON.stringify(second.events)).not.toContain('bao hanh bao lau');
      for (const widget of [first, second]) widget.socket.close();
    });

    it('stores and answers each visitor\'s own message', async () => {
      const firstToken = await newToken();
      const secondToken = await newToken();
      const first = await openWidgetSocket(app, firstToken);
      const second = await openWidgetSocket(app, secondToken);
      first.send('c_shared0002', 'bao hanh bao lau');
      await first.waitFor((event) => event.type === 'message');
      second.send('c_shared0002', 'phi ship bao nhieu');
      const ack = await second.waitFor((event) => event.clientId === 'c_shared0002');
      expect(ack).toMatchObject({ type: 'ack', message: { author: 'customer', text: 'phi ship bao nhieu' } });
      expect((await second.waitFor((event) => event.type === 'message')).message!.text).toContain('Phí giao hàng');
      expect((await historyTexts(secondToken))[0]).toBe('customer: phi ship bao nhieu');
      expect((await historyTexts(firstToken))[0]).toBe('customer: bao hanh bao lau');
      for (const widget of [first, second]) widget.socket.close();
    });
  });

  describe('over HTTP', () => {
    const sendBoth = async (clientId: string) => {
      const firstToken = await newToken();
      const secondToken = await newToken();
      await postJson(`${app.url}/api/webchat/messages`, { token: firstToken, clientId, text: 'bao hanh bao lau' });
      const second = await postJson(`${app.url}/api/webchat/messages`, { token: secondToken, clientId, text: 'phi ship bao nhieu' });
      return { secondToken, status: second.status, text: await second.text() };
    };

    it('never answers the second visitor with the first one\'s text', async () => {
      const { text, secondToken } = await sendBoth('c_shared0003');
      expect(text).not.toContain('bao hanh bao lau');
      expect((await historyTexts(secondToken)).join('\n')).not.toContain('bao hanh bao lau');
    });

    it('stores and answers each visitor\'s own message', async () => {
      const { status, text, secondToken } = await sendBoth('c_shared0004');
      expect(status).toBe(201);
      expect(JSON.parse(text)).toMatchObject({ accepted: { text: 'phi ship bao nhieu' }, duplicate: false });
      expect(await historyTexts(secondToken)).toEqual(['customer: phi ship bao nhieu', expect.stringMatching(/^bot: .*Phí giao hàng/s)]);
    });
  });
});
