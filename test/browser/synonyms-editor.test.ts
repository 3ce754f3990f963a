import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openChromium, type ChromiumPages } from '../support/browser.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { restApiAuth } from '../support/rest-api.js';
import { addTestUser, testPassword } from '../support/test-user.js';

describe("the editor's Synonyms page, in Chromium", { timeout: 90_000 }, () => {
  let app: TestApp;
  let browser: ChromiumPages;
  let editor: Page;
  let sender = 0;
  const karaokeAnswer = 'Yes: karaoke machines from 2,990,000 VND in every store.';

  const ask = async (text: string) => {
    const response = await fetch(`${app.url}/api/chat`, { method: 'POST', headers: { 'content-type': 'application/json', ...restApiAuth }, body: JSON.stringify({ sender: `customer-${++sender}`, text, locale: 'en' }) });
    return ((await response.json()) as { replies: { text: string }[] }).replies.map((reply) => reply.text).join('\n');
  };
  const groups = () => editor.locator('#synonym-groups li');
  const meta = () => editor.locator('#synonym-meta').textContent();
  const save = async (expected: string) => {
    await editor.getByRole('button', { name: 'Save & publish' }).click();
    await expect.poll(() => editor.locator('#status').textContent(), { timeout: 20_000 }).toContain(expected);
  };
  const addGroup = async (text: string) => {
    await editor.getByRole('button', { name: 'Add group' }).click();
    await groups().last().locator('input').fill(text);
  };

  beforeAll(async () => {
    app = await startTestApp();
    await addTestUser(app.services.users, { email: 'mai@anphat.example', name: 'Mai', roles: ['editor'] });
    // An article only the made-up word "singalongbox" does not reach, until a synonym connects it.
    await app.services.articles.save('karaoke-machines', 'en', { title: 'Do you sell karaoke machines?', questions: ['karaoke machine for home', 'do you have karaoke speakers'], answer: karaokeAnswer, category: 'products', tags: [], status: 'published' }, { source: 'editor' });
    await app.careline.editor.index.refresh();
    browser = await openChromium();
    editor = await browser.newPage();
    await editor.goto(`${app.url}/editor/`);
    await editor.getByLabel('E-mail').fill('mai@anphat.example');
    await editor.getByLabel('Password').fill(testPassword);
    await editor.getByRole('button', { name: 'Log in' }).click();
    await editor.locator('#app').waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('adds a group, saves and publishes it, and the next answer uses it without a restart', async () => {
    expect(await ask('karaoke')).toContain(karaokeAnswer);
    expect(await ask('singalongbox')).not.toContain(karaokeAnswer);

    await editor.getByRole('button', { name: 'Synonyms' }).click();
    await editor.locator('#synonym-locale').selectOption('en');
    await expect.poll(meta).toMatch(/^Revision 1 · last changed by the knowledge-base files · .* · \d+ groups$/);
    const seeded = await groups().count();
    expect(await groups().first().locator('input').inputValue()).toMatch(/^refund, /);

    await addGroup('karaoke, singalongbox');
    await save('Saved and published the en synonyms');
    await expect.poll(meta).toMatch(/^Revision 2 · last changed by Mai · /);
    expect(await groups().count()).toBe(seeded + 1);

    expect(await ask('singalongbox')).toContain(karaokeAnswer);
  });

  it('shows a clear error for a member already in another group and keeps the saved list', async () => {
    await addGroup('Refund, repayment');
    await editor.getByRole('button', { name: 'Save & publish' }).click();
    await expect.poll(() => editor.locator('#synonym-error').textContent()).toMatch(/"Refund" is already in group 1 \(case and accents do not count\)/);
    expect(await meta()).toMatch(/^Revision 2 /);
    await groups().last().getByRole('button', { name: /^Remove group/ }).click();
  });

  it('edits and removes groups, shows them as text, and lists who changed what in the history', async () => {
    const values = await groups().locator('input').evaluateAll((inputs) => inputs.map((input) => (input as unknown as { value: string }).value));
    await groups().nth(values.indexOf('karaoke, singalongbox')).getByRole('button', { name: /^Remove group/ }).click();
    await groups().first().locator('input').fill('refund, money back, <img src=x onerror="window.hacked=1">');
    await save('Saved and published the en synonyms');
    await expect.poll(meta).toMatch(/^Revision 3 · last changed by Mai · /);
    expect(await groups().first().locator('input').inputValue()).toBe('refund, money back, <img src=x onerror="window.hacked=1">');
    expect(await ask('singalongbox')).not.toContain(karaokeAnswer);

    await editor.getByRole('button', { name: 'History' }).click();
    const latest = editor.locator('#synonym-history .revisions > li').first();
    await expect.poll(() => latest.locator('span').first().textContent()).toMatch(/^rev 3 · Mai · /);
    expect(await latest.locator('.line.del').allTextContents()).toEqual(expect.arrayContaining(['karaoke, singalongbox']));
    expect(await latest.locator('.line.add').allTextContents()).toEqual(['refund, money back, <img src=x onerror="window.hacked=1">']);
    expect(await editor.locator('#tab-synonyms img').count()).toBe(0);
    expect(await editor.evaluate(() => (globalThis as unknown as { hacked?: number }).hacked)).toBeUndefined();
  });
});
