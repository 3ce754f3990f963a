import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loginAs } from '../../support/agent-session.js';
import { FakeZalo, postZaloEvent, zaloEnv, zaloText } from '../../support/fake-zalo.js';
import { startTestApp, type TestApp } from '../../support/test-app.js';
import { settled } from '../../support/settled.js';

describe('the Zalo channel when Zalo fails for a while', () => {
  let fake: FakeZalo;
  let app: TestApp;

  beforeEach(async () => {
    fake = await new FakeZalo().start();
    // Retries every few tens of milliseconds stand in for a minute of backoff.
    app = await startTestApp({ ...zaloEnv(fake), BUSINESS_HOURS: 'mon-sun 00:00-24:00', OUTBOX_RETRY_BASE_MS: '20', OUTBOX_RETRY_MAX_MS: '100', OUTBOX_POLL_MS: '50', OUTBOX_MAX_ATTEMPTS: '1000' });
  });
  afterEach(async () => {
    await app.close();
    await fake.close();
  });

  for (const outage of [{ status: 500 }, { error: -32, message: 'Exceed rate limit' }] as const) {
    it(`delivers every queued message once, in order, after ${'status' in outage ? 'HTTP 500' : 'rate-limit errors'}`, async () => {
      fake.failWith = outage;
      const follower = '246845883529197922';
      for (const question of ['bao hanh bao lau', 'phi ship bao nhieu', 'tra gop dc ko', 'cho gap nhan vien']) await postZaloEvent(app.url, zaloText(follower, question));
      // Four bot replies are waiting; an agent answers proactively while Zalo is still down.
      await waitFor(async () => (await app.services.tickets.waiting()).length === 1);
      const [ticket] = await app.services.tickets.waiting();
      const agent = await loginAs(app, 'lan@anphat.example', ['agent'], 'Lan');
      await agent.post(`/api/agent/tickets/${ticket!._id}/claim`);
      await agent.post(`/api/agent/conversations/${ticket!.conversationId}/messages`, { text: 'Em la Lan, em ho tro anh nhe.' });
      await waitFor(async () => fake.sendAttempts >= 8);
      expect(fake.sent).toEqual([]);

      fake.failWith = null;
      await fake.waitForSent(5);
      await settled(app.careline);
      const transcript = await app.services.messages.transcript(ticket!.conversationId);
      const outbound = transcript.filter((message) => message.direction === 'out');
      expect(outbound).toHaveLength(5);
      expect(fake.sent.map((sent) => sent.text.split('\n')[0])).toEqual(outbound.map((message) => (message.author.kind === 'agent' ? `Lan: ${message.text}` : message.text).split('\n')[0]));
      expect(fake.sent.at(-1)!.text).toBe('Lan: Em la Lan, em ho tro anh nhe.');
    });
  }
});

/** Waits for what the server does in the background (vitest's `expect.poll`, checked every 20 ms). */
function waitFor(predicate: () => Promise<boolean> | boolean, timeout = 10_000): Promise<void> {
  return expect.poll(predicate, { timeout, interval: 20 }).toBe(true);
}
