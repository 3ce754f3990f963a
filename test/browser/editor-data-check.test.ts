import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { carelineLogs, openChromium, staffLogin, type ChromiumPages } from '../support/browser.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { addTestUser, testPassword } from '../support/test-user.js';

/** Answers the article's GET with the Vietnamese translation's status changed to one the server never sends. */
const tamperWithStatus = (page: Page) =>
  page.route('**/api/editor/articles/warranty-period', async (route) => {
    const response = await route.fetch();
    const body = (await response.json()) as { translations: { vi: { article: { status: string } } } };
    body.translations.vi.article.status = 'deleted';
    await route.fulfill({ response, json: body });
  });

const openWarranty = async (page: Page, app: TestApp) => {
  await staffLogin(page, `${app.url}/editor/`, 'mai@anphat.example', testPassword);
  await page.locator('#article-list li[data-slug="warranty-period"]').first().click();
  await expect.poll(() => page.locator('.translation').count(), { timeout: 10_000 }).toBe(4);
};

// Issue 19: "validate API responses against the same shapes the server uses", in the knowledge-base editor.
describe('the editor checks what the server sends, in Chromium', { timeout: 60_000 }, () => {
  let app: TestApp;
  let browser: ChromiumPages;
  beforeAll(async () => {
    app = await startTestApp();
    await addTestUser(app.services.users, { email: 'mai@anphat.example', name: 'Mai', roles: ['editor'] });
    browser = await openChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('says so, naming the field, when a translation comes with a status it does not know; the article still shows', async () => {
    const plain = await browser.newPage({ locale: 'en-GB' });
    const plainLogs = carelineLogs(plain);
    await openWarranty(plain, app);
    // What the server really sends fits: the list, the article, and the history.
    const card = plain.locator('.translation[data-locale="vi"]');
    await card.getByRole('button', { name: 'History' }).click();
    await card.locator('.revisions li').first().getByRole('button', { name: 'Diff' }).click();
    await expect.poll(() => card.locator('.history-panel .diff').textContent()).toContain('Revision 1');
    expect(await plain.locator('.data-notice').count()).toBe(0);
    expect(plainLogs).toEqual([]);

    const page = await browser.newPage({ locale: 'en-GB' });
    const logs = carelineLogs(page);
    await tamperWithStatus(page);
    await openWarranty(page, app);
    await expect.poll(() => page.locator('.data-notice').textContent(), { timeout: 10_000 }).toBe('The server sent data this page does not understand: translations.vi.article.status');
    expect(await page.getByRole('alert').filter({ hasText: 'does not understand' }).count()).toBe(1);
    expect(logs.join('\n')).toContain('translations.vi.article.status (expected one of "draft", "published", "archived", got "deleted") in the answer to /api/editor/articles/warranty-period');
    expect(await page.locator('.translation[data-locale="vi"]').getByLabel('Title', { exact: true }).inputValue()).toBe(app.careline.knowledge.article('warranty-period', 'vi', 'vi')!.title);
  });
});
