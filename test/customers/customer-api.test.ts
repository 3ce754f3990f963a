import { beforeEach, describe, expect, it } from 'vitest';
import { agentAppPerTest, loginAs, type AgentSession } from '../support/agent-session.js';
import type { TestApp } from '../support/test-app.js';
import { restApiAuth } from '../support/rest-api.js';

const chat = (app: TestApp, sender: string, text: string) =>
  fetch(`${app.url}/api/chat`, { method: 'POST', headers: { 'content-type': 'application/json', ...restApiAuth }, body: JSON.stringify({ sender, text }) }).then((response) => response.json() as Promise<{ conversationId: string; customerId: string }>);

describe('the customers API', () => {
  let app: TestApp;
  let agent: AgentSession;
  const world = agentAppPerTest();
  beforeEach(() => void ({ app, agent } = world));

  it('lets only agents search, read and merge, and needs the CSRF token to change anything', async () => {
    expect((await fetch(`${app.url}/api/customers?q=ab`)).status).toBe(401);
    const editor = await loginAs(app, 'editor@anphat.example', ['editor']);
    expect((await editor.get('/api/customers?q=ab')).status).toBe(403);
    expect((await editor.post('/api/customers/cus_x/merge', { customerId: 'cus_y' })).status).toBe(403);
    const noCsrf = await fetch(`${app.url}/api/customers/cus_x/merge`, { method: 'POST', headers: { cookie: agent.cookie, 'content-type': 'application/json' }, body: '{"customerId":"cus_y"}' });
    expect(noCsrf.status).toBe(403);
  });

  it('answers bad input with 4xx naming what was wrong', async () => {
    const a = await chat(app, 'shop-app-user', 'xin chao');
    const expectError = async (response: Response, status: number, text: string) => {
      expect(response.status).toBe(status);
      expect(((await response.json()) as { error: { message: string } }).error.message).toContain(text);
    };
    await expectError(await agent.get('/api/customers?q=a'), 400, 'q: expected at least 2 characters');
    await expectError(await agent.post(`/api/customers/${a.customerId}/merge`, {}), 400, 'customerId');
    await expectError(await agent.post(`/api/customers/${a.customerId}/merge`, { customerId: a.customerId }), 400, 'cannot be merged with itself');
    await expectError(await agent.post(`/api/customers/${a.customerId}/merge`, { customerId: 'cus_nobody' }), 404, 'The customer to merge');
    await expectError(await agent.post(`/api/customers/cus_nobody/merge`, { customerId: a.customerId }), 404, 'The customer to keep');
    await expectError(await agent.post(`/api/customers/${a.customerId}/verified-contacts`, { phone: '0901 234 567' }), 400, 'country code');
    await expectError(await agent.post(`/api/customers/${a.customerId}/verified-contacts`, { email: 'not-an-email' }), 400, 'e-mail');
    await expectError(await agent.get('/api/customers/cus_nobody'), 404, 'The customer');
  });

  it('merges two customers into one history across channels, once', async () => {
    const web = await chat(app, 'web-visitor', 'bao hanh bao lau');
    const other = await chat(app, 'shop-app-user', 'phi ship bao nhieu');
    await app.services.customers.update(other.customerId, { displayName: 'Tran Minh' });
    const found = (await (await agent.get('/api/customers?q=tran')).json()) as { customers: { id: string; identities: { externalId: string }[] }[] };
    expect(found.customers.map((customer) => customer.id)).toEqual([other.customerId]);
    const byChannelId = (await (await agent.get('/api/customers?q=web-vis')).json()) as { customers: { id: string }[] };
    expect(byChannelId.customers.map((customer) => customer.id)).toEqual([web.customerId]);

    const merged = await agent.post(`/api/customers/${web.customerId}/merge`, { customerId: other.customerId });
    expect(merged.status).toBe(200);
    const body = (await merged.json()) as { customer: { displayName: string }; conversations: { id: string }[]; merges: { mergedId: string; actorId: string; reason: string }[] };
    expect(body.customer.displayName).toBe('Tran Minh');
    expect(body.conversations.map((conversation) => conversation.id).sort()).toEqual([web.conversationId, other.conversationId].sort());
    expect(body.merges).toEqual([expect.objectContaining({ mergedId: other.customerId, actorId: agent.id, reason: 'agent' })]);
    // Again: the same answer, nothing moves twice.
    const again = (await (await agent.post(`/api/customers/${web.customerId}/merge`, { customerId: other.customerId })).json()) as typeof body;
    expect(again.conversations).toHaveLength(2);
    expect(again.merges).toHaveLength(1);
    // The merged record no longer shows up in searches; the agent console shows the other conversation as history.
    expect(((await (await agent.get('/api/customers?q=tran')).json()) as { customers: { id: string }[] }).customers.map((customer) => customer.id)).toEqual([web.customerId]);
    const view = (await (await agent.get(`/api/agent/conversations/${web.conversationId}`)).json()) as { previousConversations: { id: string }[] };
    expect(view.previousConversations.map((conversation) => conversation.id)).toEqual([other.conversationId]);
  });

  it('links customers through a contact an agent verified', async () => {
    const first = await chat(app, 'first', 'xin chao');
    const second = await chat(app, 'second', 'xin chao');
    expect((await agent.post(`/api/customers/${first.customerId}/verified-contacts`, { email: 'Lan@Example.vn' })).status).toBe(201);
    const linked = await agent.post(`/api/customers/${second.customerId}/verified-contacts`, { email: 'lan@example.vn' });
    expect(linked.status).toBe(201);
    const body = (await linked.json()) as { mergedInto: string; verifiedContacts: { value: string; source: string }[] };
    expect(body.mergedInto).toBe(first.customerId);
    expect(body.verifiedContacts).toEqual([expect.objectContaining({ value: 'lan@example.vn', source: 'agent' })]);
  });
});
