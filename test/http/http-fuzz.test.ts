import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { metaSignature } from '../../src/channels/meta/meta-signature.js';
import { zaloSignature } from '../../src/channels/zalo/zalo-signature.js';
import { loginAs, type AgentSession } from '../support/agent-session.js';
import { botFrameworkFixture } from '../support/bot-framework-fixture.js';
import { startFakeBotConnector, type FakeBotConnector } from '../support/fake-bot-connector.js';
import { FakeGraphApi } from '../support/fake-graph-api.js';
import { FakeTelegram } from '../support/fake-telegram.js';
import { FakeZalo, zaloEnv, zaloText } from '../support/fake-zalo.js';
import { fuzzRequests, namesTheProblem, send, type FuzzRequest, type FuzzResponse, type FuzzTarget } from '../support/http-fuzz.js';
import { metaFixture } from '../support/meta-webhook.js';
import { postJson } from '../support/post-json.js';
import { restApiAuth } from '../support/rest-api.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const appSecret = 'fuzz-app-secret';
const telegramSecret = 'fuzz-telegram-secret_0123456789';

/** Every route family, each from a request that would be valid. */
function targetsFor(ids: { conversationId: string; customerId: string; ticketId: string; connectorUrl: string; zaloAppId: string }): FuzzTarget[] {
  const { conversationId, customerId, ticketId } = ids;
  const article = { title: 'Fuzz', questions: ['fuzz?'], answer: 'Fuzz **answer**', category: 'fuzz', tags: [] };
  return [
    { family: 'api/auth', method: 'POST', path: '/api/auth/login', body: { email: 'nobody@example.com', password: 'wrong password' } },
    { family: 'api/auth', method: 'GET', path: '/api/auth/me', staff: true },
    { family: 'api/auth', method: 'POST', path: '/api/auth/logout', body: {} },
    { family: 'api/agent', method: 'GET', path: '/api/agent/queue', staff: true },
    { family: 'api/agent', method: 'GET', path: '/api/agent/conversations', query: { state: 'waiting' }, staff: true },
    { family: 'api/agent', method: 'GET', path: `/api/agent/conversations/${conversationId}`, staff: true },
    { family: 'api/agent', method: 'POST', path: `/api/agent/conversations/${conversationId}/notes`, body: { text: 'a note' }, staff: true },
    { family: 'api/agent', method: 'POST', path: `/api/agent/conversations/${conversationId}/typing`, body: {}, staff: true },
    { family: 'api/agent', method: 'POST', path: `/api/agent/tickets/${ticketId}/claim`, body: {}, staff: true },
    { family: 'api/agent', method: 'GET', path: '/api/agent/knowledge', query: { q: 'bảo hành', locale: 'vi' }, staff: true },
    { family: 'api/agent', method: 'GET', path: '/api/agent/agents', staff: true },
    { family: 'api/agent', method: 'GET', path: '/api/agent/events', staff: true },
    { family: 'api/customers', method: 'GET', path: '/api/customers', query: { q: 'shop' }, staff: true },
    { family: 'api/customers', method: 'GET', path: `/api/customers/${customerId}`, staff: true },
    { family: 'api/customers', method: 'POST', path: `/api/customers/${customerId}/merge`, body: { customerId: 'cus_missing' }, staff: true },
    { family: 'api/tickets', method: 'GET', path: '/api/tickets', query: { status: 'open', limit: '20' }, staff: true },
    { family: 'api/tickets', method: 'GET', path: `/api/tickets/${ticketId}`, staff: true },
    { family: 'api/tickets', method: 'PATCH', path: `/api/tickets/${ticketId}`, body: { priority: 'high' }, staff: true },
    { family: 'api/tickets', method: 'POST', path: `/api/tickets/${ticketId}/notes`, body: { text: 'note' }, staff: true },
    { family: 'api/reports', method: 'GET', path: '/api/reports', query: { from: '2026-01-01', to: '2026-01-31', bucket: 'day' }, staff: true },
    { family: 'api/reports', method: 'GET', path: '/api/reports/export.csv', query: { from: '2026-01-01', to: '2026-01-31' }, staff: true },
    { family: 'api/editor', method: 'GET', path: '/api/editor/articles', query: { q: 'ship', locale: 'vi' }, staff: true },
    { family: 'api/editor', method: 'POST', path: '/api/editor/articles', body: { ...article, slug: 'fuzz-article', locale: 'en' }, staff: true },
    { family: 'api/editor', method: 'GET', path: '/api/editor/articles/warranty-period/vi/revisions/1', staff: true },
    { family: 'api/editor', method: 'PUT', path: '/api/editor/articles/fuzz-article/en', body: article, staff: true },
    { family: 'api/editor', method: 'POST', path: '/api/editor/preview', body: { markdown: '# Hi [x](https://example.com)' }, staff: true },
    { family: 'api/editor', method: 'POST', path: '/api/editor/try', body: { text: 'phí ship' }, staff: true },
    { family: 'api/editor', method: 'GET', path: '/api/editor/gaps', query: { since: '2026-01-01' }, staff: true },
    { family: 'api/editor', method: 'PUT', path: '/api/editor/synonyms/en', body: { groups: [['ship', 'delivery']] }, staff: true },
    { family: 'api/chat', method: 'POST', path: '/api/chat', body: { sender: 'fuzz-customer', text: 'hello' } },
    { family: 'api/chat', method: 'GET', path: `/api/chat/conversations/${conversationId}/messages`, query: { sender: 'shop-user' } },
    { family: 'api/webchat', method: 'POST', path: '/api/webchat/session', body: {} },
    { family: 'api/webchat', method: 'GET', path: '/api/webchat/messages', query: { token: 'wc_not-a-token' } },
    { family: 'api/webchat', method: 'POST', path: '/api/webchat/messages', body: { token: 'wc_not-a-token', clientId: 'c_0000000001', text: 'hi' } },
    { family: 'api/telegram', method: 'POST', path: '/api/telegram/webhook', body: { update_id: 1, message: { message_id: 1, date: 1, chat: { id: 7, type: 'private' }, from: { id: 7, first_name: 'F' }, text: 'hi' } }, sign: () => ({ 'x-telegram-bot-api-secret-token': telegramSecret }) },
    { family: 'api/telegram', method: 'GET', path: '/api/telegram/start-link', query: { customerId }, staff: true },
    { family: 'webhooks', method: 'POST', path: '/webhooks/messenger', body: metaFixture('messenger-text'), sign: (raw) => ({ 'x-hub-signature-256': metaSignature(raw, appSecret) }) },
    { family: 'webhooks', method: 'POST', path: '/webhooks/whatsapp', body: metaFixture('whatsapp-text'), sign: (raw) => ({ 'x-hub-signature-256': metaSignature(raw, appSecret) }) },
    { family: 'webhooks', method: 'GET', path: '/webhooks/messenger', query: { 'hub.mode': 'subscribe', 'hub.verify_token': 'fuzz-verify', 'hub.challenge': '42' } },
    {
      family: 'webhooks',
      method: 'POST',
      path: '/webhooks/zalo',
      body: zaloText('8888', 'xin chào'),
      sign: (raw) => {
        const timestamp = (/"timestamp":"?(\d+)/.exec(raw) ?? [])[1] ?? '';
        return { 'x-zevent-signature': zaloSignature(ids.zaloAppId, raw, timestamp, 'oa-secret-key') };
      },
    },
    { family: 'webhooks', method: 'POST', path: '/api/messages', body: { ...botFrameworkFixture('emulator-message'), serviceUrl: ids.connectorUrl } },
    { family: 'help', method: 'GET', path: '/help/warranty-period', query: { lang: 'vi' } },
    { family: 'static', method: 'GET', path: '/console/index.html' },
    { family: 'static', method: 'GET', path: '/editor/editor.js' },
    { family: 'static', method: 'GET', path: '/dashboard/vendor/chart.umd.min.js' },
    { family: 'static', method: 'GET', path: '/widget.js' },
  ];
}

describe('the HTTP surface under malformed input', () => {
  let app: TestApp;
  let staff: AgentSession;
  let graph: FakeGraphApi;
  let telegram: FakeTelegram;
  let zalo: FakeZalo;
  let connector: FakeBotConnector;
  const answers: { request: FuzzRequest; response: FuzzResponse }[] = [];

  beforeAll(async () => {
    [graph, telegram, zalo, connector] = await Promise.all([new FakeGraphApi(['EAAPage', 'EAAWhatsapp']).start(), FakeTelegram.start(), new FakeZalo().start(), startFakeBotConnector()]);
    app = await startTestApp(
      {
        META_APP_SECRET: appSecret,
        META_VERIFY_TOKEN: 'fuzz-verify',
        META_GRAPH_API_BASE: graph.url,
        MESSENGER_PAGE_ACCESS_TOKEN: 'EAAPage',
        WHATSAPP_ACCESS_TOKEN: 'EAAWhatsapp',
        WHATSAPP_PHONE_NUMBER_ID: '106540352242922',
        TELEGRAM_BOT_TOKEN: telegram.token,
        TELEGRAM_WEBHOOK_SECRET: telegramSecret,
        TELEGRAM_API_ROOT: telegram.url,
        BOTFRAMEWORK_ENABLED: 'true',
        // 3,000 requests from one address: without the rate limits every route family is reached, not answered 429.
        RATE_LIMIT_PER_MINUTE: '0',
        // The test reads the errors logged (an unhandled one is logged at error level), not a line per request.
        LOG_LEVEL: 'warn',
        RATE_LIMIT_PER_SENDER_PER_MINUTE: '0',
        ...zaloEnv(zalo),
      },
      { telegram: 'webhook' },
    );
    staff = await loginAs(app, 'fuzz-admin@example.com', ['admin']);
    const chat = (await (await postJson(`${app.url}/api/chat`, { sender: 'shop-user', text: 'cho tôi gặp nhân viên', payload: 'handoff' }, restApiAuth)).json()) as { conversationId: string };
    const conversation = await app.services.conversations.get(chat.conversationId);
    const tickets = await (await staff.get('/api/tickets')).json() as { tickets: { _id: string }[] };
    const requests = fuzzRequests(
      targetsFor({ conversationId: chat.conversationId, customerId: conversation!.customerId, ticketId: tickets.tickets[0]?._id ?? 'tkt_missing', connectorUrl: connector.url, zaloAppId: zaloEnv(zalo).ZALO_APP_ID! }),
      staff,
      16,
      3000,
    );
    const queue = [...requests];
    await Promise.all(
      Array.from({ length: 6 }, async () => {
        for (let request = queue.shift(); request; request = queue.shift()) answers.push({ request, response: await send(app.url, request) });
      }),
    );
  }, 300_000);

  afterAll(async () => {
    await app?.close();
    await Promise.all([graph?.stop(), telegram?.close(), zalo?.close(), connector?.close()]);
  });

  const describeAnswer = ({ request, response }: { request: FuzzRequest; response: FuzzResponse }) =>
    `${response.status} ${request.method} ${request.path.slice(0, 120)} [${request.mutation}] ${response.body.slice(0, 160)}`;

  it('covers every route family', () => {
    expect(new Set(answers.map((answer) => answer.request.family))).toEqual(new Set(['api/auth', 'api/agent', 'api/customers', 'api/tickets', 'api/reports', 'api/editor', 'api/chat', 'api/webchat', 'api/telegram', 'webhooks', 'help', 'static']));
    expect(answers).toHaveLength(3000);
  });

  it('never answers 5xx', () => {
    expect(answers.filter((answer) => answer.response.status >= 500).map(describeAnswer)).toEqual([]);
  });

  it('says what was wrong in every 4xx, as JSON', () => {
    expect(answers.filter((answer) => answer.response.status >= 400 && !namesTheProblem(answer.response)).map(describeAnswer)).toEqual([]);
  });

  it('logs no unhandled error and still serves afterwards', async () => {
    expect(app.logs.filter((line) => line.includes('unhandled error')).map((line) => line.slice(0, 300))).toEqual([]);
    expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
    expect((await staff.get('/api/auth/me')).status).toBe(200);
  });
});
