import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openChromium, type ChromiumPages, openWidgetChat } from '../support/browser.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

// The widget ignored the server's refusals: a message over the per-sender limit stayed "Sending…" with no word why.
describe('the web chat widget when the server refuses a message, in Chromium at phone width', () => {
  let app: TestApp;
  let browser: ChromiumPages;
  let page: Page;

  beforeAll(async () => {
    app = await startTestApp({ RATE_LIMIT_PER_SENDER_PER_MINUTE: '2' });
    browser = await openChromium();
    page = await browser.newPage({ locale: 'vi-VN', viewport: { width: 390, height: 844 } });
    await openWidgetChat(page, app.url);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('says the customer is writing too fast and keeps the message to send again', async () => {
    const send = async (text: string) => {
      await page.locator('textarea').fill(text);
      await page.locator('textarea').press('Enter');
    };
    await send('xin chào');
    await send('phí ship bao nhiêu');
    await expect.poll(() => page.locator('.msg.bot:not(.welcome)').count()).toBeGreaterThanOrEqual(2);
    await send('bảo hành bao lâu');
    const third = page.locator('.msg.customer', { hasText: 'bảo hành bao lâu' });
    await expect.poll(() => third.locator('.refusal').textContent()).toMatch(/gửi hơi nhanh.*gửi lại sau \d+ giây/);
    expect(await third.getAttribute('class')).toContain('sending');
    const stored = await app.store.collection<{ _id: string; text: string }>('messages').find({ text: 'bảo hành bao lâu' });
    expect(stored).toEqual([]);
    expect(await page.evaluate('JSON.stringify(localStorage)')).toContain('bảo hành bao lâu');
  });
});
