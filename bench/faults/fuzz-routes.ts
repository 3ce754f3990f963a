import { benchCredentials as c } from './bench-credentials.js';
import { benchCustomer } from './bench-customers.js';
import { botFrameworkActivity, zaloEvent, type BenchMessage } from './deliver.js';

/** How a route authenticates the caller, so the fuzz can get past it to the parsing. */
export type FuzzAuth = 'none' | 'staff' | 'meta' | 'zalo' | 'telegram' | 'rest';

/** One route of Careline's HTTP surface with a well-formed request the fuzz then spoils. */
export interface FuzzRoute {
  method: string;
  /** With `:params`, filled from `FuzzContext` or spoilt. */
  path: string;
  query?: Record<string, string>;
  body?: (context: FuzzContext) => unknown;
  auth: FuzzAuth;
}

/** Real ids of the fuzzed Careline, so spoilt requests reach past "not found". */
export interface FuzzContext {
  conversationId: string;
  customerId: string;
  ticketId: string;
  serviceUrl: string;
  widgetToken: string;
}

let sequence = 0;
const message = (text = 'bao hanh bao lau'): BenchMessage => ({ customer: benchCustomer('telegram', 7, sequence % 50), messageId: 70_000_000 + ++sequence, text });
const psid = (n: number) => benchCustomer('messenger', 7, n).platformId;

function telegramUpdate(): unknown {
  const id = Number(benchCustomer('telegram', 7, sequence % 50).platformId);
  return { update_id: 70_000_000 + ++sequence, message: { message_id: sequence, from: { id, is_bot: false, first_name: 'Fuzz', language_code: 'vi' }, chat: { id, type: 'private' }, date: Math.floor(Date.now() / 1000), text: 'bao hanh bao lau' } };
}

function messaging(object: 'page' | 'instagram'): unknown {
  const now = Date.now();
  return { object, entry: [{ id: c.messengerPageId, time: now, messaging: [{ sender: { id: psid(sequence % 50) }, recipient: { id: c.messengerPageId }, timestamp: now, message: { mid: `m_fuzz_${++sequence}`, text: 'phi ship bao nhieu' } }] }] };
}

function whatsapp(): unknown {
  const phone = benchCustomer('whatsapp', 7, sequence % 50).platformId;
  return { object: 'whatsapp_business_account', entry: [{ id: '1', changes: [{ field: 'messages', value: { messaging_product: 'whatsapp', metadata: { display_phone_number: '1555', phone_number_id: c.whatsappPhoneNumberId }, contacts: [{ profile: { name: 'Fuzz' }, wa_id: phone }], messages: [{ from: phone, id: `wamid.FUZZ${++sequence}`, timestamp: String(Math.floor(Date.now() / 1000)), text: { body: 'bao hanh' }, type: 'text' }] } }] }] };
}

const article = { title: 'Fuzz', questions: ['fuzz?'], answer: 'fuzz', category: 'fuzz', tags: [] };
const fuzzSlug = 'bench-fuzz-article';

/**
 * Every route Careline serves (src/app/create-app.ts and the routers it mounts), each with a
 * request it would accept, plus the static pages and an unknown path.
 */
