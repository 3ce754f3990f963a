import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consoleDocuments } from '../../public/console/console-documents.js';
import { check, checkResponse } from '../../public/staff/schema-check.js';
import { loginAs, type AgentSession } from '../support/agent-session.js';
import { restApiAuth } from '../support/rest-api.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

type Schemas = Parameters<typeof checkResponse>[2];
type Body = Record<string, any>;

const chat = (app: TestApp, sender: string, text: string) =>
  fetch(`${app.url}/api/chat`, { method: 'POST', headers: { 'content-type': 'application/json', ...restApiAuth }, body: JSON.stringify({ sender, text, displayName: 'Trần Văn Bình' }) }).then((response) => response.json() as Promise<{ conversationId: string }>);

// Issue 19: "validate API responses against the same shapes the server uses".
describe('the documents the console receives, as GET /api/schemas describes them', () => {
  let app: TestApp;
  let agent: AgentSession;
  let schemas: Schemas;
  let conversationId = '';
  let queue: Body = {};
  const get = async (path: string) => (await (await agent.get(path)).json()) as Body;

  beforeAll(async () => {
    app = await startTestApp({ BUSINESS_HOURS: 'mon-sun 00:00-24:00' });
    agent = await loginAs(app, 'lan@anphat.example', ['agent'], 'Lan');
    await loginAs(app, 'minh@anphat.example', ['agent'], 'Minh');
    // A first conversation answered by the bot, handed off, answered and resolved; then a second one waiting.
    const first = await chat(app, 'binh', 'bảo hành bao lâu');
    await chat(app, 'binh', 'cho gặp nhân viên, email binh.tran@example.com');
    const [waiting] = (await get('/api/agent/queue')).queue;
    await agent.post(`/api/agent/tickets/${waiting.ticket.id}/claim`);
    await agent.post(`/api/agent/conversations/${first.conversationId}/messages`, { text: 'Chào anh Bình, em xem ngay.' });
    await agent.post(`/api/agent/conversations/${first.conversationId}/notes`, { text: 'Khách hỏi bảo hành' });
    await agent.post(`/api/agent/conversations/${first.conversationId}/resolve`);
    await chat(app, 'binh', 'đơn hàng của tôi đâu rồi');
    ({ conversationId } = await chat(app, 'binh', 'cho gặp nhân viên'));
    schemas = (await get('/api/schemas')) as Schemas;
    queue = await get('/api/agent/queue');
  });
  afterAll(async () => {
    await app?.close();
  });

  it('are for staff only, and browsers may keep them a while', async () => {
    expect((await fetch(`${app.url}/api/schemas`)).status).toBe(401);
    const editor = await loginAs(app, 'editor@anphat.example', ['editor']);
    const response = await editor.get('/api/schemas');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('private, max-age=300');
    expect(Object.keys((await response.json()) as object)).toEqual(expect.arrayContaining(['conversation', 'message', 'ticket', 'customer', 'user']));
  });

  it('describe dates as the ISO strings JSON carries', () => {
    const ticket = schemas.ticket as { properties: Record<string, unknown> };
    expect(ticket.properties.createdAt).toEqual({ type: 'string', format: 'date-time' });
  });

  it('accept what the console is really sent', async () => {
    const detail = await get(`/api/agent/conversations/${conversationId}`);
    // The world is what the test meant: a ticket, the customer, earlier conversations with messages.
    expect(detail.ticket.status).toBe('waiting');
    expect(detail.customer.displayName).toBe('Trần Văn Bình');
    expect(detail.previousConversations[0].messages.length).toBeGreaterThan(3);
    expect(checkResponse(detail, consoleDocuments.conversation, schemas)).toEqual([]);
    expect(queue.queue).toHaveLength(1);
    expect(checkResponse(queue, consoleDocuments.queue, schemas)).toEqual([]);
    expect(checkResponse(await get('/api/agent/search?view=all'), consoleDocuments.search, schemas)).toEqual([]);
    expect(checkResponse(await get('/api/auth/me'), consoleDocuments.session, schemas)).toEqual([]);
    expect(checkResponse(await get('/api/agent/agents'), consoleDocuments.agents, schemas)).toEqual([]);
    // The customer panel: a verified contact, an identity, a conversation; the canned responses.
    await agent.post(`/api/customers/${detail.customer._id}/verified-contacts`, { email: 'binh.tran@example.com' });
    const record = await get(`/api/customers/${detail.customer._id}`);
    expect(record.verifiedContacts[0].source).toBe('agent');
    expect(checkResponse(record, consoleDocuments.customerRecord, schemas)).toEqual([]);
    await agent.post('/api/agent/canned-responses', { shortcut: 'wait', text: 'Dạ {customer.name} chờ em một chút nhé.', locale: 'vi' });
    const canned = await get('/api/agent/canned-responses');
    expect(canned.responses.map((response: Body) => response.shortcut)).toContain('wait');
    expect(checkResponse(canned, consoleDocuments.canned, schemas)).toEqual([]);
    await agent.post(`/api/agent/tickets/${detail.ticket.id}/claim`);
    const mine = await get('/api/agent/conversations');
    expect(mine.conversations).toHaveLength(1);
    expect(checkResponse(mine, consoleDocuments.mine, schemas)).toEqual([]);
  });

  it('reject a wrong document, naming the path of what is wrong, and allow extra fields', async () => {
    const detail = await get(`/api/agent/conversations/${conversationId}`);
    detail.conversation.state = 'flying';
    delete detail.messages[1].at;
    detail.previousConversations[0].messages[0].author = 42;
    detail.customer.addedLater = { anything: true };
    expect(checkResponse(detail, consoleDocuments.conversation, schemas).map(({ path }) => path)).toEqual(['conversation.state', 'messages[1].at', 'previousConversations[0].messages[0].author']);
    expect(checkResponse({ ...detail, messages: 'none' }, { 'messages[]': 'message' }, schemas)).toEqual([{ path: 'messages', problem: 'expected array, got "none"' }]);
    const record = await get(`/api/customers/${detail.customer._id}`);
    record.identities[0].channel = 5;
    record.customer.tags = 'vip';
    expect(checkResponse(record, consoleDocuments.customerRecord, schemas).map(({ path }) => path)).toEqual(['customer.tags', 'identities[0].channel']);
    const canned = await get('/api/agent/canned-responses');
    delete canned.responses[0].text;
    expect(checkResponse(canned, consoleDocuments.canned, schemas)).toEqual([{ path: 'responses[0].text', problem: 'missing' }]);
    const tampered = structuredClone(queue);
    tampered.queue[0].ticket.sla.msLeft = '5 min';
    expect(checkResponse(tampered, consoleDocuments.queue, schemas)).toEqual([{ path: 'queue[0].ticket.sla.msLeft', problem: 'expected number, got "5 min"' }]);
  });

  it('take a document that may be null as such, and one that may not as missing', async () => {
    const detail = await get(`/api/agent/conversations/${conversationId}`);
    expect(checkResponse({ ...detail, ticket: null, customer: null }, consoleDocuments.conversation, schemas)).toEqual([]);
    expect(checkResponse({ ...detail, conversation: null }, consoleDocuments.conversation, schemas)).toEqual([{ path: 'conversation', problem: 'missing' }]);
    // A nullable field inside a document: the customer of a conversation in a list.
    const summary = { ...detail.conversation, customer: { id: 'c1', segment: 'gold' } };
    expect(check(schemas.conversation!, summary, 'conversation')).toEqual([{ path: 'conversation.customer.segment', problem: 'expected one of "new", "regular", "vip", got "gold"' }]);
    expect(check(schemas.conversation!, { ...summary, customer: null }, 'conversation')).toEqual([]);
  });
});
