import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openChromium, staffLogin, type ChromiumPages } from '../support/browser.js';
import { restApiAuth } from '../support/rest-api.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { addTestUser, testPassword } from '../support/test-user.js';

// BUSINESS_PERSONA_VI=chung-toi: neither the widget's own welcome nor an agent's starter reply may say "anh/chị" while every bot reply says "quý khách".
describe('a shop speaking formally, in Chromium', () => {
  let app: TestApp;
  let browser: ChromiumPages;

  beforeAll(async () => {
    app = await startTestApp({ BUSINESS_NAME: 'Hoa Mai Fashion', BUSINESS_PERSONA_VI: 'chung-toi', BUSINESS_PERSONA_ZH: 'qin', BUSINESS_HOURS: 'mon-sun 00:00-24:00' });
    await addTestUser(app.services.users, { email: 'lan@hoamai.example', name: 'Lan', roles: ['agent'] });
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

  it('gives the agent formal starter replies, naming a customer without a name "quý khách"', async () => {
    await fetch(`${app.url}/api/chat`, { method: 'POST', headers: { ...restApiAuth, 'content-type': 'application/json' }, body: JSON.stringify({ sender: 'formal-web-1', text: 'cho tôi gặp nhân viên' }) });
    const agent = await browser.newPage({ locale: 'en-GB' });
    await staffLogin(agent, `${app.url}/console/`, 'lan@hoamai.example', testPassword);
    await agent.locator('#queue li').first().getByRole('button', { name: 'Claim' }).click();
    const reply = agent.getByLabel('Reply to the customer');
    await reply.waitFor();
    await reply.pressSequentially('/chao');
    await expect.poll(() => agent.getByRole('listbox', { name: 'Canned responses' }).getByRole('option').first().textContent()).toContain('/chao');
    await reply.press('Enter');
    expect(await reply.inputValue()).toBe('Xin chào quý khách, tôi là Lan. Tôi có thể giúp gì cho quý khách ạ?');
  });
});
