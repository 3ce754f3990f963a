import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openChromium, type ChromiumPages, openWidgetChat, keepScreenshot } from '../support/browser.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { resolveFromWidget } from '../support/widget-survey.js';

describe('the widget shows an NPS question as eleven numbered buttons, in Chromium at phone width', () => {
  let app: TestApp;
  let browser: ChromiumPages;
  let page: Page;

  beforeAll(async () => {
    app = await startTestApp({ BUSINESS_HOURS: 'mon-sun 00:00-24:00', CSAT_DELAY_SECONDS: '0', SURVEYS: 'nps', BUSINESS_NAME: 'Hoa Mai Fashion' });
    browser = await openChromium();
    page = await browser.newPage({ locale: 'vi-VN', viewport: { width: 390, height: 844 } });
    await openWidgetChat(page, app.url);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('shows 0–10 (not stars) within the window, and the pressed 9 is stored as the NPS score', async () => {
    const { agentId, conversationId } = await resolveFromWidget(page, app, 'lan@hoamai.example');

    const scores = page.getByRole('group', { name: /giới thiệu Hoa Mai Fashion/ }).getByRole('button');
    await expect.poll(() => scores.allTextContents(), { timeout: 10_000 }).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    expect(await page.locator('.rating .star').count()).toBe(0);
    // Every score button is inside the phone's width (they wrap rather than overflow).
    const right = await scores.evaluateAll((buttons) => Math.max(...buttons.map((button) => (button as unknown as { getBoundingClientRect: () => { right: number } }).getBoundingClientRect().right)));
    expect(right).toBeLessThanOrEqual(390);
    await keepScreenshot(page, 'widget-nps-390.png');
    await scores.nth(9).click();
    await expect.poll(() => page.locator('.msg.bot').last().textContent(), { timeout: 10_000 }).toContain('lý do');
    expect(await app.services.surveys.forConversation(conversationId)).toMatchObject({ kind: 'nps', score: 9, agentId, channel: 'webchat' });
  });
});
