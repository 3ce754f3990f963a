import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CustomerTyping } from '../../src/handoff/customer-typing.js';
import { loginAs, type AgentSession } from '../support/agent-session.js';
import { botFrameworkFixture } from '../support/bot-framework-fixture.js';
import { startFakeBotConnector, type FakeBotConnector } from '../support/fake-bot-connector.js';
import { postJson } from '../support/post-json.js';
import { settled } from '../support/settled.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { newWidgetToken, openWidgetSocket } from '../support/widget-socket.js';

/** The console's event stream of `agent`, read as text as it arrives. */
function openEventStream(app: TestApp, agent: AgentSession) {
  const controller = new AbortController();
  let text = '';
  const opened = fetch(`${app.url}/api/agent/events`, { headers: { cookie: agent.cookie }, signal: controller.signal }).then(async (response) => {
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    void (async () => {
      for (;;) {
        const { done, value } = await reader.read().catch(() => ({ done: true, value: undefined }));
        if (done) return;
        text += decoder.decode(value, { stream: true });
      }
    })();
  });
  return {
    opened,
    /** The data of every `customer.typing` event so far. */
    typing: () => [...text.matchAll(/event: customer\.typing\ndata: (.*)\n/g)].map((match) => JSON.parse(match[1]!) as unknown),
    close: () => controller.abort(),
  };
}

describe('the customer typing, shown to the agent', () => {
  let app: TestApp;
  let connector: FakeBotConnector;
  let agent: AgentSession;
  beforeAll(async () => {
    connector = await startFakeBotConnector();
    app = await startTestApp({ BOTFRAMEWORK_ENABLED: 'true', BUSINESS_HOURS: 'mon-sun 00:00-24:00' });
    agent = await loginAs(app, 'lan@anphat.example', ['agent'], 'Lan');
  });
  afterAll(async () => {
    await app?.close();
    await connector?.close();
  });

  it('passes a widget visitor\'s typing to the console once per 2 s, naming the conversation and nothing they wrote', async () => {
    const stream = openEventStream(app, agent);
    await stream.opened;
    const widget = await openWidgetSocket(app, await newWidgetToken(app));
    await widget.next('history');
    widget.send('c_typing_handoff', 'cho gặp nhân viên');
    await widget.next('ack');
    const [ticket] = await app.services.tickets.waiting();
    for (let i = 0; i < 5; i++) widget.socket.send(JSON.stringify({ type: 'typing' }));
    await widget.flush();
    await expect.poll(() => stream.typing()).toEqual([{ conversationId: ticket!.conversationId }]);
    // The burst was one signal; nothing came back to the widget for it.
    await settled(app.careline);
    expect(stream.typing()).toHaveLength(1);
    expect(widget.events.filter((event) => event.type === 'error')).toEqual([]);
    widget.socket.close();
    stream.close();
  });

  it('tells nobody while the bot has the conversation', async () => {
    const seen: string[] = [];
    const off = app.careline.events.on('customer.typing', ({ conversation }) => void seen.push(conversation._id));
    const widget = await openWidgetSocket(app, await newWidgetToken(app));
    widget.send('c_typing_bot_only', 'xin chào');
    await widget.next('ack');
    widget.socket.send(JSON.stringify({ type: 'typing' }));
    await widget.flush();
    await settled(app.careline);
    expect(seen).toEqual([]);
    off();
    widget.socket.close();
  });

  it('passes a Bot Framework typing activity of a customer waiting for an agent', async () => {
    const seen: string[] = [];
    const off = app.careline.events.on('customer.typing', ({ conversation }) => void seen.push(conversation._id));
    const message = { ...botFrameworkFixture('emulator-message'), serviceUrl: connector.url, text: 'cho gặp nhân viên' };
    expect((await postJson(`${app.url}/api/messages`, message)).status).toBe(200);
    const customer = await app.services.customers.findByIdentity('botframework', 'emulator:6f1e2b80-5c7d-4a11-b3c2-0c8f9d2e4a17');
    const conversation = await app.services.conversations.latestFor(customer!._id, 'botframework');
    expect(conversation!.state).toBe('waiting');
    expect((await postJson(`${app.url}/api/messages`, { ...botFrameworkFixture('emulator-typing'), serviceUrl: connector.url })).status).toBe(200);
    expect(seen).toEqual([conversation!._id]);
    off();
  });

  it('lets the next signal through once 2 s have passed since the last one that went, or once a message came', async () => {
    let now = 1_000_000;
    const typing = new CustomerTyping({ customers: app.services.customers, conversations: app.services.conversations, events: app.careline.events, now: () => now });
    const signal = { channel: 'botframework' as const, externalUserId: 'emulator:6f1e2b80-5c7d-4a11-b3c2-0c8f9d2e4a17' };
    expect(await typing.typed(signal)).toBe(true);
    now += 1_999;
    expect(await typing.typed(signal)).toBe(false);
    now += 1;
    expect(await typing.typed(signal)).toBe(true);
    // The customer's message came: their next keystroke shows at once.
    expect((await postJson(`${app.url}/api/messages`, { ...botFrameworkFixture('emulator-message'), id: 'after-typing', serviceUrl: connector.url, text: 'máy giặt bị lỗi' })).status).toBe(200);
    expect(await typing.typed(signal)).toBe(true);
    expect(await typing.typed(signal)).toBe(false);
  });
});
