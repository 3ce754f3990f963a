import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { TestApp } from './test-app.js';
import { addTestUser } from './test-user.js';

/**
 * In an open widget (Vietnamese), the customer asks for a person; an agent claims and resolves
 * the ticket and the due survey job runs. Returns the agent and the resolved conversation's id.
 */
export async function resolveFromWidget(page: Page, app: TestApp, agentEmail: string): Promise<{ agentId: string; conversationId: string }> {
  await page.locator('textarea').fill('cho gặp nhân viên');
  await page.locator('textarea').press('Enter');
  await expect.poll(() => page.locator('.msg.bot').last().textContent(), { timeout: 10_000 }).toContain('#');
  const agent = await addTestUser(app.services.users, { email: agentEmail, roles: ['agent'] });
  const [ticket] = await app.services.tickets.waiting();
  await app.careline.desk.claim(ticket!._id, agent);
  await app.careline.desk.resolve(ticket!.conversationId, agent);
  await expect.poll(() => app.careline.jobRunner.runDue(), { timeout: 5000 }).toBeGreaterThan(0);
  return { agentId: agent._id, conversationId: ticket!.conversationId };
}
