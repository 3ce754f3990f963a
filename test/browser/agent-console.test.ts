import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { recordCspViolations, type ChromiumPages } from '../support/browser.js';
import type { TestApp } from '../support/test-app.js';
import { consoleWithChromium } from '../support/console-world.js';
import { testPassword } from '../support/test-user.js';

const xssImage = '<img src=x onerror="window.__xss = 1">';
const xssScript = '<script>window.__xss = 2</script>';

describe('a customer in the widget and an agent in the console, in Chromium', () => {
  let app: TestApp;
  let browser: ChromiumPages;
  let cspViolations: string[][] = [];
  let customer: Page;
  let agent: Page;

  const customerSays = async (text: string) => {
    await customer.locator('textarea').fill(text);
    await customer.locator('textarea').press('Enter');
  };

  const world = consoleWithChromium();
  beforeAll(async () => {
    ({ app, browser } = world);
    customer = await browser.newPage({ locale: 'vi-VN' });
    agent = await browser.newPage({ locale: 'en-GB' });
    cspViolations = [recordCspViolations(customer), recordCspViolations(agent)];
  });

  it('runs the whole path: ask for a person, queue, claim, live messages both ways, resolve', async () => {
    await customer.goto(`${app.url}/`);
    await customer.getByRole('button', { name: 'Mở khung chat hỗ trợ' }).click();
    await agent.goto(`${app.url}/console/`);
    await agent.getByLabel('E-mail').fill('lan@anphat.example');
    await agent.getByLabel('Password').fill(testPassword);
    await agent.getByRole('button', { name: 'Log in' }).click();
    // Logging in checks a memory-hard password hash: several hundred ms on a busy machine.
    await expect.poll(() => agent.locator('#me').textContent(), { timeout: 10_000 }).toContain('Lan');

    await customerSays('phí ship bao nhiêu vậy');
    await expect.poll(() => customer.locator('.msg.bot table').count(), { timeout: 10_000 }).toBe(1);
    await customerSays('cho tôi gặp nhân viên');
    await expect.poll(() => customer.locator('.msg.bot').last().textContent(), { timeout: 10_000 }).toMatch(/phiếu #\d+/);
    // The queue updates live, without a reload.
    const queued = agent.locator('#queue li');
    await expect.poll(() => queued.count(), { timeout: 10_000 }).toBe(1);
    expect(await queued.first().textContent()).toContain('cho tôi gặp nhân viên');
    await queued.first().getByRole('button', { name: 'Claim' }).click();
    await expect.poll(() => agent.locator('.transcript li').count(), { timeout: 10_000 }).toBe(4);
    // The bot's answer reads as the customer saw it: its table a table, no raw Markdown.
    expect(await agent.locator('.transcript li.bot .markdown table tbody tr').count()).toBe(4);
    expect(await agent.locator('.transcript li.bot').first().textContent()).not.toMatch(/\*\*|\|---/);
    expect(await agent.locator('.profile').textContent()).toContain('on webchat');

    // Search the knowledge base from the composer and insert an answer.
    await agent.getByLabel('Search the knowledge base').fill('phi ship bao nhieu');
    await agent.getByRole('button', { name: 'Search', exact: true }).click();
    await agent.locator('.kb-results li').first().getByRole('button', { name: 'Insert' }).click();
    const answer = app.careline.knowledge.article('delivery-fee', 'vi', 'vi')!.answer;
    expect(await agent.locator('#reply-text').inputValue()).toBe(answer);
    // A live update (the customer writes meanwhile) shows the message and keeps what the agent was doing.
    await customerSays('Dạ em chờ ạ');
    await expect.poll(() => agent.locator('.transcript li.customer').last().textContent(), { timeout: 10_000 }).toContain('Dạ em chờ ạ');
    expect(await agent.locator('#reply-text').inputValue()).toBe(answer);
    expect(await agent.getByLabel('Search the knowledge base').inputValue()).toBe('phi ship bao nhieu');
    expect(await agent.locator('.kb-results li').count()).toBeGreaterThan(0);

    await agent.locator('#reply-text').fill('Chào anh, em là Lan, em hỗ trợ anh nhé.');
    await agent.locator('#reply-text').press('Enter');
    await expect.poll(() => customer.locator('.msg.agent').last().textContent(), { timeout: 10_000 }).toContain('em là Lan');
    expect(await customer.locator('.msg.agent .who').last().textContent()).toBe('Lan');

    await customerSays('Tivi nhà em bị lỗi màn hình');
    await expect.poll(() => agent.locator('.transcript li.customer').last().textContent(), { timeout: 10_000 }).toContain('bị lỗi màn hình');

    await agent.getByRole('button', { name: 'Resolve' }).click();
    await expect.poll(() => agent.locator('.meta').textContent(), { timeout: 10_000 }).toContain('state: resolved');
    const [ticket] = await app.services.tickets.list({ status: 'resolved' });
    expect(ticket).toMatchObject({ assigneeId: expect.stringMatching(/^usr_/), firstResponseAt: expect.any(Date), resolvedAt: expect.any(Date) });
  });

  it('shows HTML a customer types as text and runs none of it', async () => {
    await customerSays('cho gap nhan vien');
    const queued = agent.locator('#queue li');
    await expect.poll(() => queued.count(), { timeout: 10_000 }).toBe(1);
    await queued.first().getByRole('button', { name: 'Claim' }).click();
    await customerSays(xssImage);
    await customerSays(xssScript);
    await expect.poll(() => agent.locator('.transcript li.customer').last().textContent(), { timeout: 10_000 }).toContain(xssScript);
    const texts = await agent.locator('.transcript li.customer').allTextContents();
    expect(texts.some((text) => text.includes(xssImage))).toBe(true);
    expect(await agent.locator('.transcript img, .transcript script').count()).toBe(0);
    expect(await agent.evaluate(() => (globalThis as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(await customer.evaluate(() => (globalThis as unknown as { __xss?: number }).__xss)).toBeUndefined();
  });

  it('works under its Content-Security-Policy: Chromium reports no violation', () => {
    expect(cspViolations.flat()).toEqual([]);
  });
});
