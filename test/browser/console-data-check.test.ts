import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { carelineLogs, staffLogin, type ChromiumPages } from '../support/browser.js';
import { restApiAuth } from '../support/rest-api.js';
import type { TestApp } from '../support/test-app.js';
import { consoleWithChromium } from '../support/console-world.js';
import { testPassword } from '../support/test-user.js';

/** Answers the open conversation's GET with its state changed to one the server never sends. */
const tamperWithState = (page: Page) =>
  page.route('**/api/agent/conversations/*', async (route) => {
    const response = await route.fetch();
    const body = (await response.json()) as { conversation: { state: string } };
    body.conversation.state = 'flying';
    await route.fulfill({ response, json: body });
  });

// Issue 19: "validate API responses against the same shapes the server uses".
describe('the console checks what the server sends, in Chromium', () => {
  let app: TestApp;
  let browser: ChromiumPages;
  let conversationId = '';
  const world = consoleWithChromium();
  beforeAll(async () => {
    ({ app, browser } = world);
    const response = await fetch(`${app.url}/api/chat`, { method: 'POST', headers: { ...restApiAuth, 'content-type': 'application/json' }, body: JSON.stringify({ sender: 'check-1', text: 'cho gặp nhân viên', displayName: 'Trần Văn Bình' }) });
    ({ conversationId } = (await response.json()) as { conversationId: string });
  });

  it('says so, naming the field, when a conversation comes with a state it does not know; the rest still shows', async () => {
    const plain = await browser.newPage({ locale: 'en-GB' });
    const plainLogs = carelineLogs(plain);
    await staffLogin(plain, `${app.url}/console/?conversation=${conversationId}`, 'lan@anphat.example', testPassword);
    await expect.poll(() => plain.locator('#conversation h2.customer').textContent(), { timeout: 10_000 }).toContain('Trần Văn Bình');
    await expect.poll(() => plain.locator('#queue li').count()).toBe(1);
    // What the server really sends fits.
    expect(await plain.locator('.data-notice').count()).toBe(0);
    expect(plainLogs).toEqual([]);

    const page = await browser.newPage({ locale: 'en-GB' });
    const logs = carelineLogs(page);
    await tamperWithState(page);
    await staffLogin(page, `${app.url}/console/?conversation=${conversationId}`, 'lan@anphat.example', testPassword);
    await expect.poll(() => page.locator('.data-notice').textContent(), { timeout: 10_000 }).toBe('The server sent data this page does not understand: conversation.state');
    expect(await page.getByRole('alert').filter({ hasText: 'does not understand' }).count()).toBe(1);
    expect(logs.join('\n')).toContain('conversation.state (expected one of "bot", "waiting", "with_agent", "resolved", "closed", got "flying")');
    expect(await page.locator('#conversation h2.customer').textContent()).toContain('Trần Văn Bình');
    expect(await page.locator('.transcript li.customer').first().textContent()).toContain('cho gặp nhân viên');
  });

  it('says it in the page\'s language', async () => {
    const page = await browser.newPage({ locale: 'vi-VN' });
    await tamperWithState(page);
    await page.goto(`${app.url}/console/?conversation=${conversationId}`);
    await page.getByLabel('E-mail').fill('lan@anphat.example');
    await page.getByLabel('Mật khẩu').fill(testPassword);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await expect.poll(() => page.locator('.data-notice').textContent(), { timeout: 10_000 }).toBe('Máy chủ gửi dữ liệu mà trang này không hiểu được: conversation.state');
  });
});
