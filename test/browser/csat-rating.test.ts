import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openChromium, type ChromiumPages } from '../support/browser.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { addTestUser } from '../support/test-user.js';

describe('the widget shows a satisfaction prompt as stars, usable with the keyboard, in Chromium', () => {
  let app: TestApp;
  let browser: ChromiumPages;
  let page: Page;

  beforeAll(async () => {
    app = await startTestApp({ BUSINESS_HOURS: 'mon-sun 00:00-24:00', CSAT_DELAY_SECONDS: '0' });
    browser = await openChromium();
    page = await browser.newPage({ locale: 'vi-VN' });
    await page.goto(`${app.url}/`);
    await page.getByRole('button', { name: 'Mở khung chat hỗ trợ' }).click();
    await page.locator('.msg.welcome').waitFor();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('rates 4 stars with the arrow keys and Enter, then asks for a comment', async () => {
    await page.locator('textarea').fill('cho gặp nhân viên');
    await page.locator('textarea').press('Enter');
    await expect.poll(() => page.locator('.msg.bot').last().textContent(), { timeout: 10_000 }).toContain('#');
    const agent = await addTestUser(app.services.users, { email: 'lan@anphat.example', roles: ['agent'] });
    const [ticket] = await app.services.tickets.waiting();
    await app.careline.desk.claim(ticket!._id, agent);
    await app.careline.desk.resolve(ticket!.conversationId, agent);
    await expect.poll(() => app.careline.jobRunner.runDue(), { timeout: 5000 }).toBeGreaterThan(0);

    const stars = page.getByRole('group', { name: /hài lòng/ }).getByRole('button');
    await expect.poll(() => stars.count(), { timeout: 10_000 }).toBe(5);
    expect(await stars.nth(4).getAttribute('aria-label')).toBe('5 – Rất hài lòng');
    await stars.first().focus();
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.msg.bot').last().textContent(), { timeout: 10_000 }).toContain('góp ý');
    expect(await app.services.csat.forConversation(ticket!.conversationId)).toMatchObject({ score: 4, agentId: agent._id, channel: 'webchat' });
  });
});
