import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, type AgentSession } from '../support/agent-session.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

interface ErrorBody {
  error: { code: string; message: string; details: { path: string; message: string }[] };
}

describe('GET /api/reports', () => {
  let app: TestApp;
  let admin: AgentSession;
  beforeAll(async () => {
    app = await startTestApp();
    admin = await loginAs(app, 'reports-admin@example.com', ['admin']);
  });
  afterAll(async () => {
    await app.close();
  });

  describe('when the period is longer than 366 days', () => {
    it('refuses from=1926-01-01 (to is today) with 400 naming from, and health stays fast to reach', async () => {
      const [report, health] = await Promise.all([admin.get('/api/reports?from=1926-01-01'), fetch(`${app.url}/healthz`)]);
      expect(report.status).toBe(400);
      const { error } = (await report.json()) as ErrorBody;
      expect(error.details).toEqual([{ path: 'from', message: expect.stringMatching(/at most 366 days; 1926-01-01 to \d{4}-\d{2}-\d{2} is [\d,]+/) }]);
      expect(health.status).toBe(200);
    });

    it('refuses the CSV export the same way', async () => {
      const response = await admin.get('/api/reports/export.csv?from=2024-01-01&to=2025-01-01');
      expect(response.status).toBe(400);
      expect(((await response.json()) as ErrorBody).error.message).toMatch(/from: a report covers at most 366 days; 2024-01-01 to 2025-01-01 is 367/);
    });
  });

  it('serves a whole leap year', async () => {
    const response = await admin.get('/api/reports?from=2024-01-01&to=2024-12-31&bucket=week');
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ range: { from: '2024-01-01', to: '2024-12-31', bucket: 'week' } });
  });

  describe('when a date is not a day', () => {
    const cases: [string, string, RegExp][] = [
      ['from=abc', 'from', /^expected a date as YYYY-MM-DD$/],
      ['to=2024-13-45', 'to', /real calendar day/],
      ['from=2024-02-30&to=2024-03-01', 'from', /real calendar day/],
      ['from=0000-01-01&to=0000-01-02', 'from', /real calendar day/],
      ['from=9999-12-30&to=9999-12-31', 'from', /real calendar day/],
      ['from=2026-02-01&to=2026-01-01', 'from', /from must not be after to/],
    ];
    for (const [query, field, message] of cases) {
      it(`answers ${query} with 400 naming ${field}`, async () => {
        const response = await admin.get(`/api/reports?${query}`);
        expect(response.status).toBe(400);
        const { error } = (await response.json()) as ErrorBody;
        expect(error.code).toBe('invalid_request');
        expect(error.details.find((detail) => detail.path === field)?.message).toMatch(message);
        expect(error.details.every((detail) => !/Invalid time value/.test(detail.message))).toBe(true);
      });
    }
  });
});
