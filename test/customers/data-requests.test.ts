import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logInWithPassword, loginAs, type AgentSession } from '../support/agent-session.js';
import { restApiAuth } from '../support/rest-api.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

// Issue 20: no answer to "what do you hold about me?" — no export or erasure, no record of who did it.
describe('a customer\'s data requests', () => {
  let app: TestApp;
  let admin: AgentSession;
  let agent: AgentSession;
  let customerId = '';
  let conversationId = '';
  beforeAll(async () => {
    app = await startTestApp({ BUSINESS_HOURS: 'mon-sun 00:00-24:00' });
    admin = await logInWithPassword(app, 'boss@anphat.example', ['admin'], 'Boss');
    agent = await loginAs(app, 'lan@anphat.example', ['agent'], 'Lan');
    const chat = (text: string) => fetch(`${app.url}/api/chat`, { method: 'POST', headers: { ...restApiAuth, 'content-type': 'application/json' }, body: JSON.stringify({ sender: 'gdpr-1', text, displayName: 'Nguyễn Thị Thu' }) }).then((response) => response.json() as Promise<{ conversationId: string }>);
    await chat('phí ship bao nhiêu');
    ({ conversationId } = await chat('cho gặp nhân viên, email thu.nguyen@example.com, sdt 0912 345 678'));
    customerId = (await app.services.customers.findByIdentity('rest', 'gdpr-1'))!._id;
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
    expect((await admin.post(`/api/customers/${customerId}/erase`, {})).status).toBe(400);
    expect((await agent.post(`/api/customers/${customerId}/erase`, { confirm: 'erase' })).status).toBe(403);
    const response = await admin.post(`/api/customers/${customerId}/erase`, { confirm: 'erase' });
    expect(response.status).toBe(200);
    const dump = JSON.stringify(await (await admin.get(`/api/customers/${customerId}/export`)).json());
    expect(dump).not.toMatch(/Thu|thu\.nguyen|0912|gdpr-1|phí ship/);
    expect((await app.services.messages.transcript(conversationId)).length).toBe(before);
    expect(await app.services.customers.findByIdentity('rest', 'gdpr-1')).toBeNull();
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
