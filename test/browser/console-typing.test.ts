import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { staffLogin, type ChromiumPages, keepScreenshot } from '../support/browser.js';
import type { TestApp } from '../support/test-app.js';
import { consoleWithChromium } from '../support/console-world.js';
import { testPassword } from '../support/test-user.js';

// Issue 19, missing on day one: the customer's typing shown to the agent.
describe('a web chat customer typing, seen in the console, in Chromium', () => {
  let app: TestApp;
  let browser: ChromiumPages;
  let customer: Page;
  let agent: Page;
  const world = consoleWithChromium();
  beforeAll(async () => {
    ({ app, browser } = world);
    customer = await browser.newPage({ locale: 'vi-VN' });
    agent = await browser.newPage({ locale: 'en-GB' });
  });

  it('shows "Customer is typing…" while the customer writes, and drops it when the message arrives', async () => {
    await customer.goto(`${app.url}/`);
    await customer.getByRole('button', { name: 'Mở khung chat hỗ trợ' }).click();
    await customer.locator('textarea').fill('cho tôi gặp nhân viên');
    await customer.locator('textarea').press('Enter');
    await expect.poll(() => customer.locator('.msg.bot').last().textContent(), { timeout: 10_000 }).toMatch(/phiếu #\d+/);

    // The console's clock runs as usual, but the test can move it on instead of waiting.
    await agent.clock.install();
    await staffLogin(agent, `${app.url}/console/`, 'lan@anphat.example', testPassword);
    await agent.locator('#queue li').getByRole('button', { name: 'Claim' }).click({ timeout: 10_000 });
    await agent.locator('.transcript li').first().waitFor({ timeout: 10_000 });
    const typing = agent.locator('#conversation .customer-typing');
    expect(await typing.isVisible()).toBe(false);

    // The customer types without sending: the agent sees it, and none of the words.
    await customer.locator('textarea').pressSequentially('Máy giặt nhà em', { delay: 20 });
    await typing.waitFor({ state: 'visible', timeout: 10_000 });
    expect(await typing.textContent()).toBe('Customer is typing…');
    expect(await agent.locator('#conversation').textContent()).not.toContain('Máy giặt nhà em');
    await keepScreenshot(agent, 'console-customer-typing.png');

    await customer.locator('textarea').press('Enter');
    await expect.poll(() => agent.locator('.transcript li.customer').last().textContent(), { timeout: 10_000 }).toContain('Máy giặt nhà em');
    expect(await typing.isVisible()).toBe(false);

    // A customer who stops typing: the line goes after a few seconds.
    await customer.locator('textarea').pressSequentially('bị lỗi', { delay: 20 });
    await typing.waitFor({ state: 'visible', timeout: 10_000 });
    await agent.clock.fastForward(3000);
    expect(await typing.isVisible()).toBe(true);
    await agent.clock.fastForward(5000);
    await typing.waitFor({ state: 'hidden', timeout: 2000 });
  });
});
