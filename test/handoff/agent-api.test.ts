import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WebchatChannel } from '../../src/channels/webchat/webchat-channel.js';
import { agentAppPerTest, loginAs, type AgentSession } from '../support/agent-session.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { restApiAuth } from '../support/rest-api.js';

const chat = (app: TestApp, sender: string, text: string) =>
  fetch(`${app.url}/api/chat`, { method: 'POST', headers: { 'content-type': 'application/json', ...restApiAuth }, body: JSON.stringify({ sender, text }) }).then((response) => response.json() as Promise<{ conversationId: string; customerId: string; replies: { text: string }[] }>);

interface QueueItem {
  ticket: { id: string; number: number; priority: string; sla: { breached: boolean; msLeft: number } };
  conversation: { id: string; customer: { segment: string } };
}

describe('the agent API', () => {
  let app: TestApp;
  let agent: AgentSession;
  const world = agentAppPerTest();
  beforeEach(() => void ({ app, agent } = world));
  const queue = async (session = agent) => ((await (await session.get('/api/agent/queue')).json()) as { queue: QueueItem[] }).queue;

  describe('access', () => {
    it('answers 401 without a session and 403 with the wrong role or without the CSRF token', async () => {
      expect((await fetch(`${app.url}/api/agent/queue`)).status).toBe(401);
      expect((await fetch(`${app.url}/api/tickets`)).status).toBe(401);
      const editor = await loginAs(app, 'editor@anphat.example', ['editor']);
      expect((await editor.get('/api/agent/queue')).status).toBe(403);
      expect((await editor.get('/api/tickets')).status).toBe(403);
      const noCsrf = await fetch(`${app.url}/api/agent/tickets/x/claim`, { method: 'POST', headers: { cookie: agent.cookie } });
      expect(noCsrf.status).toBe(403);
      expect((await agent.get('/api/agent/queue')).status).toBe(200);
    });

    it('rejects a wrong password with 401 and rate-limits repeated failures with 429', async () => {
      const attempt = () => fetch(`${app.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'lan@anphat.example', password: 'wrong password' }) });
      for (let i = 0; i < 5; i++) expect((await attempt()).status).toBe(401);
      expect((await attempt()).status).toBe(429);
    });

    it('logs out', async () => {
      expect((await agent.post('/api/auth/logout')).status).toBe(204);
      expect((await agent.get('/api/agent/queue')).status).toBe(401);
    });
  });

  describe('a transcript', () => {
    it('names the article the bot answered with by its title, and says which buttons the bot offered', async () => {
      const answered = await chat(app, 'asker', 'bảo hành bao lâu');
      await chat(app, 'asker', 'cho gap nhan vien');
      const view = (await (await agent.get(`/api/agent/conversations/${answered.conversationId}`)).json()) as { messages: { author: string; articleTitle?: string; articleSlug?: string; buttons: string[]; at: string }[] };
      const answer = view.messages.find((message) => message.articleTitle);
      expect(answer).toMatchObject({ author: 'bot', articleSlug: 'warranty-period', articleTitle: app.careline.knowledge.article('warranty-period', 'vi', 'vi')!.title });
      expect(answer!.buttons.length).toBeGreaterThan(0);
      expect(Number.isNaN(Date.parse(answer!.at))).toBe(false);
    });
  });

  describe('the queue', () => {
    it('serves a VIP customer who arrived later before a regular one', async () => {
      await chat(app, 'regular', 'cho gap nhan vien');
      const vip = await chat(app, 'vip', 'xin chao');
      await app.services.customers.update(vip.customerId, { segment: 'vip' });
      await chat(app, 'vip', 'cho gap nhan vien');
      const items = await queue();
      expect(items.map((item) => item.conversation.customer.segment)).toEqual(['vip', 'new']);
      expect(items.map((item) => item.ticket.priority)).toEqual(['high', 'normal']);
      expect(items[0]!.ticket.sla).toMatchObject({ breached: false });
      expect(items[0]!.ticket.sla.msLeft).toBeGreaterThan(14 * 60_000);
    });

    it('gives a conversation claimed by two agents at the same moment to exactly one', async () => {
      await chat(app, 'c1', 'cho gap nhan vien');
      const other = await loginAs(app, 'minh@anphat.example', ['agent'], 'Minh');
      const [item] = await queue();
      const results = await Promise.all([agent.post(`/api/agent/tickets/${item!.ticket.id}/claim`), other.post(`/api/agent/tickets/${item!.ticket.id}/claim`)]);
      expect(results.map((response) => response.status).sort()).toEqual([200, 409]);
      const conversation = await app.services.conversations.get(item!.conversation.id);
      expect([agent.id, other.id]).toContain(conversation!.ownerId);
      expect(await queue()).toEqual([]);
    });
  });

  describe('a conversation with an agent', () => {
    it('relays replies to the customer, keeps notes internal, records first response and resolution', async () => {
      const started = await chat(app, 'c1', 'cho gap nhan vien');
      const [item] = await queue();
      expect((await agent.post(`/api/agent/tickets/${item!.ticket.id}/claim`)).status).toBe(200);
      expect((await agent.post(`/api/agent/conversations/${started.conversationId}/notes`, { text: 'customer sounds upset' })).status).toBe(201);
      expect((await agent.post(`/api/agent/conversations/${started.conversationId}/messages`, { text: 'Chào anh, em là Lan.' })).status).toBe(201);
      // The bot stays silent while the agent owns the conversation.
      const customerLine = await chat(app, 'c1', 'bao hanh bao lau');
      expect(customerLine.replies).toEqual([]);
      const view = (await (await agent.get(`/api/agent/conversations/${started.conversationId}`)).json()) as { messages: { author: string; authorName?: string; text: string }[]; ticket: { notes: { text: string }[] } };
      expect(view.messages.map((message) => message.author)).toEqual(['customer', 'bot', 'agent', 'customer']);
      expect(view.messages[2]).toMatchObject({ authorName: 'Lan' });
      expect(view.ticket.notes.map((note) => note.text)).toEqual(['customer sounds upset']);
      const transcript = (await (await fetch(`${app.url}/api/chat/conversations/${started.conversationId}/messages?sender=c1`, { headers: restApiAuth })).json()) as { messages: { text: string }[] };
      expect(transcript.messages.map((message) => message.text)).not.toContain('customer sounds upset');
      expect((await agent.post(`/api/agent/conversations/${started.conversationId}/resolve`)).status).toBe(200);
      const ticket = await app.services.tickets.get(item!.ticket.id);
      expect(ticket).toMatchObject({ status: 'resolved', firstResponseAt: expect.any(Date), resolvedAt: expect.any(Date) });
      expect(ticket!.firstResponseAt!.getTime()).toBeLessThanOrEqual(ticket!.resolvedAt!.getTime());
      // A new message after resolution starts a new conversation with the bot.
      const next = await chat(app, 'c1', 'bao hanh bao lau');
      expect(next.conversationId).not.toBe(started.conversationId);
      expect(next.replies).toHaveLength(1);
    });

    it('refuses replies from an agent who does not own the conversation', async () => {
      const started = await chat(app, 'c1', 'cho gap nhan vien');
      const [item] = await queue();
      await agent.post(`/api/agent/tickets/${item!.ticket.id}/claim`);
      const other = await loginAs(app, 'minh@anphat.example', ['agent'], 'Minh');
      expect((await other.post(`/api/agent/conversations/${started.conversationId}/messages`, { text: 'hi' })).status).toBe(403);
      expect((await agent.post(`/api/agent/conversations/${started.conversationId}/messages`, { text: '' })).status).toBe(400);
    });

    it('hands the conversation back to the bot, which answers again', async () => {
      const started = await chat(app, 'c1', 'cho gap nhan vien');
      const [item] = await queue();
      await agent.post(`/api/agent/tickets/${item!.ticket.id}/claim`);
      expect((await agent.post(`/api/agent/conversations/${started.conversationId}/handback`)).status).toBe(200);
      expect((await chat(app, 'c1', 'bao hanh bao lau')).replies).toHaveLength(1);
    });
  });

  describe('the tickets API', () => {
    it('lists and filters, gets, notes and changes tickets', async () => {
      await chat(app, 'c1', 'cho gap nhan vien');
      const list = (await (await agent.get('/api/tickets?status=waiting')).json()) as { tickets: { _id: string; status: string }[] };
      expect(list.tickets).toHaveLength(1);
      const id = list.tickets[0]!._id;
      expect(((await (await agent.get('/api/tickets?status=resolved')).json()) as { tickets: unknown[] }).tickets).toEqual([]);
      expect((await agent.post(`/api/tickets/${id}/notes`, { text: 'called back' })).status).toBe(201);
      const assigned = await agent.post(`/api/tickets/${id}/assign`, { agentId: agent.id });
      expect(assigned.status).toBe(200);
      const got = (await (await agent.get(`/api/tickets/${id}`)).json()) as { ticket: { assigneeId: string; notes: { text: string }[] } };
      expect(got.ticket).toMatchObject({ assigneeId: agent.id, notes: [{ text: 'called back' }] });
      expect((await agent.get('/api/tickets?status=bogus')).status).toBe(400);
      expect((await agent.get('/api/tickets/tkt_nope')).status).toBe(404);
    });
  });
});

describe('automatic assignment (AUTO_ASSIGN=true)', () => {
  let app: TestApp;
  afterEach(async () => {
    await app.close();
  });

  it('gives each waiting conversation to the online agent with the fewest, up to their limit', async () => {
    app = await startTestApp({ BUSINESS_HOURS: 'mon-sun 00:00-24:00', AUTO_ASSIGN: 'true' });
    const lan = await loginAs(app, 'lan@anphat.example', ['agent'], 'Lan');
    const minh = await loginAs(app, 'minh@anphat.example', ['agent'], 'Minh');
    await app.store.collection('users').updateOne({ _id: lan.id }, { $set: { maxConversations: 1 } });
    await chat(app, 'early', 'cho gap nhan vien');
    // Nobody online yet: the conversation waits.
    expect(await app.services.tickets.waiting()).toHaveLength(1);
    // Opening the console's event stream is what makes an agent online.
    const streams = [lan, minh].map((agent) => {
      const controller = new AbortController();
      void fetch(`${app.url}/api/agent/events`, { headers: { cookie: agent.cookie }, signal: controller.signal }).catch(() => undefined);
      return controller;
    });
    await expect.poll(() => app.careline.presence.onlineCount).toBe(2);
    for (const sender of ['c1', 'c2', 'c3']) await chat(app, sender, 'cho gap nhan vien');
    await expect.poll(async () => (await app.services.tickets.waiting()).length).toBe(0);
    await expect.poll(async () => (await app.services.conversations.ownedBy(minh.id)).length).toBe(3);
    expect(await app.services.conversations.ownedBy(lan.id)).toHaveLength(1);
    for (const controller of streams) controller.abort();
  });
});

describe('the agent\'s composer helpers', () => {
  let app: TestApp;
  afterEach(async () => {
    await app.close();
  });

  it('searches the knowledge base in the conversation\'s language, lists agents, and shows typing to the customer', async () => {
    app = await startTestApp({ BUSINESS_HOURS: 'mon-sun 00:00-24:00' });
    const agent = await loginAs(app, 'lan@anphat.example', ['agent'], 'Lan');
    await loginAs(app, 'minh@anphat.example', ['agent'], 'Minh');
    const search = (await (await agent.get('/api/agent/knowledge?q=bao%20hanh%20bao%20lau&locale=en')).json()) as { results: { slug: string; locale: string; answer: string }[] };
    expect(search.results[0]).toMatchObject({ slug: 'warranty-period', locale: 'en', answer: expect.stringContaining('24 months') });
    expect((await agent.get('/api/agent/knowledge?q=')).status).toBe(400);
    const agents = (await (await agent.get('/api/agent/agents')).json()) as { agents: { displayName: string }[] };
    expect(agents.agents.map((entry) => entry.displayName)).toEqual(['Lan', 'Minh']);

    const token = ((await (await fetch(`${app.url}/api/webchat/session`, { method: 'POST' })).json()) as { token: string }).token;
    await fetch(`${app.url}/api/webchat/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token, clientId: 'c_typing0001', text: 'cho gap nhan vien' }) });
    const [ticket] = await app.services.tickets.waiting();
    await agent.post(`/api/agent/tickets/${ticket!._id}/claim`);
    const typed: string[] = [];
    const stop = (app.careline.channels.get('webchat') as WebchatChannel).connect((await app.services.conversations.get(ticket!.conversationId))!.address.visitorId as string, { send: (data) => void typed.push(data) });
    expect((await agent.post(`/api/agent/conversations/${ticket!.conversationId}/typing`)).status).toBe(204);
    expect(typed.map((data) => JSON.parse(data).type)).toEqual(['typing']);
    stop();
  });
});
