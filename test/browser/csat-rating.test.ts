import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openChromium, type ChromiumPages, openWidgetChat } from '../support/browser.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { resolveFromWidget } from '../support/widget-survey.js';

describe('the widget shows a satisfaction prompt as stars, usable with the keyboard, in Chromium', () => {
  let app: TestApp;
  let browser: ChromiumPages;
  let page: Page;

  beforeAll(async () => {
    app = await startTestApp({ BUSINESS_HOURS: 'mon-sun 00:00-24:00', CSAT_DELAY_SECONDS: '0' });
    browser = await openChromium();
    page = await browser.newPage({ locale: 'vi-VN' });
    await openWidgetChat(page, app.url);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('rates 4 stars with the arrow keys and Enter, then asks for a comment', async () => {
    const { agentId, conversationId } = await resolveFromWidget(page, app, 'lan@anphat.example');

    const stars = page.getByRole('group', { name: /hài lòng/ }).getByRole('button');
    await expect.poll(() => stars.count(), { timeout: 10_000 }).toBe(5);
    expect(await stars.nth(4).getAttribute('aria-label')).toBe('5 – Rất hài lòng');
    await stars.first().focus();
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.msg.bot').last().textContent(), { timeout: 10_000 }).toContain('góp ý');
    expect(await app.services.csat.forConversation(conversationId)).toMatchObject({ score: 4, agentId, channel: 'webchat' });
  });
});
