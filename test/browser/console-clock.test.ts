import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { ChromiumPages } from '../support/browser.js';
import { restApiAuth } from '../support/rest-api.js';
import type { TestApp } from '../support/test-app.js';
import { consoleWithChromium } from '../support/console-world.js';
import { testPassword } from '../support/test-user.js';

describe('the queue of an open, quiet console, in Chromium', () => {
  let app: TestApp;
  let browser: ChromiumPages;
  let agent: Page;
  const world = consoleWithChromium({ SLA_NORMAL_MINUTES: '2' });
  beforeAll(async () => {
    ({ app, browser } = world);
    agent = await browser.newPage({ locale: 'en-GB' });
    // The page's clock is Playwright's, so minutes pass in the test without waiting for them.
    await agent.clock.install();
  });

  it('moves the waiting time and the SLA countdown on its own and flags the breach', async () => {
    await fetch(`${app.url}/api/chat`, { method: 'POST', headers: { ...restApiAuth, 'content-type': 'application/json' }, body: JSON.stringify({ sender: 'quiet-1', text: 'cho tôi gặp nhân viên' }) });
    await agent.goto(`${app.url}/console/`);
    await agent.getByLabel('E-mail').fill('lan@anphat.example');
    await agent.getByLabel('Password').fill(testPassword);
    await agent.getByRole('button', { name: 'Log in' }).click();
    const item = agent.locator('#queue li').first();
    await expect.poll(() => item.locator('.waiting').textContent(), { timeout: 10_000 }).toBe('waiting 0 min · rest');
    expect(await item.locator('.sla').textContent()).toBe('SLA 2 min left');

    await agent.clock.fastForward('01:30');
    expect(await item.locator('.waiting').textContent()).toBe('waiting 2 min · rest');
    expect(await item.locator('.sla').getAttribute('class')).toBe('sla');
    await agent.clock.fastForward('02:00');
    expect(await item.locator('.waiting').textContent()).toBe('waiting 4 min · rest');
    expect(await item.locator('.sla').textContent()).toBe('SLA breached 2 min ago');
    expect(await item.locator('.sla').getAttribute('class')).toBe('sla breached');
    expect(await agent.title()).toMatch(/^\(1 SLA breached\) /);
  });
});
