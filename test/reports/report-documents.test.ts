import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkResponse } from '../../public/staff/schema-check.js';
import { loginAs, type AgentSession } from '../support/agent-session.js';
import { seedReportFixture } from '../support/report-fixture.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

type Schemas = Parameters<typeof checkResponse>[2];
type Body = Record<string, any>;

// Issue 19: "validate API responses against the same shapes the server uses", for the dashboard.
describe('the report the dashboard receives, as GET /api/schemas describes it', () => {
  let app: TestApp;
  let admin: AgentSession;
  let schemas: Schemas;
  let report: Body;
  beforeAll(async () => {
    app = await startTestApp();
    admin = await loginAs(app, 'report-docs@example.com', ['admin']);
    await seedReportFixture(app.store);
    schemas = (await (await admin.get('/api/schemas')).json()) as Schemas;
    report = (await (await admin.get('/api/reports?from=2026-03-02&to=2026-03-08')).json()) as Body;
  });
  afterAll(async () => {
    await app?.close();
  });

  it('accepts the report the dashboard is really sent', () => {
    // The world is what the test meant: figures and comments in the week.
    expect(report.csat.overall.responses).toBe(4);
    expect(report.latestComments.length).toBeGreaterThan(0);
    expect(checkResponse(report, { '': 'dashboardReport' }, schemas)).toEqual([]);
  });

  it('names what does not fit in a changed one', () => {
    const changed = structuredClone(report);
    changed.operations.firstContactResolution = 'half';
    changed.range.bucket = 'month';
    delete changed.csat.overall.csat;
    const paths = checkResponse(changed, { '': 'dashboardReport' }, schemas).map((mismatch: { path: string }) => mismatch.path);
    expect(paths).toEqual(expect.arrayContaining(['operations.firstContactResolution', 'range.bucket', 'csat.overall.csat']));
  });
});
