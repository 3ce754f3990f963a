import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { staffLogin, type ChromiumPages, keepScreenshot } from '../support/browser.js';
import { restApiAuth } from '../support/rest-api.js';
import type { TestApp } from '../support/test-app.js';
import { consoleWithChromium } from '../support/console-world.js';
import { addTestUser, testPassword } from '../support/test-user.js';

// Issue 19: transfer preselected a colleague, sent without asking, and the receiving agent got no alert.
describe('transferring a conversation between two agents, in Chromium', () => {
  let app: TestApp;
  let browser: ChromiumPages;
  let lan: Page;
  let minh: Page;
  const logIn = async (page: Page, email: string, name: string) => {
    await staffLogin(page, `${app.url}/console/`, email, testPassword);
    await expect.poll(() => page.locator('#me').textContent(), { timeout: 10_000 }).toContain(name);
  };
  const world = consoleWithChromium();
  beforeAll(async () => {
    ({ app, browser } = world);
    await addTestUser(app.services.users, { email: 'minh@anphat.example', name: 'Minh', roles: ['agent'] });
    await addTestUser(app.services.users, { email: 'admin@anphat.example', name: 'Admin', roles: ['admin', 'agent'] });
    [lan, minh] = [await browser.newPage({ locale: 'en-GB' }), await browser.newPage({ locale: 'en-GB' })];
  });

  it('asks for a colleague and a confirmation, alerts the one who receives it, and tells the customer', async () => {
    const response = await fetch(`${app.url}/api/chat`, { method: 'POST', headers: { ...restApiAuth, 'content-type': 'application/json' }, body: JSON.stringify({ sender: 'move-1', text: 'cho tôi gặp nhân viên' }) });
    const { conversationId } = (await response.json()) as { conversationId: string };
    await logIn(lan, 'lan@anphat.example', 'Lan');
    await logIn(minh, 'minh@anphat.example', 'Minh');
    await lan.locator('#queue li').first().getByRole('button', { name: 'Claim' }).click();
    await lan.locator('.transcript li').first().waitFor();

    // Nobody is chosen at first, and Transfer cannot be pressed until someone is.
    const select = lan.getByLabel('Transfer to');
    await expect.poll(() => select.locator('option').count()).toBe(3);
    expect(await select.inputValue()).toBe('');
    expect(await lan.getByRole('button', { name: 'Transfer' }).isDisabled()).toBe(true);
    await select.selectOption({ label: 'Minh (online)' });

    // Cancelled: nothing happens.
    const dialogs: string[] = [];
    lan.once('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await lan.getByRole('button', { name: 'Transfer' }).click();
    await expect.poll(() => dialogs.length).toBe(1);
    expect(dialogs[0]).toContain('to Minh?');
    expect((await app.services.conversations.get(conversationId))!.ownerId).toBe((await app.services.users.findByEmail('lan@anphat.example'))!._id);

    // Confirmed: Minh's console alerts him and opens the conversation from the alert.
    lan.once('dialog', (dialog) => void dialog.accept());
    await lan.getByRole('button', { name: 'Transfer' }).click();
    const alert = minh.getByRole('alert').filter({ hasText: 'Lan transferred a conversation to you' });
    await alert.waitFor({ timeout: 10_000 });
    await alert.getByRole('button', { name: 'Open' }).click();
    await expect.poll(() => minh.locator('.transcript li.system').last().textContent(), { timeout: 10_000 }).toContain('Minh');
    expect((await app.services.conversations.get(conversationId))!.ownerId).toBe((await app.services.users.findByEmail('minh@anphat.example'))!._id);
    await keepScreenshot(minh, 'console-transfer-alert.png');
  });
});
