import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openChromium, recordCspViolations, type ChromiumPages, openWidgetChat } from '../support/browser.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { restApiAuth } from '../support/rest-api.js';
import { addTestUser, testPassword } from '../support/test-user.js';

describe('the knowledge-base editor and the widget, in Chromium', { timeout: 90_000 }, () => {
  let app: TestApp;
  let browser: ChromiumPages;
  let cspViolations: string[][] = [];
  let editor: Page;
  let customer: Page;
  let originalAnswer: string;
  const newAnswer = 'Mọi sản phẩm được bảo hành **36 tháng** (chính sách mới).';

  const botMessages = () => customer.locator('.msg.bot:not(.welcome)');
  const ask = async (text: string) => {
    const before = await botMessages().count();
    await customer.locator('textarea').fill(text);
    await customer.locator('textarea').press('Enter');
    await expect.poll(() => botMessages().count(), { timeout: 10_000 }).toBeGreaterThan(before);
    return (await botMessages().last().textContent()) ?? '';
  };
  const card = () => editor.locator('.translation[data-locale="vi"]');

  beforeAll(async () => {
    app = await startTestApp();
    originalAnswer = app.careline.knowledge.article('warranty-period', 'vi', 'vi')!.answer;
    await addTestUser(app.services.users, { email: 'mai@anphat.example', name: 'Mai', roles: ['editor'] });
    browser = await openChromium();
    editor = await browser.newPage();
    customer = await browser.newPage({ locale: 'vi-VN' });
    cspViolations = [recordCspViolations(editor), recordCspViolations(customer)];
    await openWidgetChat(customer, app.url);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('lets an editor log in, find an article and publish a new answer that the widget answers with at once', async () => {
    expect(await ask('bao hanh bao lau')).toContain(originalAnswer.split('\n')[0]!.replace(/\*\*/g, '').slice(0, 30));

    await editor.goto(`${app.url}/editor/`);
    await editor.getByLabel('E-mail').fill('mai@anphat.example');
    await editor.getByLabel('Password').fill(testPassword);
    await editor.getByRole('button', { name: 'Log in' }).click();
    await editor.locator('#filter-locale').selectOption('vi');
    await editor.getByPlaceholder('Search title, questions, answer…').fill('bao hanh bao lau');
    await expect.poll(async () => [...new Set(await editor.locator('#article-list li').evaluateAll((items) => items.map((item) => item.getAttribute('data-locale'))))]).toEqual(['vi']);
    await editor.locator('#article-list li[data-slug="warranty-period"]').click();
    // Translations side by side, the missing ones shown as missing.
    await expect.poll(() => editor.locator('.translation').count()).toBe(4);
    const present = app.careline.knowledge.translations('warranty-period');
    expect(await editor.locator('.translation.missing').count()).toBe(4 - present.length);

    await card().getByLabel('Answer (Markdown)').fill(newAnswer);
    await expect.poll(() => card().locator('.preview strong').textContent()).toBe('36 tháng');
    await card().getByRole('button', { name: 'Publish' }).click();
    await expect.poll(() => editor.locator('#status').textContent(), { timeout: 20_000 }).toContain('Published warranty-period (vi)');

    expect(await ask('bao hanh bao lau')).toContain('Mọi sản phẩm được bảo hành 36 tháng (chính sách mới).');
  });

  it('shows who changed what in the history with a diff, and restoring the previous revision brings the old answer back', async () => {
    await card().getByRole('button', { name: 'History' }).click();
    const latest = card().locator('.revisions li').first();
    await expect.poll(() => latest.textContent()).toMatch(/rev 2 · published · published · Mai/);
    await latest.getByRole('button', { name: 'Diff' }).click();
    await expect.poll(() => card().locator('.diff .line.add').first().textContent()).toBe(newAnswer);

    await card().locator('.revisions li[data-revision="1"]').getByRole('button', { name: 'Restore' }).click();
    await expect.poll(() => editor.locator('#status').textContent(), { timeout: 20_000 }).toContain('Restored revision 1');

    const answer = await ask('bao hanh bao lau');
    expect(answer).not.toContain('chính sách mới');
    expect(answer).toContain(originalAnswer.split('\n')[0]!.replace(/\*\*/g, '').slice(0, 30));
  });

  it('tries a question and shows the decision, the language and the ranked candidates', async () => {
    await editor.getByRole('button', { name: 'Try it' }).click();
    await editor.locator('#try-text').fill('phí ship bao nhiêu');
    await editor.locator('#try-form').getByRole('button', { name: 'Try' }).click();
    await expect.poll(() => editor.locator('#try-result .verdict').textContent()).toBe('Answer');
    expect(await editor.locator('#try-result .language').textContent()).toMatch(/^Language: vi \(/);
    expect(await editor.locator('#try-result .candidates tr').count()).toBeGreaterThan(1);
  });

  it('shows missed questions as a cluster; an article created from it answers the next similar question', async () => {
    for (const [i, text] of ['do you sell gift cards?', 'can I buy a gift card for my mother', 'where can i buy gift cards online'].entries()) {
      await fetch(`${app.url}/api/chat`, { method: 'POST', headers: { 'content-type': 'application/json', ...restApiAuth }, body: JSON.stringify({ sender: `gift-${i}`, text, locale: 'en' }) });
    }
    await editor.getByRole('button', { name: 'Content gaps' }).click();
    const cluster = editor.locator('#gap-list li.gap', { hasText: 'do you sell gift cards?' });
    await expect.poll(() => cluster.locator('.count').textContent(), { timeout: 20_000 }).toMatch(/^3 questions/);
    expect(await cluster.textContent()).toContain('languages: en 3');
    await cluster.getByRole('button', { name: 'Create article' }).click();
    expect(await cluster.getByLabel('Question variants (one per line)').inputValue()).toContain('can I buy a gift card for my mother');
    // A readable id from the words the questions share, not a run of their rarest words.
    expect(await cluster.getByLabel('Id (kebab-case)').inputValue()).toBe('gift-card');
    await cluster.getByLabel('Id (kebab-case)').fill('gift-cards');
    await cluster.getByLabel('Title').fill('Do you sell gift cards?');
    await cluster.getByLabel('Category', { exact: true }).fill('orders');
    await cluster.getByLabel('Answer (Markdown)').fill('Gift cards from 500,000 VND at every store.');
    await cluster.getByRole('button', { name: 'Create and publish' }).click();
    await expect.poll(() => editor.locator('#status').textContent(), { timeout: 20_000 }).toContain('Published gift-cards (en)');
    await expect.poll(() => editor.locator('#resolved-list').textContent()).toContain('new article gift-cards (en)');

    expect(await ask('can I buy a gift card for my wife?')).toContain('Gift cards from 500,000 VND at every store.');
  });

  it('works under its Content-Security-Policy: Chromium reports no violation', () => {
    expect(cspViolations.flat()).toEqual([]);
  });
});
