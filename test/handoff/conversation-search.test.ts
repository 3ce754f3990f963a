import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foldedPattern } from '../../src/core/folded-pattern.js';
import { loginAs, type AgentSession } from '../support/agent-session.js';
import { restApiAuth } from '../support/rest-api.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

interface Result { id: string; state: string; channel: string; handledBy?: string; ticket?: { number: number; priority: string }; matched?: { text: string } }

// Issue 19, missing on day one: conversation search and filters, resolved and other agents' conversations readable.
describe('GET /api/agent/search', () => {
  let app: TestApp;
  let lan: AgentSession;
  let minh: AgentSession;
  const chat = async (sender: string, text: string, displayName?: string) =>
    ((await (await fetch(`${app.url}/api/chat`, { method: 'POST', headers: { ...restApiAuth, 'content-type': 'application/json' }, body: JSON.stringify({ sender, text, ...(displayName ? { displayName } : {}) }) })).json()) as { conversationId: string });
  const find = async (session: AgentSession, params: Record<string, string>) => {
    const response = await session.get(`/api/agent/search?${new URLSearchParams(params)}`);
    expect(response.status).toBe(200);
    return ((await response.json()) as { results: Result[] }).results;
  };
  let resolvedId = '';
  let waitingId = '';
  beforeAll(async () => {
    app = await startTestApp({ BUSINESS_HOURS: 'mon-sun 00:00-24:00', PRIORITY_COMPLAINT: 'urgent' });
    lan = await loginAs(app, 'lan@anphat.example', ['agent'], 'Lan');
    minh = await loginAs(app, 'minh@anphat.example', ['agent'], 'Minh');
    // Lan handles and resolves one conversation; another waits in the queue as a complaint.
    resolvedId = (await chat('s-1', 'máy giặt bị rò nước, cho gặp nhân viên', 'Trần Thị Hoa')).conversationId;
    const [ticket] = await app.services.tickets.waiting();
    expect((await lan.post(`/api/agent/tickets/${ticket!._id}/claim`)).status).toBe(200);
    expect((await lan.post(`/api/agent/conversations/${resolvedId}/resolve`)).status).toBe(200);
    waitingId = (await chat('s-2', 'dịch vụ quá tệ, tôi rất bực mình, cho gặp quản lý')).conversationId;
    await chat('s-3', 'phí ship bao nhiêu');
  });
  afterAll(() => app?.close());

  it('finds another agent\'s resolved conversation by words typed without accents, with who handled it and the line that matched', async () => {
    const results = await find(minh, { q: 'ro nuoc' });
    expect(results.map((result) => result.id)).toEqual([resolvedId]);
    expect(results[0]).toMatchObject({ state: 'resolved', handledBy: 'Lan', matched: { text: 'máy giặt bị rò nước, cho gặp nhân viên' } });
    // And it opens for Minh, read-only in the console.
    expect((await minh.get(`/api/agent/conversations/${resolvedId}`)).status).toBe(200);
  });

  it('finds by the customer\'s name and by ticket number', async () => {
    expect((await find(minh, { q: 'tran thi hoa' })).map((result) => result.id)).toEqual([resolvedId]);
    const waiting = await app.services.conversations.get(waitingId);
    const ticket = await app.services.tickets.get(waiting!.ticketId!);
    expect((await find(minh, { q: `#${ticket!.number}` })).map((result) => result.id)).toEqual([waitingId]);
  });

  it('narrows by view, priority and channel', async () => {
    expect((await find(lan, { view: 'mine' })).map((result) => result.id)).toEqual([resolvedId]);
    expect((await find(minh, { view: 'mine' }))).toEqual([]);
    expect((await find(minh, { view: 'unassigned' })).map((result) => result.id)).toEqual([waitingId]);
    expect((await find(minh, { view: 'resolved' })).map((result) => result.id)).toEqual([resolvedId]);
    expect((await find(minh, { priority: 'urgent' })).map((result) => result.id)).toEqual([waitingId]);
    expect(await find(minh, { channel: 'telegram' })).toEqual([]);
    expect(await find(minh, { view: 'all' })).toHaveLength(3);
    expect(await find(minh, { to: '2000-01-01' })).toEqual([]);
  });

  it('answers a bad filter with 400 naming it', async () => {
    const response = await minh.get('/api/agent/search?view=everything');
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('view');
  });

  it('matches accents both ways and takes regular-expression characters literally', () => {
    expect(foldedPattern('giao hang').test('Giao hàng tận nơi')).toBe(true);
    expect(foldedPattern('záruka').test('ZARUKA')).toBe(true);
    expect(foldedPattern('(1+1)').test('x (1+1) y')).toBe(true);
    expect(foldedPattern('a.c').test('abc')).toBe(false);
  });
});
