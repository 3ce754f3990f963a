import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openChromium, staffLogin, type ChromiumPages } from '../support/browser.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { addTestUser, testPassword } from '../support/test-user.js';

// Issue 19: a wrong role showed empty screens (an editor saw an empty queue; an agent in the
// editor bounced to the login form), and the dashboard had no navigation or log out.
describe('staff pages for each role, in Chromium', () => {
  let app: TestApp;
  let browser: ChromiumPages;
  const logIn = async (path: string, email: string): Promise<Page> => {
    const page = await browser.newPage({ locale: 'en-GB' });
    await staffLogin(page, `${app.url}${path}`, email, testPassword);
    return page;
  };
  beforeAll(async () => {
    app = await startTestApp({});
    await addTestUser(app.services.users, { email: 'editor@anphat.example', name: 'Hoa', roles: ['editor'] });
    await addTestUser(app.services.users, { email: 'agent@anphat.example', name: 'Lan', roles: ['agent'] });
    await addTestUser(app.services.users, { email: 'admin@anphat.example', name: 'Admin', roles: ['admin'] });
    browser = await openChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('tells an editor in the agent console that it needs the agent role and links to the editor', async () => {
    const page = await logIn('/console/', 'editor@anphat.example');
    await page.getByRole('heading', { name: 'No access here' }).waitFor({ timeout: 10_000 });
    expect(await page.locator('.no-access').textContent()).toContain('needs the agent role');
    expect(await page.locator('.no-access nav a').allTextContents()).toEqual(['Knowledge base']);
    await page.getByRole('link', { name: 'Knowledge base' }).click();
    await page.locator('#tab-articles').waitFor({ state: 'visible', timeout: 10_000 });
    expect(await page.locator('header .staff-nav a[aria-current=page]').textContent()).toBe('Knowledge base');
  });

  it('tells an agent in the editor, also after a reload, instead of showing the login form again', async () => {
    const page = await logIn('/editor/', 'agent@anphat.example');
    await page.getByRole('heading', { name: 'No access here' }).waitFor({ timeout: 10_000 });
    await page.reload();
    await page.getByRole('heading', { name: 'No access here' }).waitFor({ timeout: 10_000 });
    expect(await page.locator('#login-form').count()).toBe(0);
    await page.getByRole('button', { name: 'Log out' }).click();
    await page.getByLabel('E-mail').waitFor({ timeout: 10_000 });
  });

  // The three pages share one login form and its submit (public/staff/staff-client.js).
  it('says under the login form of each staff page that the password was wrong, and logs in with the right one', async () => {
    for (const [path, signedIn] of [['/console/', '#app'], ['/editor/', '#tab-articles'], ['/dashboard/', 'header .staff-nav']] as const) {
      const page = await browser.newPage({ locale: 'en-GB' });
      await staffLogin(page, `${app.url}${path}`, 'admin@anphat.example', 'not the password');
      await expect.poll(() => page.getByRole('alert').textContent(), { message: path }).toBe('Wrong e-mail or password.');
      expect(await page.locator('#login-form').isVisible(), path).toBe(true);
      await page.getByLabel('Password').fill(testPassword);
      await page.getByRole('button', { name: 'Log in' }).click();
      await page.locator(signedIn).waitFor({ state: 'visible', timeout: 10_000 });
      expect(await page.locator('#login-form').isVisible(), path).toBe(false);
      await page.close();
    }
  });

  it('gives an admin\'s dashboard links to every staff page and a log out', async () => {
    const page = await logIn('/dashboard/', 'admin@anphat.example');
    await page.locator('header .staff-nav').waitFor({ timeout: 10_000 });
    expect(await page.locator('header .staff-nav a').allTextContents()).toEqual(['Agent console', 'Knowledge base', 'Dashboard']);
    await page.getByRole('button', { name: 'Log out' }).click();
    await page.getByLabel('E-mail').waitFor({ timeout: 10_000 });
    // The session is over: a reload asks for the login again.
    await page.reload();
    await page.getByLabel('E-mail').waitFor({ timeout: 10_000 });
    expect(await page.locator('#app').isHidden()).toBe(true);
  });
});
