import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { loginAs, type AgentSession } from '../support/agent-session.js';
import { staffLogin, type ChromiumPages, keepScreenshot } from '../support/browser.js';
import { restApiAuth } from '../support/rest-api.js';
import type { TestApp } from '../support/test-app.js';
import { consoleWithChromium } from '../support/console-world.js';
import { testPassword } from '../support/test-user.js';

// Issue 19, missing on day one: the survey answer on the conversation, previous conversations
// that open with who handled them, unread counts in the list and the tab title, online / away,
// keyboard shortcuts.
describe('the console\'s day-one helpers, in Chromium', () => {
  let app: TestApp;
  let browser: ChromiumPages;
  let agent: Page;
  let minh: AgentSession;
  let firstId = '';
  const chat = async (text: string) =>
    ((await (await fetch(`${app.url}/api/chat`, { method: 'POST', headers: { ...restApiAuth, 'content-type': 'application/json' }, body: JSON.stringify({ sender: 'day-1', text, displayName: 'Bà Tư' }) })).json()) as { conversationId: string });
  const world = consoleWithChromium();
  beforeAll(async () => {
    ({ app, browser } = world);
    minh = await loginAs(app, 'minh@anphat.example', ['agent'], 'Minh');
    // Minh handled Bà Tư last week; she rated it with a comment.
    firstId = (await chat('cho gặp nhân viên')).conversationId;
    const [ticket] = await app.services.tickets.waiting();
    await minh.post(`/api/agent/tickets/${ticket!._id}/claim`);
    await minh.post(`/api/agent/conversations/${firstId}/resolve`);
    const conversation = (await app.services.conversations.get(firstId))!;
    await app.services.csat.record({ conversationId: firstId, customerId: conversation.customerId, score: 4, comment: 'Anh Minh nhiệt tình nhưng hơi chậm', agentId: conversation.ownerId!, handledBy: 'agent', channel: 'rest', locale: 'vi', segment: 'new', promptedAt: new Date(), answeredAt: new Date() });
    agent = await browser.newPage({ locale: 'en-GB' });
  });

  it('shows a returning customer\'s earlier conversation with who handled it and her rating, counts unread messages, and goes away', async () => {
    const second = await chat('lại là tôi, cho gặp nhân viên');
    await staffLogin(agent, `${app.url}/console/`, 'lan@anphat.example', testPassword);
    // The waiting conversation counts in the tab's title.
    await expect.poll(() => agent.title(), { timeout: 10_000 }).toBe('(1) Careline — agent console');
    await agent.keyboard.press('Alt+N');
    await agent.locator('.transcript li').first().waitFor({ timeout: 10_000 });
    await expect.poll(() => agent.title()).toBe('Careline — agent console');

    const previous = agent.locator('.previous li');
    await expect.poll(() => previous.count()).toBe(1);
    expect(await previous.first().textContent()).toMatch(/^rest · resolved · .* · handled by Minh · 3 messages: cho gặp nhân viên/);
    await previous.first().getByRole('button', { name: 'Open' }).click();
    await expect.poll(() => agent.locator('.rating').textContent(), { timeout: 10_000 }).toContain('★★★★☆ 4/5');
    expect(await agent.locator('.rating').textContent()).toContain('“Anh Minh nhiệt tình nhưng hơi chậm”');

    // While Lan reads the old one, Bà Tư writes in the new one: it is marked and counted.
    await chat('alo, có ai không?');
    const mine = agent.locator('#mine li').filter({ hasText: 'Bà Tư' });
    await expect.poll(() => mine.locator('.badge.unread').count(), { timeout: 10_000 }).toBe(1);
    await expect.poll(() => agent.title()).toBe('(1) Careline — agent console');
    await mine.getByRole('button').click();
    await expect.poll(() => agent.locator('.transcript li.customer').last().textContent(), { timeout: 10_000 }).toContain('alo, có ai không?');
    await expect.poll(() => mine.locator('.badge.unread').count()).toBe(0);
    expect(second.conversationId).not.toBe(firstId);

    // Away: Lan is no longer offered for transfers and does not count as available.
    await agent.getByRole('button', { name: 'Online' }).click();
    await agent.getByRole('button', { name: 'Away' }).waitFor();
    const agents = (await (await minh.get('/api/agent/agents')).json()) as { agents: { displayName: string; online: boolean }[] };
    expect(agents.agents.find((one) => one.displayName === 'Lan')).toMatchObject({ online: false });
    expect(app.careline.presence.onlineCount).toBe(0);
    await agent.getByRole('button', { name: 'Away' }).click();
    await agent.getByRole('button', { name: 'Online' }).waitFor();
    expect(app.careline.presence.isOnline((await app.services.users.findByEmail('lan@anphat.example'))!._id)).toBe(true);
    await keepScreenshot(agent, 'console-day-one.png', { fullPage: true });
  });

  it('refuses a status it does not know with 400', async () => {
    const response = await minh.post('/api/agent/status', { status: 'lunch' });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('status');
  });
});
