import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openChromium, recordCspViolations, type ChromiumPages, keepScreenshot } from '../support/browser.js';
import { reportFixtureComments, reportFixtureFigures, seedReportFixture, seedSurveyFixture, surveyFixtureFigures } from '../support/report-fixture.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { addTestUser, testPassword } from '../support/test-user.js';


/** `section,key,metric,value` lines of the export, as a lookup. */
function parseCsv(text: string): Map<string, string> {
  const values = new Map<string, string>();
  const [, ...lines] = text.replace(/^\ufeff/, '').trim().split(/\r\n/);
  for (const line of lines) {
    const cells = line.match(/("([^"]|"")*"|[^,]*)(,|$)/g)!.map((cell) => cell.replace(/,$/, '').replace(/^"(.*)"$/s, '$1').replaceAll('""', '"'));
    values.set(`${cells[0]}|${cells[1]}|${cells[2]}`, cells[3]!);
  }
  return values;
}

describe('the admin dashboard, seeded, in Chromium', () => {
  let app: TestApp;
  let browser: ChromiumPages;
  let cspViolations: string[][] = [];
  let page: Page;

  beforeAll(async () => {
    app = await startTestApp({ TIMEZONE: 'Asia/Ho_Chi_Minh' });
    await seedReportFixture(app.store);
    await seedSurveyFixture(app.store);
    await addTestUser(app.services.users, { email: 'boss@anphat.example', name: 'Boss', roles: ['admin'] });
    browser = await openChromium();
    page = await browser.newPage({ viewport: { width: 1400, height: 1800 } });
    cspViolations = [recordCspViolations(page)];
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('renders every chart and the figures with their formulas, and the CSV export has the same numbers', async () => {
    await page.goto(`${app.url}/dashboard/?from=2026-03-02&to=2026-03-08`);
    await page.getByLabel('E-mail').fill('boss@anphat.example');
    await page.getByLabel('Password').fill(testPassword);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.locator('body[data-loaded="true"]').waitFor({ timeout: 20_000 });
    // The report fits the server's own schema of it (GET /api/schemas): no notice.
    expect(await page.locator('.data-notice').count()).toBe(0);

    const charts = await page.locator('canvas').evaluateAll((canvases) =>
      canvases.map((canvas) => {
        type ChartJs = { getChart: (element: unknown) => { data: { datasets: { data: unknown[] }[] } } | undefined };
        const chart = (globalThis as unknown as { Chart: ChartJs }).Chart.getChart(canvas);
        const { id, width } = canvas as unknown as { id: string; width: number };
        return { id, points: chart ? chart.data.datasets.reduce((sum, set) => sum + set.data.length, 0) : -1, width };
      }),
    );
    expect(charts).toHaveLength(9);
    for (const chart of charts) {
      expect(chart.points, chart.id).toBeGreaterThan(0);
      expect(chart.width, chart.id).toBeGreaterThan(100);
    }
    await keepScreenshot(page, 'dashboard.png', { fullPage: true });

    const tile = async (metric: string) => page.locator(`.tile[data-metric="${metric}"] output`).getAttribute('data-value');
    const formula = async (metric: string) => page.locator(`.tile[data-metric="${metric}"] small`).textContent();
    expect(await page.locator('.tile[data-metric="csat"] output').textContent()).toBe('50.0 %');
    expect(await formula('csat')).toContain('4–5');
    expect(await formula('botResolution')).toContain('never handed to a person');

    const csvUrl = await page.locator('#csv').getAttribute('href');
    const csv = parseCsv(await page.evaluate(async (url) => (await fetch(url!)).text(), csvUrl));
    const expected = reportFixtureFigures;
    expect(csv.get('csat.overall|all|csat')).toBe(String(expected.csat.overall.csat));
    for (const [metric, key] of [
      ['csat', 'csat.overall|all|csat'],
      ['averageScore', 'csat.overall|all|averageScore'],
      ['responses', 'csat.overall|all|responses'],
      ['responseRate', 'responseRate.overall|all|responseRate'],
      ['averageFirstResponseMs', 'operations|all|averageFirstResponseMs'],
      ['averageResolutionMs', 'operations|all|averageResolutionMs'],
      ['firstContactResolution', 'operations|all|firstContactResolution'],
      ['botResolution', 'operations|all|botResolution'],
      ['escalationRate', 'operations|all|escalationRate'],
      ['conversations', 'conversations.overall|all|conversations'],
      ['nps', 'nps.overall|all|nps'],
      ['npsResponses', 'nps.overall|all|responses'],
      ['cesAverage', 'ces.overall|all|averageScore'],
      ['cesResponses', 'ces.overall|all|responses'],
    ] as const) {
      expect(await tile(metric), metric).toBe(csv.get(key));
    }
    // First-contact resolution says what it is a share of: conversations still waiting or open do not count.
    expect(await tile('firstContactResolution')).toBe('0.5');
    expect(await page.locator('[data-metric=firstContactResolution] .of').textContent()).toBe('1 of 2 finished conversations (4 in all)');
    // NPS and CES as worked out by hand for the seeded week, with NPS's counts and both scales' distributions.
    expect(await page.locator('.tile[data-metric="nps"] output').textContent()).toBe('28.6');
    expect(await page.locator('.tile[data-metric="nps"] .of').textContent()).toBe('promoters 4 · passives 1 · detractors 2');
    expect(await page.locator('.tile[data-metric="nps"] small:not(.of)').textContent()).toContain('% promoters (9–10) − % detractors (0–6)');
    expect(await page.locator('.tile[data-metric="cesAverage"] output').textContent()).toBe('5.2');
    const bars = (id: string) =>
      page.locator(`#${id}`).evaluate((canvas) => (globalThis as unknown as { Chart: { getChart: (element: unknown) => { data: { datasets: { data: number[] }[] } } } }).Chart.getChart(canvas).data.datasets[0]!.data);
    expect(await bars('chart-nps-distribution')).toEqual(surveyFixtureFigures.nps.distribution.map((row) => row.responses));
    expect(await bars('chart-ces-distribution')).toEqual(surveyFixtureFigures.ces.distribution.map((row) => row.responses));
    // Under the tiles, each kind's response rate; below, the splits by channel and agent, as the export gives them.
    expect(await page.locator('[data-metric=npsResponses] .of').textContent()).toBe('response rate 77.8 % (7 of 9 sent)');
    expect(await page.locator('[data-metric=cesResponses] .of').textContent()).toBe('response rate 71.4 % (5 of 7 sent)');
    const splitRow = (table: string, split: string, key: string) => page.locator(`#${table} tr[data-split="${split}"][data-key="${key}"] td`).allTextContents();
    expect(await splitRow('nps-table', 'byChannel', 'zalo')).toEqual(['channel', 'zalo', '1', '-100', '100.0 %']);
    expect(await splitRow('nps-table', 'byAgent', '')).toEqual(['agent', 'bot', '1', '-100', '50.0 %']);
    expect(await splitRow('nps-table', 'byAgent', 'bob')).toEqual(['agent', 'bob', '3', csv.get('nps.byAgent|bob|nps'), '100.0 %']);
    expect(await splitRow('ces-table', 'byAgent', 'ann')).toEqual(['agent', 'ann', '3', csv.get('ces.byAgent|ann|averageScore'), '75.0 %']);
    expect(await splitRow('ces-table', 'byChannel', 'telegram')).toEqual(['channel', 'telegram', '2', '4', '66.7 %']);
    // The split table shows the same counts as the export.
    for (const row of expected.csat.byChannel) {
      const cells = await page.locator(`#csat-table tr[data-split="byChannel"][data-key="${row.key}"] td`).allTextContents();
      expect(cells[2]).toBe(csv.get(`csat.byChannel|${row.key}|responses`));
      expect(cells[4]).toBe(csv.get(`csat.byChannel|${row.key}|averageScore`));
    }
    expect(await page.locator('#unanswered tbody tr').first().textContent()).toContain('phi ship?');
    expect(csv.get('unanswered|phi ship?|count')).toBe('2');
    // A whole page with nine charts in a browser; generous for a loaded machine.
  }, 120_000);

  it('shows the NPS and CES tiles in Vietnamese for a Vietnamese browser', async () => {
    const vietnamese = await browser.newPage({ locale: 'vi-VN', viewport: { width: 1200, height: 1600 } });
    await vietnamese.goto(`${app.url}/dashboard/?from=2026-03-02&to=2026-03-08`);
    await vietnamese.getByLabel('E-mail').fill('boss@anphat.example');
    await vietnamese.getByLabel('Mật khẩu').fill(testPassword);
    await vietnamese.getByRole('button', { name: 'Đăng nhập' }).click();
    await vietnamese.locator('body[data-loaded="true"]').waitFor({ timeout: 20_000 });
    expect(await vietnamese.locator('#loyalty-title').textContent()).toBe('Mức sẵn lòng giới thiệu và độ dễ dàng (NPS, CES)');
    expect(await vietnamese.locator('.tile[data-metric="nps"] .of').textContent()).toBe('ủng hộ 4 · trung lập 1 · phản đối 2');
    expect(await vietnamese.locator('[data-metric=npsResponses] .of').textContent()).toBe('tỷ lệ phản hồi 77.8 % (7 trên 9 khảo sát đã gửi)');
    expect(await vietnamese.locator('#ces-table caption').textContent()).toBe('CES theo kênh và nhân viên');
    expect(await vietnamese.locator('.tile[data-metric="cesAverage"] small').textContent()).toBe('tổng điểm ÷ số lượt trả lời (1 rất khó khăn – 7 rất dễ dàng)');
    await vietnamese.close();
  }, 60_000);

  it('lists the latest comments as text, each opening its conversation read-only in the console', async () => {
    // Ann's rated conversation, started before the week so that no figure changes.
    const before = new Date('2026-02-20T03:00:00Z');
    const customer = { _id: 'cus_r1', displayName: 'Chị Hoa', segment: 'vip', tags: [], createdAt: before, updatedAt: before, lastSeenAt: before };
    const conversation = { _id: 'cnv_r1', customerId: 'cus_r1', channel: 'webchat', address: {}, state: 'resolved', ownerId: null, missCount: 0, createdAt: before, updatedAt: before, lastMessageAt: before };
    const message = { _id: 'msg_r1', conversationId: 'cnv_r1', customerId: 'cus_r1', channel: 'webchat', direction: 'in', author: { kind: 'customer' }, text: 'Tủ lạnh không lạnh', buttons: [], createdAt: before };
    await app.store.collection('customers').insertOne(customer);
    await app.store.collection('conversations').insertOne(conversation);
    await app.store.collection('messages').insertOne(message);
    await page.goto(`${app.url}/dashboard/?from=2026-03-02&to=2026-03-08`);
    await page.locator('body[data-loaded="true"]').waitFor({ timeout: 20_000 });
    const rows = page.locator('#latest-comments tbody tr');
    expect(await rows.evaluateAll((trs) => trs.map((tr) => (tr as unknown as { dataset: { conversation: string } }).dataset.conversation))).toEqual(reportFixtureComments.map((comment) => comment.conversationId));
    // Markup in a comment is its text: nothing ran, no image was made.
    expect(await rows.first().locator('td').nth(2).textContent()).toBe(reportFixtureComments[0]!.comment);
    expect(await page.locator('#latest-comments img').count()).toBe(0);
    expect(await page.evaluate(() => (globalThis as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(await rows.first().locator('td').nth(1).textContent()).toBe('★★☆☆☆ 2/5');
    // When, in the report's time zone (Ho Chi Minh City, UTC+7), as the period is.
    expect(await rows.first().locator('td').first().textContent()).toMatch(/^Mar 4, 12:00\sPM$/);
    expect(await rows.nth(1).locator('td').nth(3).textContent()).toBe('webchat');
    await keepScreenshot(page.locator('#latest-comments'), 'dashboard-latest-comments.png');

    await rows.nth(1).getByRole('link', { name: 'Open the conversation' }).click();
    await page.waitForURL(/\/console\/\?conversation=cnv_r1$/);
    await expect.poll(() => page.locator('#conversation h2.customer').textContent(), { timeout: 10_000 }).toContain('Chị Hoa');
    expect(await page.locator('.transcript li.customer').textContent()).toContain('Tủ lạnh không lạnh');
    expect(await page.locator('.rating').textContent()).toContain('“Chị Ann tư vấn rất nhiệt tình”');
    // Nobody owns it: it is there to read, not to answer.
    expect(await page.locator('form.reply button[type=submit]').isDisabled()).toBe(true);
    expect(await page.locator('.resolve').isDisabled()).toBe(true);
  }, 60_000);

  it('is for admins only', async () => {
    expect((await fetch(`${app.url}/api/reports`)).status).toBe(401);
    expect((await fetch(`${app.url}/api/reports?from=2026-13-01`)).status).toBe(401);
  });

  it('works under its Content-Security-Policy: Chromium reports no violation', () => {
    expect(cspViolations.flat()).toEqual([]);
  });

  it('names a figure the page cannot read when the report does not fit the server\'s schema, and still shows the rest', async () => {
    await page.route('**/api/reports?*', async (route) => {
      const response = await route.fetch();
      const report = (await response.json()) as { operations: { firstContactResolution: unknown } };
      report.operations.firstContactResolution = 'half';
      await route.fulfill({ response, json: report });
    });
    try {
      await page.goto(`${app.url}/dashboard/?from=2026-03-02&to=2026-03-08`);
      await expect.poll(() => page.locator('.data-notice').textContent(), { timeout: 10_000 }).toContain('operations.firstContactResolution');
      await page.locator('body[data-loaded="true"]').waitFor({ timeout: 20_000 });
    } finally {
      await page.unroute('**/api/reports?*');
    }
  });
});
