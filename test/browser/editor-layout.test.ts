import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openChromium, type ChromiumPages } from '../support/browser.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { addTestUser, testPassword } from '../support/test-user.js';

/** The WCAG contrast ratio of an element's text against the first opaque background behind it. */
const contrastOf = (page: Page, selector: string) =>
  page.locator(selector).evaluate((element) => {
    // Runs in the page; the suite's type check has no DOM library.
    type Styled = { parentElement: Styled | null };
    const { getComputedStyle } = globalThis as unknown as { getComputedStyle(node: Styled): { color: string; backgroundColor: string } };
    const rgb = (css: string) => (css.match(/[\d.]+/g) ?? []).map(Number);
    const luminance = ([r, g, b]: number[]) => {
      const channel = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
      return 0.2126 * channel(r!) + 0.7152 * channel(g!) + 0.0722 * channel(b!);
    };
    let node: Styled | null = element as unknown as Styled;
    let background = [255, 255, 255];
    while (node) {
      const [r, g, b, a = 1] = rgb(getComputedStyle(node).backgroundColor);
      if (a > 0.5) {
        background = [r!, g!, b!];
        break;
      }
      node = node.parentElement;
    }
    const [light, dark] = [luminance(rgb(getComputedStyle(element as unknown as Styled).color)), luminance(background)].sort((x, y) => y - x);
    return (light! + 0.05) / (dark! + 0.05);
  });

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
