import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logInWithPassword, loginAs, type AgentSession } from '../support/agent-session.js';
import { restApiAuth } from '../support/rest-api.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** An app with an admin, an agent and a REST customer who asked for a person, leaving an e-mail. */
async function dataRequestWorld(sender: string, displayName: string, text: string, logInAdmin: typeof loginAs = loginAs) {
  const app = await startTestApp({ BUSINESS_HOURS: 'mon-sun 00:00-24:00' });
  const admin = await logInAdmin(app, 'boss@anphat.example', ['admin'], 'Boss');
  const agent = await loginAs(app, 'lan@anphat.example', ['agent'], 'Lan');
  const chat = (words: string) => fetch(`${app.url}/api/chat`, { method: 'POST', headers: { ...restApiAuth, 'content-type': 'application/json' }, body: JSON.stringify({ sender, text: words, displayName }) }).then((response) => response.json() as Promise<{ conversationId: string }>);
  const { conversationId } = await chat(text);
  const customerId = (await app.services.customers.findByIdentity('rest', sender))!._id;
  return { app, admin, agent, chat, conversationId, customerId };
}

// Issue 20: no answer to "what do you hold about me?" — no export or erasure, no record of who did it.
describe('a customer\'s data requests', () => {
  let app: TestApp;
  let admin: AgentSession;
  let agent: AgentSession;
  let customerId = '';
  let conversationId = '';
  beforeAll(async () => {
    let chat: (words: string) => Promise<{ conversationId: string }>;
    ({ app, admin, agent, chat, customerId } = await dataRequestWorld('gdpr-1', 'Nguyễn Thị Thu', 'phí ship bao nhiêu', logInWithPassword));
    ({ conversationId } = await chat('cho gặp nhân viên, email thu.nguyen@example.com, sdt 0912 345 678'));
  });
  afterAll(() => app?.close());

  it('exports everything held about the customer as JSON, for admins only', async () => {
    expect((await agent.get(`/api/customers/${customerId}/export`)).status).toBe(403);
    const response = await admin.get(`/api/customers/${customerId}/export`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toContain(`customer-${customerId}.json`);
    const data = (await response.json()) as { customer: { email: string; displayName: string }; identities: unknown[]; conversations: unknown[]; messages: { text: string }[]; tickets: { contact: { email: string } }[] };
    expect(data.customer).toMatchObject({ displayName: 'Nguyễn Thị Thu', email: 'thu.nguyen@example.com', phone: '0912345678' });
    expect(data.identities).toHaveLength(1);
    expect(data.messages.map((message) => message.text)).toContain('phí ship bao nhiêu');
    expect(data.tickets[0]!.contact.email).toBe('thu.nguyen@example.com');
  });

  it('erases their words, name, contacts and platform ids, keeps the counts, and asks for a confirmation', async () => {
    const before = (await app.services.messages.transcript(conversationId)).length;
    const queued = async () => ((await (await agent.get('/api/agent/queue')).json()) as { queue: { conversation: { id: string } }[] }).queue.map((item) => item.conversation.id);
    expect(await queued()).toContain(conversationId);
    // An agent's open console hears of it, and reloads its queue.
    const stream = await fetch(`${app.url}/api/agent/events`, { headers: { cookie: agent.cookie, accept: 'text/event-stream' } });
    const heard = (async () => {
      const reader = stream.body!.pipeThrough(new TextDecoderStream()).getReader();
      for (let text = ''; !text.includes('event: customer.erased'); ) text += (await reader.read()).value ?? '';
      await reader.cancel();
      return true;
    })();
    expect((await admin.post(`/api/customers/${customerId}/erase`, {})).status).toBe(400);
    expect((await agent.post(`/api/customers/${customerId}/erase`, { confirm: 'erase' })).status).toBe(403);
    const response = await admin.post(`/api/customers/${customerId}/erase`, { confirm: 'erase' });
    expect(response.status).toBe(200);
    const dump = JSON.stringify(await (await admin.get(`/api/customers/${customerId}/export`)).json());
    expect(dump).not.toMatch(/Thu|thu\.nguyen|0912|gdpr-1|phí ship/);
    expect((await app.services.messages.transcript(conversationId)).length).toBe(before);
    expect(await app.services.customers.findByIdentity('rest', 'gdpr-1')).toBeNull();
    // Nobody could answer them now (no address): their waiting ticket leaves the queue, closed.
    expect(await heard).toBe(true);
    expect(await queued()).not.toContain(conversationId);
    const [ticket] = await app.services.tickets.list({});
    expect(ticket).toMatchObject({ conversationId, status: 'closed' });
    expect(await app.services.conversations.get(conversationId)).toMatchObject({ state: 'closed', closedAt: expect.any(Date) });
  });

  it('records who exported, erased and logged in, readable by admins only', async () => {
    expect((await agent.get('/api/audit')).status).toBe(403);
    const { entries } = (await (await admin.get(`/api/audit?target=${customerId}`)).json()) as { entries: { action: string; actor: string }[] };
    const boss = (await app.services.users.findByEmail('boss@anphat.example'))!._id;
    expect(entries.map((entry) => entry.action)).toEqual(['customer_exported', 'customer_erased', 'customer_exported']);
    expect(entries.every((entry) => entry.actor === boss)).toBe(true);
    const logins = (await (await admin.get('/api/audit?action=login')).json()) as { entries: unknown[] };
    expect(logins.entries).toEqual([expect.objectContaining({ actor: boss, target: boss })]);
  });
});

interface AuditPage {
  entries: { action: string; actor: string; actorName?: string; target?: string; targetName?: string; details?: Record<string, unknown> }[];
  offset: number;
  limit: number;
  hasMore: boolean;
}

// Issue 20: the data requests and the audit log, as the console's admin tools use them.
describe('the data-request and audit routes', () => {
  let world: Awaited<ReturnType<typeof dataRequestWorld>>;
  beforeAll(async () => {
    world = await dataRequestWorld('gdpr-2', 'Trần Văn Bình', 'cho gặp nhân viên, email binh.tran@example.com');
    const { conversationId, customerId } = world;
    await world.app.services.csat.record({ conversationId, customerId, score: 2, comment: 'Bình chờ lâu quá', handledBy: 'bot', channel: 'rest', locale: 'vi', segment: 'new', promptedAt: new Date(), answeredAt: new Date() });
  });
  afterAll(() => world?.app.close());

  it('answers 401 without a session and 403 to an agent, on export, erase and the audit log', async () => {
    const { app, agent, customerId } = world;
    expect((await fetch(`${app.url}/api/customers/${customerId}/export`)).status).toBe(401);
    expect((await fetch(`${app.url}/api/customers/${customerId}/erase`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"confirm":"erase"}' })).status).toBe(401);
    expect((await fetch(`${app.url}/api/audit`)).status).toBe(401);
    expect((await agent.get(`/api/customers/${customerId}/export`)).status).toBe(403);
    expect((await agent.post(`/api/customers/${customerId}/erase`, { confirm: 'erase' })).status).toBe(403);
    expect((await agent.get('/api/audit')).status).toBe(403);
  });

  it('refuses an erasure without the session\'s CSRF token, and erases nothing', async () => {
    const { app, admin, customerId } = world;
    const response = await fetch(`${app.url}/api/customers/${customerId}/erase`, { method: 'POST', headers: { cookie: admin.cookie, 'content-type': 'application/json' }, body: '{"confirm":"erase"}' });
    expect(response.status).toBe(403);
    expect((await app.services.customers.get(customerId))!.displayName).toBe('Trần Văn Bình');
  });

  it('exports the messages, the ticket with its contact, the survey answer and the contacts as a JSON download', async () => {
    const { admin, customerId } = world;
    const response = await admin.get(`/api/customers/${customerId}/export`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/json');
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="customer-${customerId}.json"`);
    const data = (await response.json()) as { customer: { email: string }; messages: { text: string }[]; tickets: { contact: { email: string } }[]; surveyAnswers: { comment: string }[] };
    expect(data.customer.email).toBe('binh.tran@example.com');
    expect(data.messages.map((message) => message.text)).toContain('cho gặp nhân viên, email binh.tran@example.com');
    expect(data.tickets.map((ticket) => ticket.contact.email)).toEqual(['binh.tran@example.com']);
    expect(data.surveyAnswers.map((answer) => answer.comment)).toEqual(['Bình chờ lâu quá']);
  });

  it('erases only with the confirmation, anonymises the customer, and records it with who did it', async () => {
    const { app, admin, agent, customerId, conversationId } = world;
    // Lan takes the conversation and notes what the customer told her on the phone.
    const [waiting] = await app.services.tickets.list({ status: 'waiting' });
    expect((await agent.post(`/api/agent/tickets/${waiting!._id}/claim`)).status).toBe(200);
    expect((await agent.post(`/api/agent/conversations/${conversationId}/notes`, { text: 'Anh Bình gọi lại, số 0987 654 321, đơn DH123456 giao sai màu' })).status).toBe(201);
    const noted = (await app.services.tickets.get(waiting!._id))!.notes[0]!;
    const refused = await admin.post(`/api/customers/${customerId}/erase`, { confirm: 'yes' });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain('confirm');
    expect((await app.services.customers.get(customerId))!.displayName).toBe('Trần Văn Bình');

    expect((await admin.post(`/api/customers/${customerId}/erase`, { confirm: 'erase' })).status).toBe(200);
    const customer = (await app.services.customers.get(customerId))!;
    expect(customer).toMatchObject({ erasedAt: expect.any(Date) });
    expect(customer.displayName).toBeUndefined();
    expect(customer.email).toBeUndefined();
    const transcript = await app.services.messages.transcript(conversationId);
    expect(transcript.filter((line) => line.author.kind === 'customer').map((line) => line.text)).toEqual(['[erased]']);
    expect(JSON.stringify(transcript)).not.toMatch(/binh\.tran|Bình/);
    // The note says that Lan wrote one, and when, but no longer what; the ticket is closed, and she no longer has the conversation.
    const ticket = (await app.services.tickets.get(waiting!._id))!;
    expect(ticket.notes).toEqual([{ _id: noted._id, authorId: agent.id, text: '[erased]', createdAt: noted.createdAt }]);
    expect(ticket).toMatchObject({ status: 'closed', assigneeId: agent.id });
    const mine = (await (await agent.get('/api/agent/conversations')).json()) as { conversations: { id: string }[] };
    expect(mine.conversations).toEqual([]);
    expect(await app.services.conversations.get(conversationId)).toMatchObject({ state: 'closed', ownerId: null });
    // The rating stays for the reports, without the comment.
    const rating = await app.services.csat.forConversation(conversationId);
    expect(rating!.score).toBe(2);
    expect(rating).not.toHaveProperty('comment');

    const { entries } = (await (await admin.get(`/api/audit?target=${customerId}`)).json()) as AuditPage;
    expect(entries.map(({ action, actorName }) => ({ action, actorName }))).toEqual([
      { action: 'customer_erased', actorName: 'Boss' },
      { action: 'customer_exported', actorName: 'Boss' },
    ]);
    expect(entries[0]!.details).toMatchObject({ messages: 1, survey_comments: 1, ticket_notes: 1, tickets_closed: 1, conversations_closed: 1 });
    // An erased customer has no name to show.
    expect(entries[0]!.targetName).toBeUndefined();
    expect(JSON.stringify(await (await admin.get(`/api/customers/${customerId}/export`)).json())).not.toMatch(/0987|DH123456|giao sai/);
  });

  it('pages the audit log newest first, naming actors and targets', async () => {
    const { app, admin, agent } = world;
    for (let i = 0; i < 5; i++) await app.services.audit.record({ actor: admin.id, action: 'customer_updated', target: agent.id, details: { fields: [`f${i}`] } }, new Date(Date.now() + 60_000 + i));
    const first = (await (await admin.get('/api/audit?limit=3')).json()) as AuditPage;
    expect(first).toMatchObject({ offset: 0, limit: 3, hasMore: true });
    expect(first.entries.map((entry) => entry.details!.fields)).toEqual([['f4'], ['f3'], ['f2']]);
    expect(first.entries[0]).toMatchObject({ actorName: 'Boss', targetName: 'Lan' });
    const second = (await (await admin.get('/api/audit?limit=3&offset=3')).json()) as AuditPage;
    expect(second.entries.map((entry) => entry.details?.fields)).toEqual([['f1'], ['f0'], undefined]);
    const all = (await (await admin.get('/api/audit?limit=1000')).json()) as AuditPage;
    const last = (await (await admin.get(`/api/audit?limit=3&offset=${all.entries.length - 2}`)).json()) as AuditPage;
    expect(last.entries).toHaveLength(2);
    expect(last.hasMore).toBe(false);
    expect((await admin.get('/api/audit?offset=-1')).status).toBe(400);
  });
});
