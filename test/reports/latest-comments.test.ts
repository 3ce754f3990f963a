import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, type AgentSession } from '../support/agent-session.js';
import { reportFixtureComments, seedReportFixture } from '../support/report-fixture.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

interface Report {
  latestComments: { score: number; comment: string; channel: string; agentId?: string; agentName?: string; conversationId: string; answeredAt: string }[];
}

// Issue 19: the survey comments listed in the reports, each leading to its conversation.
describe('GET /api/reports: the latest comments', () => {
  let app: TestApp;
  let admin: AgentSession;
  const week = async (query = 'from=2026-03-02&to=2026-03-08') => (await (await admin.get(`/api/reports?${query}`)).json()) as Report;
  beforeAll(async () => {
    app = await startTestApp({ TIMEZONE: 'Asia/Ho_Chi_Minh' });
    admin = await loginAs(app, 'comments-admin@example.com', ['admin']);
    await seedReportFixture(app.store);
    const user = (id: string, displayName: string) => ({ _id: id, email: `${id}@example.com`, displayName, roles: ['agent'], passwordHash: 'x', createdAt: new Date() });
    await app.store.collection('users').insertMany([user('ann', 'Ann Trần'), user('bob', 'Bob')]);
  });
  afterAll(async () => {
    await app?.close();
  });

  it('lists the period\'s rated answers with a comment, newest first, with channel, agent name and conversation', async () => {
    const { latestComments } = await week();
    expect(latestComments).toEqual(reportFixtureComments.map((comment) => ({ ...comment, agentName: comment.agentId === 'ann' ? 'Ann Trần' : 'Bob' })));
    // Answers without a comment, and those outside the period, are not listed.
    expect(latestComments.map((comment) => comment.conversationId)).not.toContain('cnv_r2');
    expect((await week('from=2026-03-09&to=2026-03-09')).latestComments.map((comment) => comment.comment)).toEqual(['after the week']);
  });

  it('keeps to the latest 20, and a bot conversation\'s comment names no agent', async () => {
    const base = Date.parse('2026-03-06T00:00:00Z');
    await app.store.collection('csat_responses').insertMany(
      Array.from({ length: 25 }, (_, i) => ({ _id: `csr_many${i}`, conversationId: `cnv_many${i}`, customerId: `cus_many${i}`, score: 4, comment: `comment ${i}`, channel: 'webchat', handledBy: 'bot', segment: 'new', locale: 'vi', promptedAt: new Date(base + i * 60_000), answeredAt: new Date(base + i * 60_000) })),
    );
    const { latestComments } = await week();
    expect(latestComments).toHaveLength(20);
    expect(latestComments[0]).toEqual({ score: 4, comment: 'comment 24', channel: 'webchat', conversationId: 'cnv_many24', answeredAt: '2026-03-06T00:24:00.000Z' });
    expect(latestComments.at(-1)!.comment).toBe('comment 5');
  });

  it('is for admins only', async () => {
    const agent = await loginAs(app, 'comments-agent@example.com', ['agent']);
    expect((await agent.get('/api/reports?from=2026-03-02&to=2026-03-08')).status).toBe(403);
  });
});
