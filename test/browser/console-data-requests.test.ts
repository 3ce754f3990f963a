import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { staffLogin, type ChromiumPages, keepScreenshot } from '../support/browser.js';
import { restApiAuth } from '../support/rest-api.js';
import type { TestApp } from '../support/test-app.js';
import { consoleWithChromium } from '../support/console-world.js';
import { addTestUser, testPassword } from '../support/test-user.js';

// Issue 20: "the same for admins in the console": export and erase a customer, and the audit log.
describe('an admin\'s data requests and audit log in the console, in Chromium', () => {
  let app: TestApp;
  let browser: ChromiumPages;
  let admin: Page;
  let conversationId = '';
  const world = consoleWithChromium();
  beforeAll(async () => {
    ({ app, browser } = world);
    const boss = await addTestUser(app.services.users, { email: 'boss@anphat.example', name: 'Boss', roles: ['admin'] });
    const response = await fetch(`${app.url}/api/chat`, { method: 'POST', headers: { ...restApiAuth, 'content-type': 'application/json' }, body: JSON.stringify({ sender: 'gdpr-3', text: 'cho gặp nhân viên, email binh.tran@example.com', displayName: 'Trần Văn Bình' }) });
    ({ conversationId } = (await response.json()) as { conversationId: string });
    // Older entries, so that the log has more than one page.
    for (let i = 0; i < 25; i++) await app.services.audit.record({ actor: boss._id, action: 'staff_language', target: boss._id, details: { locale: 'vi' } }, new Date(Date.now() - 86_400_000 + i * 1000));
    admin = await browser.newPage({ locale: 'en-GB', acceptDownloads: true });
  });

  it('exports the customer as JSON, erases them after a confirmation naming them, and reads both in the audit log', async () => {
    await staffLogin(admin, `${app.url}/console/?conversation=${conversationId}`, 'boss@anphat.example', testPassword);
    await expect.poll(() => admin.locator('#conversation h2.customer').textContent(), { timeout: 10_000 }).toContain('Trần Văn Bình');
    await admin.getByText('Data requests (admins)').click();

    const [download] = await Promise.all([admin.waitForEvent('download'), admin.getByRole('link', { name: 'Export data' }).click()]);
    const customerId = (await app.services.customers.findByIdentity('rest', 'gdpr-3'))!._id;
    expect(download.suggestedFilename()).toBe(`customer-${customerId}.json`);
    const data = JSON.parse(readFileSync((await download.path())!, 'utf8')) as { customer: { displayName: string }; messages: { text: string }[]; tickets: { contact: { email: string } }[] };
    expect(data.customer.displayName).toBe('Trần Văn Bình');
    expect(data.messages.map((message) => message.text)).toContain('cho gặp nhân viên, email binh.tran@example.com');
    expect(data.tickets[0]!.contact.email).toBe('binh.tran@example.com');

    // The first time the admin thinks better of it; the second time they erase.
    const dialogs: string[] = [];
    admin.once('dialog', (dialog) => void (dialogs.push(dialog.message()), dialog.dismiss()));
    await admin.getByRole('button', { name: 'Erase customer' }).click();
    await expect.poll(() => dialogs.length).toBe(1);
    expect(dialogs[0]).toContain('Erase Trần Văn Bình?');
    expect((await app.services.customers.get(customerId))!.displayName).toBe('Trần Văn Bình');
    admin.once('dialog', (dialog) => void dialog.accept());
    await admin.getByRole('button', { name: 'Erase customer' }).click();
    await expect.poll(() => admin.locator('.profile').textContent(), { timeout: 10_000 }).toContain('erased on');
    expect(await admin.locator('#conversation h2.customer').textContent()).not.toContain('Trần Văn Bình');
    expect(await admin.locator('.transcript li.customer').first().textContent()).toContain('[erased]');
    expect(await admin.getByRole('button', { name: 'Erase customer' }).isDisabled()).toBe(true);
    // Nothing erased stays on screen, not even in the edit form.
    expect(await admin.locator('.customer-form [name=displayName]').inputValue()).toBe('');
    expect(await admin.locator('.customer-form [name=email]').inputValue()).toBe('');
    expect(await admin.locator('#conversation').textContent()).not.toMatch(/Trần Văn Bình|binh\.tran/);
    await keepScreenshot(admin, 'console-erased-customer.png', { fullPage: true });

    await admin.getByRole('button', { name: 'Audit log' }).click();
    const rows = admin.locator('table.audit tbody tr');
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(20);
    const cells = async (index: number) => (await rows.nth(index).locator('td').allTextContents()).slice(1, 4);
    expect(await cells(0)).toEqual(['Boss', 'customer erased', customerId]);
    expect(await cells(1)).toEqual(['Boss', 'customer data exported', customerId]);
    expect(await cells(2)).toEqual(['Boss', 'logged in', 'Boss · ' + (await app.services.users.findByEmail('boss@anphat.example'))!._id]);
    expect(await admin.locator('.audit-status').textContent()).toBe('Entries 1–20');
    expect(await admin.getByRole('button', { name: 'Newer' }).isDisabled()).toBe(true);
    await admin.getByRole('button', { name: 'Older' }).click();
    await expect.poll(() => admin.locator('.audit-status').textContent(), { timeout: 10_000 }).toBe('Entries 21–28');
    expect(await admin.getByRole('button', { name: 'Older' }).isDisabled()).toBe(true);
    expect(await cells(0)).toEqual(['Boss', 'page language chosen', 'Boss · ' + (await app.services.users.findByEmail('boss@anphat.example'))!._id]);
    await keepScreenshot(admin, 'console-audit-log.png', { fullPage: true });
    await admin.getByRole('button', { name: 'Newer' }).click();
    await expect.poll(() => admin.locator('.audit-status').textContent(), { timeout: 10_000 }).toBe('Entries 1–20');
  }, 60_000);

  it('shows an agent neither the data requests nor the audit log', async () => {
    const agent = await browser.newPage({ locale: 'en-GB' });
    await staffLogin(agent, `${app.url}/console/?conversation=${conversationId}`, 'lan@anphat.example', testPassword);
    await agent.locator('#conversation .transcript li').first().waitFor({ timeout: 10_000 });
    expect(await agent.locator('#conversation .data-requests').isVisible()).toBe(false);
    expect(await agent.getByRole('button', { name: 'Audit log' }).isVisible()).toBe(false);
    expect(await agent.getByRole('button', { name: 'Erase customer' }).count()).toBe(0);
  });
});
