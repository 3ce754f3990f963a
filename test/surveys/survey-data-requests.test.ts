import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logInWithPassword, type AgentSession } from '../support/agent-session.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe('NPS and CES answers in a customer\'s data requests', () => {
  let app: TestApp;
  let admin: AgentSession;
  const customerId = 'cus_survey_1';
  beforeAll(async () => {
    app = await startTestApp();
    admin = await logInWithPassword(app, 'boss@anphat.example', ['admin'], 'Boss');
    await app.store.collection<{ _id: string; segment: string; tags: string[]; displayName: string; createdAt: Date; updatedAt: Date }>('customers').insertOne({ _id: customerId, segment: 'new', tags: [], displayName: 'Trần Văn Minh', createdAt: new Date(), updatedAt: new Date() });
    const at = new Date();
    await app.services.surveys.record({ kind: 'nps', score: 4, comment: 'Minh chờ lâu quá', conversationId: 'cnv_s1', customerId, channel: 'rest', handledBy: 'agent', segment: 'new', locale: 'vi', promptedAt: at, answeredAt: at });
  });
  afterAll(() => app?.close());

  it('exports the answer with its kind and comment, and erasing keeps the score but not the words', async () => {
    const exported = (await (await admin.get(`/api/customers/${customerId}/export`)).json()) as { surveyAnswers: { kind?: string; score: number; comment?: string }[] };
    expect(exported.surveyAnswers).toEqual([expect.objectContaining({ kind: 'nps', score: 4, comment: 'Minh chờ lâu quá' })]);
    expect((await admin.post(`/api/customers/${customerId}/erase`, { confirm: 'erase' })).status).toBe(200);
    const answer = await app.services.surveys.forConversation('cnv_s1');
    expect(answer).toMatchObject({ kind: 'nps', score: 4 });
    expect(answer?.comment).toBeUndefined();
  });
});
