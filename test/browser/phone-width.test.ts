import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openChromium, type ChromiumPages, keepScreenshot } from '../support/browser.js';
import { seedReportFixture } from '../support/report-fixture.js';
import { restApiAuth } from '../support/rest-api.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { addTestUser, testPassword } from '../support/test-user.js';

const phone = { width: 390, height: 844 };

/** How far the page reaches beyond the window sideways (0: nothing to scroll). */
const sidewaysOverflow = (page: Page) => page.evaluate(() => {
  const root = (globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }).document.documentElement;
  return root.scrollWidth - root.clientWidth;
});

describe('the staff pages on a phone (390×844), in Chromium', () => {
  let app: TestApp;
  // The dashboard's figures come from a seeded store of their own (its tickets are numbered by the fixture).
  let reports: TestApp;
  let browser: ChromiumPages;
  beforeAll(async () => {
    app = await startTestApp({ BUSINESS_HOURS: 'mon-sun 00:00-24:00' });
    reports = await startTestApp({ TIMEZONE: 'Asia/Ho_Chi_Minh' });
    await seedReportFixture(reports.store);
    for (const world of [app, reports]) await addTestUser(world.services.users, { email: 'lan@anphat.example', name: 'Lan', roles: ['agent', 'admin'] });
    browser = await openChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await reports?.close();
  });
  const logIn = async (page: Page, path: string, world = app) => {
    await page.goto(`${world.url}${path}`);
    await page.getByLabel('E-mail').fill('lan@anphat.example');
    await page.getByLabel('Password').fill(testPassword);
    await page.getByRole('button', { name: 'Log in' }).click();
  };

  it('shows the console in one readable column: the queue, then the conversation, nothing sideways', async () => {
    await fetch(`${app.url}/api/chat`, { method: 'POST', headers: { ...restApiAuth, 'content-type': 'application/json' }, body: JSON.stringify({ sender: 'phone-1', text: 'cho tôi gặp nhân viên, màn hình tivi bị sọc' }) });
    const page = await browser.newPage({ viewport: phone, locale: 'en-GB' });
    await logIn(page, '/console/');
    await expect.poll(() => page.locator('#me').textContent(), { timeout: 10_000 }).toContain('Lan');
    await expect.poll(() => page.locator('#queue li').count(), { timeout: 10_000 }).toBe(1);
    await page.locator('#queue li').first().getByRole('button', { name: 'Claim' }).click();
    await expect.poll(() => page.locator('.transcript li').count(), { timeout: 10_000 }).toBeGreaterThan(1);
    // A line of text, not a letter per line (polled: a live update may redraw the transcript meanwhile).
    await expect.poll(async () => (await page.locator('.transcript li.customer').first().boundingBox())?.width ?? 0, { timeout: 10_000 }).toBeGreaterThan(200);
    expect(await sidewaysOverflow(page)).toBe(0);
    // A customer without a name is told apart from the others by the end of their id.
    expect(await page.locator('#conversation h2.customer').textContent()).toMatch(/^Customer [0-9A-Z_-]{4} \(new\)$/);
    await keepScreenshot(page, 'console-phone.png', { fullPage: true });
  });

  it('fits the dashboard on the phone\'s width (wide tables scroll inside themselves)', async () => {
    const page = await browser.newPage({ viewport: phone, locale: 'en-GB' });
    await logIn(page, '/dashboard/?from=2026-03-02&to=2026-03-08', reports);
    await page.locator('body[data-loaded="true"]').waitFor({ timeout: 20_000 });
    expect(await sidewaysOverflow(page)).toBe(0);
    await keepScreenshot(page, 'dashboard-phone.png', { fullPage: true });
  });
});