export const fuzzRoutes: FuzzRoute[] = [
  { method: 'GET', path: '/healthz', auth: 'none' },
  { method: 'GET', path: '/readyz', auth: 'none' },
  { method: 'GET', path: '/webhooks/messenger', query: { 'hub.mode': 'subscribe', 'hub.verify_token': c.metaVerifyToken, 'hub.challenge': '1158201444' }, auth: 'none' },
  { method: 'POST', path: '/webhooks/messenger', body: () => messaging('page'), auth: 'meta' },
  { method: 'POST', path: '/webhooks/instagram', body: () => messaging('instagram'), auth: 'meta' },
  { method: 'POST', path: '/webhooks/whatsapp', body: whatsapp, auth: 'meta' },
  { method: 'POST', path: '/webhooks/zalo', body: () => zaloEvent({ ...message(), customer: benchCustomer('zalo', 7, sequence % 50) }), auth: 'zalo' },
  { method: 'POST', path: '/api/telegram/webhook', body: telegramUpdate, auth: 'telegram' },
  { method: 'GET', path: '/api/telegram/start-link', query: { customerId: ':customerId' }, auth: 'staff' },
  { method: 'POST', path: '/api/messages', body: (context) => botFrameworkActivity({ ...message(), customer: benchCustomer('botframework', 7, sequence % 50) }, context.serviceUrl), auth: 'none' },
  { method: 'POST', path: '/api/chat', body: () => ({ sender: `fuzz-${sequence % 50}`, text: 'phi ship bao nhieu', messageId: `fuzz-${++sequence}` }), auth: 'rest' },
  { method: 'GET', path: '/api/chat/conversations/:conversationId/messages', query: { sender: 'fuzz-1' }, auth: 'rest' },
  { method: 'POST', path: '/api/webchat/session', auth: 'none' },
  { method: 'GET', path: '/api/webchat/messages', query: { token: ':widgetToken' }, auth: 'none' },
  { method: 'POST', path: '/api/webchat/messages', body: (context) => ({ token: context.widgetToken, clientId: `fuzzclient${++sequence}`, text: 'bao hanh bao lau' }), auth: 'none' },
  { method: 'OPTIONS', path: '/api/webchat/messages', auth: 'none' },
  { method: 'POST', path: '/api/auth/login', body: () => ({ email: 'nobody@bench.example', password: 'wrong-password' }), auth: 'none' },
  { method: 'GET', path: '/api/auth/me', auth: 'staff' },
  { method: 'POST', path: '/api/auth/logout', auth: 'none' },
  { method: 'GET', path: '/api/agent/queue', auth: 'staff' },
  { method: 'GET', path: '/api/agent/conversations', auth: 'staff' },
  { method: 'GET', path: '/api/agent/conversations/:conversationId', auth: 'staff' },
  { method: 'POST', path: '/api/agent/tickets/:ticketId/claim', body: () => ({}), auth: 'staff' },
  { method: 'POST', path: '/api/agent/conversations/:conversationId/messages', body: () => ({ text: 'fuzz reply' }), auth: 'staff' },
  { method: 'POST', path: '/api/agent/conversations/:conversationId/notes', body: () => ({ text: 'fuzz note' }), auth: 'staff' },
  { method: 'POST', path: '/api/agent/conversations/:conversationId/transfer', body: () => ({ toUserId: 'usr_nobody' }), auth: 'staff' },
  { method: 'POST', path: '/api/agent/conversations/:conversationId/typing', body: () => ({}), auth: 'staff' },
  { method: 'GET', path: '/api/agent/agents', auth: 'staff' },
  { method: 'GET', path: '/api/agent/knowledge', query: { q: 'bao hanh', locale: 'vi' }, auth: 'staff' },
  { method: 'GET', path: '/api/customers', query: { q: 'fuzz' }, auth: 'staff' },
  { method: 'GET', path: '/api/customers/:customerId', auth: 'staff' },
  { method: 'POST', path: '/api/customers/:customerId/merge', body: () => ({ customerId: 'cus_nobody' }), auth: 'staff' },
  { method: 'POST', path: '/api/customers/:customerId/verified-contacts', body: () => ({ email: 'fuzz@bench.example' }), auth: 'staff' },
  { method: 'GET', path: '/api/tickets', query: { status: 'waiting', limit: '10' }, auth: 'staff' },
  { method: 'GET', path: '/api/tickets/:ticketId', auth: 'staff' },
  { method: 'POST', path: '/api/tickets/:ticketId/assign', body: () => ({ agentId: 'usr_nobody' }), auth: 'staff' },
  { method: 'PATCH', path: '/api/tickets/:ticketId', body: () => ({ priority: 'high' }), auth: 'staff' },
  { method: 'POST', path: '/api/tickets/:ticketId/notes', body: () => ({ text: 'fuzz note' }), auth: 'staff' },
  { method: 'GET', path: '/api/reports', query: { from: '2026-11-01', to: '2026-11-30', bucket: 'day' }, auth: 'staff' },
  { method: 'GET', path: '/api/reports/export.csv', query: { from: '2026-11-01', to: '2026-11-07', bucket: 'week' }, auth: 'staff' },
  { method: 'GET', path: '/api/editor/articles', query: { q: 'bao', locale: 'vi', status: 'published' }, auth: 'staff' },
  { method: 'POST', path: '/api/editor/articles', body: () => ({ ...article, slug: `${fuzzSlug}-${++sequence}`, locale: 'en' }), auth: 'staff' },
  { method: 'GET', path: '/api/editor/articles/warranty-period', auth: 'staff' },
  { method: 'PUT', path: `/api/editor/articles/${fuzzSlug}/vi`, body: () => ({ ...article, baseRevision: 1 }), auth: 'staff' },
  { method: 'POST', path: `/api/editor/articles/${fuzzSlug}/vi/publish`, body: () => ({}), auth: 'staff' },
  { method: 'POST', path: `/api/editor/articles/${fuzzSlug}/vi/archive`, body: () => ({}), auth: 'staff' },
  { method: 'DELETE', path: `/api/editor/articles/${fuzzSlug}/vi/draft`, auth: 'staff' },
  { method: 'GET', path: '/api/editor/articles/warranty-period/vi/revisions', auth: 'staff' },
  { method: 'GET', path: '/api/editor/articles/warranty-period/vi/revisions/1', query: { against: '1' }, auth: 'staff' },
  { method: 'POST', path: `/api/editor/articles/${fuzzSlug}/vi/revisions/1/restore`, body: () => ({}), auth: 'staff' },
  { method: 'POST', path: '/api/editor/preview', body: () => ({ markdown: '**fuzz** [x](javascript:alert(1))' }), auth: 'staff' },
  { method: 'POST', path: '/api/editor/try', body: () => ({ text: 'bao hanh bao lau', locale: 'vi' }), auth: 'staff' },
  { method: 'GET', path: '/api/editor/synonyms', auth: 'staff' },
  { method: 'PUT', path: '/api/editor/synonyms/vi', body: () => ({ groups: [['fuzz']], baseRevision: 0 }), auth: 'staff' },
  { method: 'GET', path: '/api/editor/synonyms/vi/revisions', auth: 'staff' },
  { method: 'GET', path: '/api/editor/gaps', auth: 'staff' },
  { method: 'POST', path: '/api/editor/gaps/gap_nobody/article', body: () => ({ ...article, slug: fuzzSlug, locale: 'vi', publish: false }), auth: 'staff' },
  { method: 'POST', path: '/api/editor/gaps/gap_nobody/variants', body: () => ({ slug: fuzzSlug, locale: 'vi', publish: false }), auth: 'staff' },
  { method: 'POST', path: '/api/editor/gaps/gap_nobody/dismiss', body: () => ({}), auth: 'staff' },
  { method: 'GET', path: '/help/warranty-period', query: { lang: 'en' }, auth: 'none' },
  { method: 'GET', path: '/', auth: 'none' },
  { method: 'GET', path: '/console/', auth: 'none' },
  { method: 'GET', path: '/dashboard/', auth: 'none' },
  { method: 'GET', path: '/editor/', auth: 'none' },
  { method: 'GET', path: '/widget.js', auth: 'none' },
  { method: 'GET', path: '/dashboard/vendor/chart.umd.js', auth: 'none' },
  { method: 'GET', path: '/api/nothing-here', auth: 'none' },
];
