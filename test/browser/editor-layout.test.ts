import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { contrastOf, openChromium, type ChromiumPages } from '../support/browser.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { addTestUser, testPassword } from '../support/test-user.js';


describe('the editor\'s pages in Chromium', () => {
  let app: TestApp;
  let browser: ChromiumPages;
  let editor: Page;
  beforeAll(async () => {
    app = await startTestApp();
    await addTestUser(app.services.users, { email: 'mai@anphat.example', name: 'Mai', roles: ['editor'] });
    browser = await openChromium();
    editor = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await editor.goto(`${app.url}/editor/`);
    await editor.getByLabel('E-mail').fill('mai@anphat.example');
    await editor.getByLabel('Password').fill(testPassword);
    await editor.getByRole('button', { name: 'Log in' }).click();
    await editor.locator('#article-list li').first().waitFor();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('shows every tab readable and the Try it and Content gaps pages across the window (the console\'s two-column rules stay in the console)', async () => {
    for (const tab of ['articles', 'try', 'gaps', 'synonyms']) expect(await contrastOf(editor, `header .tab[data-tab="${tab}"]`)).toBeGreaterThanOrEqual(4.5);
    for (const tab of ['try', 'gaps']) {
      await editor.locator(`header .tab[data-tab="${tab}"]`).click();
      const page = editor.locator(`#tab-${tab}`);
      await page.waitFor();
      expect(await page.evaluate((element) => (globalThis as unknown as { getComputedStyle(node: unknown): { display: string } }).getComputedStyle(element).display)).toBe('block');
      expect((await page.boundingBox())!.width).toBeGreaterThan(900);
    }
  });
});
