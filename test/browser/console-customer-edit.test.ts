import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { loginAs, type AgentSession } from '../support/agent-session.js';
import { staffLogin, type ChromiumPages, keepScreenshot } from '../support/browser.js';
import { restApiAuth } from '../support/rest-api.js';
import type { TestApp } from '../support/test-app.js';
import { consoleWithChromium } from '../support/console-world.js';
import { testPassword } from '../support/test-user.js';

// Issue 20: no way to say who is a VIP. An agent sets it in the console and the VIP is queued first.
describe('editing a customer in the console, in Chromium', () => {
  let app: TestApp;
  let browser: ChromiumPages;
  let agent: Page;
  let api: AgentSession;
  const chat = (sender: string, text: string, displayName: string) =>
    fetch(`${app.url}/api/chat`, { method: 'POST', headers: { ...restApiAuth, 'content-type': 'application/json' }, body: JSON.stringify({ sender, text, displayName }) });
  const world = consoleWithChromium();
  beforeAll(async () => {
    ({ app, browser } = world);
    api = await loginAs(app, 'minh@anphat.example', ['agent'], 'Minh');
    await chat('first', 'cho gặp nhân viên', 'Khách Một');
    await chat('second', 'cho gặp nhân viên', 'Ông Sáu');
    agent = await browser.newPage({ locale: 'en-GB' });
  });

  it('refuses a bad edit with 400 naming the field, and an empty one', async () => {
    const customer = await app.services.customers.findByIdentity('rest', 'second');
    const bad = await api.patch(`/api/customers/${customer!._id}`, { segment: 'gold', phone: 'call me' });
    expect(bad.status).toBe(400);
    const text = await bad.text();
    expect(text).toContain('segment');
    expect(text).toContain('phone');
    expect((await api.patch(`/api/customers/${customer!._id}`, {})).status).toBe(400);
    expect((await api.patch('/api/customers/cus_nobody', { segment: 'vip' })).status).toBe(404);
  });

  it('makes a waiting customer VIP, with tags and an e-mail, and the queue puts them first', async () => {
    await staffLogin(agent, `${app.url}/console/`, 'lan@anphat.example', testPassword);
    const queue = agent.locator('#queue li');
    await expect.poll(() => queue.count(), { timeout: 10_000 }).toBe(2);
    expect(await queue.first().textContent()).toContain('Khách Một');
    // Open Ông Sáu's waiting conversation from the search, then edit him.
    await agent.getByLabel('Find conversations').fill('Ông Sáu');
    await agent.getByRole('button', { name: 'Find conversations' }).click();
    await agent.getByRole('list', { name: 'Found conversations' }).getByRole('button').first().click();
    await agent.getByText('Edit customer').click();
    await agent.getByLabel('Segment').selectOption('vip');
    await agent.getByLabel('Tags (comma-separated)').fill('wholesale, hanoi');
    await agent.locator('.customer-form').getByLabel('E-mail').fill('ong.sau@example.com');
    await agent.getByRole('button', { name: 'Save customer' }).click();
    await expect.poll(() => agent.locator('.customer-status').textContent(), { timeout: 10_000 }).toBe('Saved.');
    await expect.poll(() => queue.first().textContent(), { timeout: 10_000 }).toContain('Ông Sáu');
    expect(await queue.first().locator('.badge.vip').count()).toBe(1);
    const customer = await app.services.customers.findByIdentity('rest', 'second');
    expect(customer).toMatchObject({ segment: 'vip', tags: ['wholesale', 'hanoi'], email: 'ong.sau@example.com' });
    const [ticket] = (await app.services.tickets.waiting()).filter((waiting) => waiting.customerId === customer!._id);
    expect(ticket!.priority).toBe('high');
    await keepScreenshot(agent, 'console-customer-edit.png', { fullPage: true });
  });
});
