import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openChromium, type ChromiumPages } from '../support/browser.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

// BUSINESS_PERSONA_VI=chung-toi: the widget's own welcome must not say "anh/chị" while every reply says "quý khách".
describe('the web chat widget of a shop speaking formally, in Chromium', () => {
  let app: TestApp;
  let browser: ChromiumPages;

  beforeAll(async () => {
    app = await startTestApp({ BUSINESS_NAME: 'Hoa Mai Fashion', BUSINESS_PERSONA_VI: 'chung-toi', BUSINESS_PERSONA_ZH: 'qin' });
    browser = await openChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('welcomes a Vietnamese visitor as "quý khách" and a Chinese one with 亲，您好', async () => {
    for (const [locale, open, welcome] of [['vi-VN', 'Mở khung chat hỗ trợ', 'Xin chào! Quý khách cần hỗ trợ gì ạ?'], ['zh-CN', '打开客服聊天', '亲，您好！有什么可以帮到亲？']] as const) {
      const page = await browser.newPage({ locale });
      await page.goto(`${app.url}/`);
      await page.getByRole('button', { name: open }).click();
      await expect.poll(() => page.locator('.msg.welcome').textContent()).toBe(welcome);
    }
  });
});
