import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openChromium, recordCspViolations, type ChromiumPages, keepScreenshot } from '../support/browser.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { addTestUser, testPassword } from '../support/test-user.js';

describe('two editors on the same article, in Chromium', { timeout: 90_000 }, () => {
  let app: TestApp;
  let browser: ChromiumPages;
  let mai: Page;
  let lan: Page;
  let cspViolations: string[][] = [];

  const card = (page: Page) => page.locator('.translation[data-locale="vi"]');
  const answer = (page: Page) => card(page).getByLabel('Answer (Markdown)');
  const conflict = (page: Page) => card(page).locator('.conflict');
  const openWarranty = async (page: Page, email: string) => {
    await page.goto(`${app.url}/editor/`);
    await page.getByLabel('E-mail').fill(email);
    await page.getByLabel('Password').fill(testPassword);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.locator('#article-list li[data-slug="warranty-period"][data-locale="vi"]').click();
    await answer(page).waitFor();
  };

  beforeAll(async () => {
    app = await startTestApp();
    await addTestUser(app.services.users, { email: 'mai@anphat.example', name: 'Mai', roles: ['editor'] });
    await addTestUser(app.services.users, { email: 'lan@anphat.example', name: 'Lan', roles: ['editor'] });
    browser = await openChromium();
    mai = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    lan = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    cspViolations = [recordCspViolations(mai), recordCspViolations(lan)];
    await openWarranty(mai, 'mai@anphat.example');
    await openWarranty(lan, 'lan@anphat.example');
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('shows the second editor who saved first, their text against hers, and keeps her text unsaved', async () => {
    await answer(mai).fill('Bảo hành 24 tháng (Mai).');
    await card(mai).getByRole('button', { name: 'Save draft' }).click();
    await expect.poll(() => mai.locator('#status').textContent()).toContain('Saved warranty-period (vi) as a draft.');

    await answer(lan).fill('Bảo hành 18 tháng (Lan).');
    await card(lan).getByRole('button', { name: 'Save draft' }).click();
    await conflict(lan).waitFor();
    expect(await conflict(lan).locator('.conflict-message').textContent()).toMatch(/^Mai saved a newer draft of warranty-period \(vi\) at .*; it is now at revision 1, draft 1\./);
    expect(await conflict(lan).locator('.conflict-when').textContent()).toMatch(/^Changed by Mai, /);
    expect(await conflict(lan).locator('.diff .line.del').allTextContents()).toContain('Bảo hành 24 tháng (Mai).');
    expect(await conflict(lan).locator('.diff .line.add').allTextContents()).toContain('Bảo hành 18 tháng (Lan).');
    expect(await answer(lan).inputValue()).toBe('Bảo hành 18 tháng (Lan).');
    await keepScreenshot(card(lan), 'editor-conflict.png');

    const stored = await app.careline.editor.editor.article('warranty-period');
    expect(stored.translations.vi!.draft!.answer).toBe('Bảo hành 24 tháng (Mai).');
  });

  it('overwrites only when she chooses to; the first editor is then told in turn and can load her version', async () => {
    await conflict(lan).getByRole('button', { name: 'Overwrite with mine' }).click();
    await expect.poll(() => lan.locator('#status').textContent()).toContain('Saved warranty-period (vi) as a draft.');
    expect((await app.careline.editor.editor.article('warranty-period')).translations.vi!.draft!.answer).toBe('Bảo hành 18 tháng (Lan).');

    await answer(mai).fill('Bảo hành 24 tháng (Mai, lần 2).');
    await card(mai).getByRole('button', { name: 'Publish' }).click();
    await conflict(mai).waitFor();
    expect(await conflict(mai).locator('.conflict-message').textContent()).toMatch(/^Lan saved a newer draft .* draft 2\./);
    expect(app.careline.knowledge.article('warranty-period', 'vi', 'vi')!.answer).not.toContain('Lan');

    await conflict(mai).getByRole('button', { name: 'Load their version' }).click();
    await expect.poll(() => answer(mai).inputValue()).toBe('Bảo hành 18 tháng (Lan).');
    expect(await conflict(mai).isHidden()).toBe(true);
  });

  it('works under its Content-Security-Policy: Chromium reports no violation', () => {
    expect(cspViolations.flat()).toEqual([]);
  });
});
