import { beforeAll, describe, expect, it } from 'vitest';
import { type ChromiumPages, keepScreenshot } from '../support/browser.js';
import { restApiAuth } from '../support/rest-api.js';
import type { TestApp } from '../support/test-app.js';
import { consoleWithChromium } from '../support/console-world.js';
import { addTestUser, testPassword } from '../support/test-user.js';

// Issue 19: staff pages in Vietnamese, English, Czech and Chinese, chosen per user (they were English only).
describe('the agent console in the agent\'s language, in Chromium', () => {
  let app: TestApp;
  let browser: ChromiumPages;
  const world = consoleWithChromium();
  beforeAll(async () => {
    ({ app, browser } = world);
    // A customer whose words happen to be one of the console's own labels.
    await fetch(`${app.url}/api/chat`, { method: 'POST', headers: { ...restApiAuth, 'content-type': 'application/json' }, body: JSON.stringify({ sender: 'lang-1', text: 'cho tôi gặp nhân viên' }) });
    await fetch(`${app.url}/api/chat`, { method: 'POST', headers: { ...restApiAuth, 'content-type': 'application/json' }, body: JSON.stringify({ sender: 'lang-1', text: 'Send' }) });
  });

  it('speaks Vietnamese to a Vietnamese browser, switches per user, and leaves customers\' words alone', async () => {
    const page = await browser.newPage({ locale: 'vi-VN', viewport: { width: 390, height: 844 } });
    await page.goto(`${app.url}/console/`);
    // Before logging in: the browser's language.
    await page.getByRole('button', { name: 'Đăng nhập' }).waitFor({ timeout: 10_000 });
    expect(await page.evaluate(() => (globalThis as unknown as { document: { documentElement: { lang: string } } }).document.documentElement.lang)).toBe('vi');
    await page.getByLabel('E-mail').fill('lan@anphat.example');
    await page.getByLabel('Mật khẩu').fill(testPassword);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('heading', { name: /Hàng chờ/ }).waitFor({ timeout: 10_000 });
    await page.getByRole('button', { name: 'Nhận' }).click();
    await page.getByRole('button', { name: 'Gửi', exact: true }).waitFor();
    expect(await page.getByLabel('Trả lời khách hàng').getAttribute('placeholder')).toBe('Trả lời khách hàng… (gõ / để chọn câu trả lời mẫu)');
    expect(await page.locator('.transcript li.customer').last().textContent()).toContain('Send');
    expect(await page.locator('.meta').textContent()).toMatch(/trạng thái: with_agent · phiếu #\d+/);
    await keepScreenshot(page, 'console-vi-390.png', { fullPage: true });

    // Lan prefers English: chosen once, kept for her on every page and after a reload.
    await page.getByLabel('Ngôn ngữ trang').selectOption('en');
    await page.getByRole('button', { name: 'Send', exact: true }).waitFor({ timeout: 10_000 });
    await expect.poll(async () => (await app.services.users.findByEmail('lan@anphat.example'))?.staffLocale).toBe('en');
    await page.reload();
    await page.getByRole('heading', { name: /Queue/ }).waitFor({ timeout: 10_000 });
    expect(await page.getByLabel('Page language').inputValue()).toBe('en');

    // Czech and Chinese too.
    await page.getByLabel('Page language').selectOption('cs');
    await page.getByRole('heading', { name: /Fronta/ }).waitFor({ timeout: 10_000 });
    await page.getByLabel('Jazyk stránky').selectOption('zh');
    await page.getByRole('heading', { name: /排队/ }).waitFor({ timeout: 10_000 });
    await page.getByLabel('页面语言').selectOption('en');
    await page.close();
  });

  it('shows the editor and the dashboard in Vietnamese too', async () => {
    await addTestUser(app.services.users, { email: 'hoa@anphat.example', name: 'Hoa', roles: ['admin'] });
    const page = await browser.newPage({ locale: 'vi-VN', viewport: { width: 390, height: 844 } });
    await page.goto(`${app.url}/editor/`);
    await page.getByLabel('E-mail').fill('hoa@anphat.example');
    await page.getByLabel('Mật khẩu').fill(testPassword);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('button', { name: 'Bài viết', exact: true }).waitFor({ timeout: 10_000 });
    expect(await page.getByRole('navigation', { name: 'Các mục của trình soạn' }).textContent()).toMatch(/Thử ngay\s+Câu hỏi chưa có lời đáp\s+Từ đồng nghĩa/);
    await keepScreenshot(page, 'editor-vi-390.png');
    await page.getByRole('link', { name: 'Bảng số liệu' }).click();
    await page.getByRole('heading', { name: 'Bảng số liệu chăm sóc khách hàng' }).waitFor({ timeout: 10_000 });
    await page.getByRole('button', { name: 'Xem' }).waitFor();
    const width = await page.evaluate(() => (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    await keepScreenshot(page, 'dashboard-vi-390.png', { fullPage: true });
    await page.close();
  });

  it('answers a language it does not have with 400', async () => {
    const { loginAs } = await import('../support/agent-session.js');
    const session = await loginAs(app, 'minh@anphat.example', ['agent'], 'Minh');
    const response = await session.patch('/api/auth/me', { staffLocale: 'fr' });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('staffLocale');
  });
});
