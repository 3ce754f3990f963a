import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { loginAs } from '../support/agent-session.js';
import { openChromium, staffLogin, type ChromiumPages, keepScreenshot } from '../support/browser.js';
import { restApiAuth } from '../support/rest-api.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { addTestUser, testPassword } from '../support/test-user.js';

// Issue 19, done when: the agent finds a resolved conversation by search (desktop and phone).
describe('finding a resolved conversation in the console, in Chromium', () => {
  let app: TestApp;
  let browser: ChromiumPages;
  beforeAll(async () => {
    app = await startTestApp({ BUSINESS_HOURS: 'mon-sun 00:00-24:00' });
    await addTestUser(app.services.users, { email: 'minh@anphat.example', name: 'Minh', roles: ['agent'] });
    const lan = await loginAs(app, 'lan@anphat.example', ['agent'], 'Lan');
    const response = await fetch(`${app.url}/api/chat`, { method: 'POST', headers: { ...restApiAuth, 'content-type': 'application/json' }, body: JSON.stringify({ sender: 'old-1', text: 'tủ lạnh không lạnh, cho gặp nhân viên', displayName: 'Phạm Văn Nam' }) });
    const { conversationId } = (await response.json()) as { conversationId: string };
    const [ticket] = await app.services.tickets.waiting();
    await lan.post(`/api/agent/tickets/${ticket!._id}/claim`);
    await lan.post(`/api/agent/conversations/${conversationId}/messages`, { text: 'Dạ em đã đặt lịch kỹ thuật viên sáng mai ạ.' });
    await lan.post(`/api/agent/conversations/${conversationId}/resolve`);
    browser = await openChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  for (const viewport of [{ width: 1280, height: 800 }, { width: 390, height: 844 }]) {
    it(`at ${viewport.width}×${viewport.height}: finds it by words without accents, opens it read-only with who handled it`, async () => {
      const page: Page = await browser.newPage({ locale: 'en-GB', viewport });
      await staffLogin(page, `${app.url}/console/`, 'minh@anphat.example', testPassword);
      await page.getByLabel('Find conversations').waitFor({ timeout: 10_000 });
      await page.getByLabel('Find conversations').fill('ky thuat vien');
      await page.getByLabel('Which conversations').selectOption('resolved');
      await page.getByRole('button', { name: 'Find conversations' }).click();
      const found = page.getByRole('list', { name: 'Found conversations' }).getByRole('listitem');
      await expect.poll(() => found.count(), { timeout: 10_000 }).toBe(1);
      expect(await found.first().textContent()).toMatch(/Phạm Văn Nam · rest · resolved · #\d+ normal · Lan/);
      expect(await found.first().textContent()).toContain('agent: Dạ em đã đặt lịch kỹ thuật viên sáng mai ạ.');
      await found.first().getByRole('button').click();
      await expect.poll(() => page.locator('.transcript li.agent').last().textContent(), { timeout: 10_000 }).toContain('kỹ thuật viên');
      // A resolved ticket shows how its first reply went, not an SLA countdown.
      expect(await page.locator('.meta').textContent()).toContain('first reply within SLA');
      // Minh may read it, not act on it.
      expect(await page.getByRole('button', { name: 'Send', exact: true }).isDisabled()).toBe(true);
      expect(await page.getByRole('button', { name: 'Resolve', exact: true }).isDisabled()).toBe(true);
      const width = await page.evaluate(() => (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document.documentElement.scrollWidth);
      expect(width).toBeLessThanOrEqual(viewport.width);
      await keepScreenshot(page, `console-search-${viewport.width}.png`, { fullPage: true });
      await page.close();
    });
  }
});
