import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/core/csv.js';
import { loginAs, type AgentSession } from '../support/agent-session.js';
import { seedReportFixture, seedSurveyFixture, surveyFixtureFigures } from '../support/report-fixture.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

// Issue 19: the CSV named agents by id while the page showed their names.
describe('GET /api/reports/export.csv', () => {
  let app: TestApp;
  let admin: AgentSession;
  let rows: string[][];
  beforeAll(async () => {
    app = await startTestApp();
    admin = await loginAs(app, 'csv-admin@example.com', ['admin']);
    await seedReportFixture(app.store);
    await seedSurveyFixture(app.store);
    // The fixture's agents, as users: one with a name a spreadsheet would run as a formula.
    const user = (id: string, displayName: string) => ({ _id: id, email: `${id}@example.com`, displayName, roles: ['agent'], passwordHash: 'x', createdAt: new Date() });
    await app.store.collection('users').insertMany([user('ann', 'Ann Trần'), user('bob', '=HYPERLINK("http://x")'), user('cam', 'Cam Lê')]);
    // Cam's one CSAT survey went unanswered: she is in the response rates only.
    const sent = new Date('2026-03-03T04:00:00Z');
    const camPrompt = { _id: 'csp_cam', conversationId: 'cnv_cam', customerId: 'cus_cam', channel: 'webchat', trigger: 'resolved', handledBy: 'agent', agentId: 'cam', segment: 'new', locale: 'vi', status: 'expired', unclear: 0, promptedAt: sent, triggeredAt: sent, createdAt: sent };
    await app.store.collection('csat_prompts').insertOne(camPrompt);
    const response = await admin.get('/api/reports/export.csv?from=2026-03-02&to=2026-03-08');
    expect(response.status).toBe(200);
    rows = parseCsv((await response.text()).replace(/^\ufeff/, ''));
  });
  afterAll(async () => {
    await app.close();
  });

  it('gives NPS with its counts and the CES average and distribution, as worked out by hand', () => {
    const of = (section: string) => rows.filter((row) => row[0] === section).map(([, key, metric, value]) => [key, metric, value]);
    expect(of('nps.overall')).toEqual([['all', 'responses', '7'], ['all', 'promoters', '4'], ['all', 'passives', '1'], ['all', 'detractors', '2'], ['all', 'nps', '28.6']]);
    expect(of('nps.distribution')).toHaveLength(11);
    expect(of('nps.distribution')).toContainEqual(['9', 'responses', '2']);
    expect(of('ces.overall')).toEqual([['all', 'responses', '5'], ['all', 'averageScore', '5.2']]);
    expect(of('ces.distribution').map(([score, , n]) => [score, n])).toEqual([['1', '0'], ['2', '1'], ['3', '0'], ['4', '0'], ['5', '1'], ['6', '2'], ['7', '1']]);
  });

  it('splits NPS and CES by channel and by agent (named as the page names them) and gives their response rates', () => {
    const of = (section: string) => rows.filter((row) => row[0] === section).map(([, key, metric, value]) => [key, metric, value]);
    expect(of('nps.byChannel')).toContainEqual(['webchat', 'nps', '25']);
    expect(of('nps.byChannel')).toContainEqual(['zalo', 'nps', '-100']);
    expect(of('nps.byAgent')).toContainEqual(['Ann Trần', 'agentId', 'ann']);
    expect(of('nps.byAgent')).toContainEqual(['Ann Trần', 'nps', '33.3']);
    expect(of('nps.byAgent')).toContainEqual(['bot', 'nps', '-100']);
    expect(of('ces.byAgent')).toContainEqual(['Ann Trần', 'averageScore', '4.67']);
    expect(of('ces.byChannel')).toContainEqual(['telegram', 'averageScore', '4']);
    expect(of('nps.responseRate.overall')).toEqual([['all', 'prompted', '9'], ['all', 'answered', '7'], ['all', 'responseRate', '0.7778']]);
    expect(of('ces.responseRate.overall')).toContainEqual(['all', 'responseRate', '0.7143']);
    expect(of('ces.responseRate.byAgent')).toContainEqual([`'=HYPERLINK("http://x")`, 'responseRate', '0.6667']);
    expect(of('nps.responseRate.byChannel')).toContainEqual(['telegram', 'responseRate', '0.6667']);
  });

  it('gives the same NPS and CES figures in GET /api/reports', async () => {
    const report = (await (await admin.get('/api/reports?from=2026-03-02&to=2026-03-08')).json()) as { surveys: unknown };
    expect(report.surveys).toEqual(surveyFixtureFigures);
  });

  it('names agents as the page does, keeping each id as its own metric', () => {
    const agents = rows.filter(([section]) => section === 'csat.byAgent');
    expect(agents).toContainEqual(['csat.byAgent', 'Ann Trần', 'agentId', 'ann']);
    expect(agents).toContainEqual(['csat.byAgent', 'Ann Trần', 'responses', '2']);
    expect(agents.map(([, key]) => key)).not.toContain('ann');
  });

  it('names an agent who is in the CSAT response rates only (every survey unanswered)', () => {
    expect(rows).toContainEqual(['responseRate.byAgent', 'Cam Lê', 'agentId', 'cam']);
    expect(rows).toContainEqual(['responseRate.byAgent', 'Cam Lê', 'responseRate', '0']);
  });

  it('defuses a name a spreadsheet would run as a formula', () => {
    const bob = rows.find(([section, , metric, value]) => section === 'csat.byAgent' && metric === 'agentId' && value === 'bob');
    expect(bob?.[1]).toBe(`'=HYPERLINK("http://x")`);
  });

  it('counts first-contact resolution over finished conversations only', () => {
    expect(rows).toContainEqual(['operations', 'all', 'firstContactResolution', '0.5']);
  });
});
