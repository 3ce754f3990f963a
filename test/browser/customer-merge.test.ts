import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { ChromiumPages } from '../support/browser.js';
import { postJson } from '../support/post-json.js';
import type { TestApp } from '../support/test-app.js';
import { consoleWithChromium } from '../support/console-world.js';
import { restApiAuth } from '../support/rest-api.js';
import { testPassword } from '../support/test-user.js';

describe('an agent merging two records of one customer in the console, in Chromium', () => {
  let app: TestApp;
  let browser: ChromiumPages;
  let agent: Page;

  const world = consoleWithChromium();
  beforeAll(async () => {
    ({ app, browser } = world);
    agent = await browser.newPage({ locale: 'en-GB' });
  });

  it('finds the other record, merges it after confirmation and shows one history across channels', async () => {
    // The same person wrote earlier from the shop's app (REST) and now asks for a person.
    const earlier = (await (await postJson(`${app.url}/api/chat`, { sender: 'app-user-42', text: 'phi ship bao nhieu', displayName: 'Tran Minh' }, restApiAuth)).json()) as { customerId: string; conversationId: string };
    await postJson(`${app.url}/api/chat`, { sender: 'visitor-7', text: 'cho gap nhan vien' }, restApiAuth);

    await agent.goto(`${app.url}/console/`);
    await agent.getByLabel('E-mail').fill('lan@anphat.example');
    await agent.getByLabel('Password').fill(testPassword);
    await agent.getByRole('button', { name: 'Log in' }).click();
    const queued = agent.locator('#queue li');
    await expect.poll(() => queued.count(), { timeout: 20_000 }).toBe(1);
    await queued.first().getByRole('button', { name: 'Claim' }).click();
    await expect.poll(() => agent.locator('.transcript li').count(), { timeout: 20_000 }).toBe(2);
    expect(await agent.locator('.previous li').count()).toBe(0);

    await agent.getByText('Same person as another customer?').click();
    await agent.getByLabel('Find the other customer').fill('tran');
    await agent.getByRole('button', { name: 'Find', exact: true }).click();
    const result = agent.locator('.merge-results li');
    await expect.poll(() => result.count(), { timeout: 20_000 }).toBe(1);
    expect(await result.first().textContent()).toContain('Tran Minh');
    expect(await result.first().textContent()).toContain('rest app-user-42');
    agent.once('dialog', (dialog) => void dialog.accept());
    await result.first().getByRole('button', { name: 'Merge into this customer' }).click();

    // One history: the other record's conversation shows under this customer, and the profile took its name.
    await expect.poll(() => agent.locator('.previous li').first().textContent(), { timeout: 20_000 }).toContain('phi ship bao nhieu');
    await expect.poll(() => agent.locator('.conversation-head .customer').textContent()).toContain('Tran Minh');
    // The merge history is fetched after the conversation shows.
    await expect.poll(() => agent.locator('.merge-history').textContent()).toContain('merged from');
    const merged = await app.services.customers.get(earlier.customerId);
    expect(merged!.mergedInto).toMatch(/^cus_/);
    expect((await app.services.conversations.get(earlier.conversationId))!.customerId).toBe(merged!.mergedInto);
  });
});
