import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { loginAs } from '../support/agent-session.js';
import { staffLogin, type ChromiumPages, keepScreenshot } from '../support/browser.js';
import { restApiAuth } from '../support/rest-api.js';
import type { TestApp } from '../support/test-app.js';
import { consoleWithChromium } from '../support/console-world.js';
import { testPassword } from '../support/test-user.js';

// Issue 19, missing on day one: canned responses with a "/" shortcut and variables.
describe('canned responses in the agent console, in Chromium', () => {
  let app: TestApp;
  let browser: ChromiumPages;
  let agent: Page;
  const world = consoleWithChromium();
  beforeAll(async () => {
    ({ app, browser } = world);
    agent = await browser.newPage({ locale: 'en-GB' });
  });

  it('refuses a taken or malformed shortcut with a clear error', async () => {
    const session = await loginAs(app, 'minh@anphat.example', ['agent'], 'Minh');
    const taken = await session.post('/api/agent/canned-responses', { shortcut: 'wait', text: 'again' });
    expect(taken.status).toBe(409);
    expect(((await taken.json()) as { error: { message: string } }).error.message).toContain('/wait is taken');
    const malformed = await session.post('/api/agent/canned-responses', { shortcut: 'two words', text: 'x' });
    expect(malformed.status).toBe(400);
    expect(JSON.stringify(await malformed.json())).toContain('shortcut');
  });

  it('offers the responses after "/", fills in the customer\'s and the agent\'s names, and sends it', async () => {
    const response = await fetch(`${app.url}/api/chat`, { method: 'POST', headers: { ...restApiAuth, 'content-type': 'application/json' }, body: JSON.stringify({ sender: 'canned-1', text: 'cho tôi gặp nhân viên', displayName: 'Chị Mai' }) });
    const { conversationId } = (await response.json()) as { conversationId: string };
    await staffLogin(agent, `${app.url}/console/`, 'lan@anphat.example', testPassword);
    await agent.locator('#queue li').first().getByRole('button', { name: 'Claim' }).click();
    const reply = agent.getByLabel('Reply to the customer');
    await reply.waitFor();

    // The team adds its own; it is offered at once.
    await agent.getByText('Canned responses', { exact: true }).click();
    await agent.getByLabel('Shortcut').fill('ship');
    await agent.getByLabel('Text', { exact: true }).fill('Dạ {customer.name}, đơn của mình sẽ được giao trong 2–3 ngày ạ. {agent.name}');
    await agent.getByRole('button', { name: 'Add canned response' }).click();
    await expect.poll(() => agent.locator('.canned-list li').allTextContents()).toContainEqual(expect.stringContaining('/ship'));

    await reply.click();
    await reply.pressSequentially('/ch');
    const options = agent.getByRole('listbox', { name: 'Canned responses' }).getByRole('option');
    await expect.poll(() => options.count()).toBeGreaterThanOrEqual(2);
    // The conversation is in Vietnamese: the Vietnamese starters come first.
    expect(await options.first().textContent()).toContain('/chao');
    await reply.press('Enter');
    expect(await reply.inputValue()).toBe('Chào Chị Mai, em là Lan. Em có thể giúp gì cho anh/chị ạ?');
    // Enter chose the response; it did not send the half-typed "/ch".
    expect((await app.services.messages.transcript(conversationId)).some((line) => line.author.kind === 'agent')).toBe(false);

    await reply.press('End');
    await reply.pressSequentially(' /sh');
    await expect.poll(() => options.first().textContent()).toContain('/ship');
    await reply.press('Tab');
    expect(await reply.inputValue()).toBe('Chào Chị Mai, em là Lan. Em có thể giúp gì cho anh/chị ạ? Dạ Chị Mai, đơn của mình sẽ được giao trong 2–3 ngày ạ. Lan');
    await reply.press('Enter');
    await expect.poll(async () => (await app.services.messages.transcript(conversationId)).filter((line) => line.author.kind === 'agent').map((line) => line.text), { timeout: 10_000 }).toEqual([
      'Chào Chị Mai, em là Lan. Em có thể giúp gì cho anh/chị ạ? Dạ Chị Mai, đơn của mình sẽ được giao trong 2–3 ngày ạ. Lan',
    ]);
    await keepScreenshot(agent, 'console-canned.png', { fullPage: true });
  });
});
