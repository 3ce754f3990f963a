import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { contrastOf, openChromium, recordCspViolations, type ChromiumPages, openWidgetChat, keepScreenshot } from '../support/browser.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { tempDir } from '../support/temp-dir.js';

describe('the web chat widget on the demo page, in Chromium', () => {
  const data = tempDir('careline-browser-');
  let app: TestApp;
  let port: number;
  let browser: ChromiumPages;
  let cspViolations: string[][] = [];
  let page: Page;

  const botMessages = () => page.locator('.msg.bot:not(.welcome)');
  const lastBotText = async () => (await botMessages().last().textContent()) ?? '';
  const ask = async (text: string) => {
    const before = await botMessages().count();
    await page.locator('textarea').fill(text);
    await page.locator('textarea').press('Enter');
    await expect.poll(() => botMessages().count(), { timeout: 10_000 }).toBeGreaterThan(before);
    return lastBotText();
  };
  const title = (slug: string) => app.careline.knowledge.article(slug, 'vi', 'vi')!.title;
  const customerTranscript = async () => {
    const [conversation] = await app.store.collection<{ _id: string }>('conversations').find({ channel: 'webchat' });
    const messages = await app.services.messages.transcript(conversation!._id);
    return messages;
  };

  beforeAll(async () => {
    app = await startTestApp({}, { dataDir: data.path });
    port = Number(new URL(app.url).port);
    browser = await openChromium();
    page = await browser.newPage({ locale: 'vi-VN' });
    cspViolations = [recordCspViolations(page)];
    await openWidgetChat(page, app.url);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    data.remove();
  });

  it('answers a Vietnamese question typed without diacritics with the right article', async () => {
    const answer = await ask('bao hanh bao lau');
    expect(answer).toContain(title('warranty-period'));
    await expect.poll(() => page.locator('.choices button').allTextContents()).toEqual(['Có, cảm ơn', 'Không']);
    expect(await page.locator('.msg.bot a').last().getAttribute('href')).toMatch(/\/help\/warranty-period\?lang=vi$/);
  });

  it('offers buttons for an ambiguous question and answers the one clicked', async () => {
    const prompt = await ask('hoàn tiền');
    expect(prompt).toMatch(/nội dung nào|chưa chắc/);
    const choice = page.locator('.choices button', { hasText: title('refund-time') });
    await expect.poll(() => choice.count()).toBe(1);
    const before = await botMessages().count();
    await choice.click();
    await expect.poll(() => botMessages().count()).toBe(before + 1);
    expect(await lastBotText()).toContain(title('refund-time'));
    // The click shows as what the customer said.
    expect(await page.locator('.msg.customer').last().textContent()).toBe(title('refund-time'));
  });

  it('shows the whole conversation again after a reload', async () => {
    const before = await page.locator('.msg:not(.welcome)').allTextContents();
    await page.reload();
    await expect.poll(() => page.locator('.msg:not(.welcome)').allTextContents(), { timeout: 10_000 }).toEqual(before);
    // The panel stays open across the reload.
    await expect.poll(() => page.locator('textarea').isVisible()).toBe(true);
  });

  it('keeps chatting across a server restart with nothing lost or doubled', async () => {
    await app.close();
    await expect.poll(() => page.locator('.status').isVisible(), { timeout: 10_000 }).toBe(true);
    // Written while the server is down: shown as sending, delivered once it is back.
    await page.locator('textarea').fill('phi ship bao nhieu');
    await page.locator('textarea').press('Enter');
    await expect.poll(() => page.locator('.msg.customer.sending').count()).toBe(1);
    app = await startTestApp({}, { dataDir: data.path, port });
    await expect.poll(lastBotText, { timeout: 30_000 }).toContain(title('delivery-fee'));
    await expect.poll(() => page.locator('.msg.customer.sending').count()).toBe(0);
    const stored = await customerTranscript();
    expect(stored.filter((message) => message.text === 'phi ship bao nhieu')).toHaveLength(1);
    expect(stored.filter((message) => message.articleId && message.text.startsWith(title('delivery-fee')))).toHaveLength(1);
    const shownIds = await page.locator('.msg[data-id]').evaluateAll((elements) => elements.map((element) => element.getAttribute("data-id")));
    expect(new Set(shownIds).size).toBe(shownIds.length);
    expect(shownIds).toEqual(stored.map((message) => message._id));
  });

  it('hands off to a person after two questions it cannot answer, with a ticket in the store', async () => {
    const first = await ask('thoi tiet o ha noi ra sao');
    expect(first).toContain('chưa tìm được câu trả lời');
    const second = await ask('ban co biet nau pho khong');
    const [ticket] = await app.services.tickets.waiting();
    expect(ticket).toMatchObject({ reason: 'bot_could_not_answer', priority: 'normal', subject: 'ban co biet nau pho khong' });
    expect(second).toContain(`#${ticket!.number}`);
    const [conversation] = await app.store.collection<{ _id: string; state: string; ticketId: string }>('conversations').find({ channel: 'webchat' });
    expect(conversation).toMatchObject({ state: 'waiting', ticketId: ticket!._id });
  });

  it('shows the agent\'s name when a person writes', async () => {
    const [conversation] = await app.services.conversations.listByCustomer((await customerTranscript())[0]!.customerId);
    await app.careline.dispatcher.deliver(conversation!, { kind: 'agent', id: 'usr_lan', name: 'Lan' }, { text: 'Chào anh, em là Lan, em hỗ trợ anh nhé.' });
    const agentLine = page.locator('.msg.agent').last();
    await expect.poll(() => agentLine.textContent()).toContain('Chào anh, em là Lan');
    expect(await agentLine.locator('.who').textContent()).toBe('Lan');
  });

  it('works with the keyboard alone and in the visitor\'s language', async () => {
    const czech = await browser.newPage({ locale: 'cs-CZ' });
    try {
      await czech.goto(`${app.url}/`);
      const launcher = czech.getByRole('button', { name: 'Otevřít chat podpory' });
      await launcher.focus();
      await czech.keyboard.press('Enter');
      await expect.poll(() => czech.getByRole('dialog', { name: 'Zákaznická podpora' }).isVisible()).toBe(true);
      await expect.poll(() => czech.locator('textarea').evaluate((element) => element === (element.getRootNode() as unknown as { activeElement: unknown }).activeElement)).toBe(true);
      expect(await czech.locator('textarea').getAttribute('placeholder')).toBe('Napište dotaz…');
      await czech.keyboard.press('Escape');
      await expect.poll(() => czech.getByRole('dialog').isVisible()).toBe(false);
    } finally {
      await czech.close();
    }
  });

  it('stays usable at phone width: the panel fills the screen', async () => {
    await page.setViewportSize({ width: 360, height: 640 });
    const box = await page.locator('.panel').boundingBox();
    expect(box).toMatchObject({ x: 0, width: 360 });
    expect(await page.locator('textarea').isVisible()).toBe(true);
  });

  it('on a phone, shows an answer\'s table as a table with its title in view, and a customer\'s link readable', async () => {
    const phone = await browser.newPage({ locale: 'vi-VN', viewport: { width: 390, height: 844 } });
    cspViolations.push(recordCspViolations(phone));
    try {
      await openWidgetChat(phone, app.url);
      await phone.locator('textarea').fill('xem giúp https://anphat.example/don/123 phí ship bao nhiêu');
      await phone.locator('textarea').press('Enter');
      const answer = phone.locator('.msg.bot:not(.welcome)').last();
      await expect.poll(() => answer.textContent(), { timeout: 10_000 }).toContain(title('delivery-fee'));
      // The article's Markdown table is a table, not "|---|" text.
      expect(await answer.textContent()).not.toContain('|---|');
      expect(await answer.locator('table th').allTextContents()).toEqual(['Trường hợp', 'Phí giao']);
      expect(await answer.locator('table tbody tr').count()).toBe(4);
      expect(await answer.locator('strong').first().textContent()).toBe('miễn phí giao hàng');
      // The start of a long answer stays in view.
      const [log, top] = [await phone.locator('.log').boundingBox(), await answer.boundingBox()];
      expect(top!.y).toBeGreaterThanOrEqual(log!.y - 1);
      // The customer's own link is a link in the bubble's text colour, not blue on blue.
      const link = phone.locator('.msg.customer a');
      expect(await link.getAttribute('href')).toBe('https://anphat.example/don/123');
      expect(await contrastOf(phone, '.msg.customer a')).toBeGreaterThanOrEqual(4.5);
      await keepScreenshot(phone, 'widget-phone-table.png');
    } finally {
      await phone.close();
    }
  });

  it('works under its Content-Security-Policy: Chromium reports no violation', () => {
    expect(cspViolations.flat()).toEqual([]);
  });
});
