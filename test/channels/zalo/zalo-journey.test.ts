import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loginAs } from '../../support/agent-session.js';
import { FakeZalo, postZaloEvent, zaloEnv, zaloFixture, zaloText } from '../../support/fake-zalo.js';
import { startTestApp, type TestApp } from '../../support/test-app.js';
import { runDueJobs, settled } from '../../support/settled.js';

describe('the Zalo OA channel', () => {
  let fake: FakeZalo;
  let app: TestApp;
  const title = (slug: string) => app.careline.knowledge.article(slug, 'vi', 'vi')!.title;

  beforeEach(async () => {
    fake = await new FakeZalo().start();
    app = await startTestApp({ ...zaloEnv(fake), BUSINESS_HOURS: 'mon-sun 00:00-24:00', CSAT_DELAY_SECONDS: '0' });
  });
  afterEach(async () => {
    await app.close();
    await fake.close();
  });

  describe('a follower\'s journey', () => {
    it('answers, clarifies by button and by number, hands off, relays the agent\'s reply and stores the CSAT rating pressed', async () => {
      const follower = '246845883529197922';
      // A question answered from the knowledge base, Vietnamese typed without diacritics.
      expect((await postZaloEvent(app.url, zaloText(follower, 'bao hanh bao lau'))).status).toBe(200);
      const [answer] = await fake.waitForSent(1);
      expect(answer).toMatchObject({ userId: follower, accessToken: 'access-0' });
      expect(answer!.text).toContain(title('warranty-period'));
      expect(answer!.buttons.length).toBe(2);
      expect(answer!.buttons.every((button) => button.type === 'oa.query.show')).toBe(true);

      // An ambiguous question gets buttons; pressing one sends its payload back as the follower's text.
      await postZaloEvent(app.url, zaloText(follower, 'hoan tien'));
      const [, clarify] = await fake.waitForSent(2);
      expect(clarify!.buttons.length).toBeGreaterThanOrEqual(3);
      expect(clarify!.buttons.at(-1)!.title).toBe('Gặp nhân viên');
      const pressed = clarify!.buttons.find((button) => button.title === title('refund-time'))!;
      await postZaloEvent(app.url, zaloText(follower, pressed.payload));
      const [, , chosen] = await fake.waitForSent(3);
      expect(chosen!.text).toContain(title('refund-time'));

      // The same choice typed as a number.
      await postZaloEvent(app.url, zaloText(follower, 'hoan tien'));
      const [, , , again] = await fake.waitForSent(4);
      await postZaloEvent(app.url, zaloText(follower, '1'));
      const [, , , , byNumber] = await fake.waitForSent(5);
      expect(byNumber!.text).toContain(again!.buttons[0]!.title);

      // Asking for a person hands off with a ticket; the agent's reply reaches Zalo without the follower writing.
      await postZaloEvent(app.url, zaloText(follower, 'cho gap nhan vien'));
      const handoff = (await fake.waitForSent(6))[5]!;
      const [ticket] = await app.services.tickets.waiting();
      expect(handoff.text).toContain(`#${ticket!.number}`);
      const agent = await loginAs(app, 'lan@anphat.example', ['agent'], 'Lan');
      expect((await agent.post(`/api/agent/tickets/${ticket!._id}/claim`)).status).toBe(200);
      expect((await agent.post(`/api/agent/conversations/${ticket!.conversationId}/messages`, { text: 'Chao anh, em la Lan a.' })).status).toBe(201);
      const reply = (await fake.waitForSent(7))[6]!;
      expect(reply).toMatchObject({ userId: follower, text: 'Lan: Chao anh, em la Lan a.' });

      // Resolved: the CSAT prompt arrives as five Zalo buttons; the pressed one is stored with the agent who resolved.
      app.careline.jobRunner.start();
      expect((await agent.post(`/api/agent/conversations/${ticket!.conversationId}/resolve`)).status).toBe(200);
      const resolved = (await fake.waitForSent(8))[7]!;
      expect(resolved.text).toMatch(/đã được giải quyết/);
      await runDueJobs(app.careline);
      const prompt = (await fake.waitForSent(9))[8]!;
      expect(prompt.buttons).toHaveLength(5);
      expect(prompt.buttons.every((button) => button.type === 'oa.query.show')).toBe(true);
      await postZaloEvent(app.url, zaloText(follower, prompt.buttons[3]!.payload));
      await fake.waitForSent(10);
      const stored = await app.services.csat.forConversation(ticket!.conversationId);
      expect(stored).toMatchObject({ score: 4, agentId: agent.id, channel: 'zalo', handledBy: 'agent' });
      const customer = await app.services.customers.findByIdentity('zalo', follower);
      expect(customer).not.toBeNull();
    });

    it('records an image the follower sends and ignores receipts and follows', async () => {
      // The documented samples, sent now (as Zalo would): an old signed timestamp is refused.
      const now = (event: Record<string, unknown>) => ({ ...event, timestamp: String(Date.now()) });
      const image = now(zaloFixture('user_send_image'));
      for (const name of ['follow', 'user_received_message', 'user_seen_message']) expect((await postZaloEvent(app.url, now(zaloFixture(name)))).status).toBe(200);
      expect((await postZaloEvent(app.url, image)).status).toBe(200);
      await fake.waitForSent(1);
      const customer = await app.services.customers.findByIdentity('zalo', '246845883529197922');
      const [conversation] = await app.services.conversations.listByCustomer(customer!._id);
      const transcript = await app.services.messages.transcript(conversation!._id);
      expect(transcript.filter((message) => message.direction === 'in')).toEqual([expect.objectContaining({ text: '', attachments: [{ kind: 'image', url: 'https://photo-stal-9.zdn.vn/photo.jpg' }] })]);
    });
  });

  describe('webhook security', () => {
    it('rejects a missing signature with 401 and a wrong one with 403, and does nothing', async () => {
      const event = zaloText('111', 'bao hanh bao lau');
      expect((await postZaloEvent(app.url, event, { signature: null })).status).toBe(401);
      expect((await postZaloEvent(app.url, event, { signature: 'mac=' + '0'.repeat(64) })).status).toBe(403);
      expect((await postZaloEvent(app.url, event, { secret: 'the app secret, not the OA key' })).status).toBe(403);
      // A body changed after signing fails too.
      const signed = await import('../../../src/channels/zalo/zalo-signature.js');
      const raw = JSON.stringify(event);
      const tampered = await fetch(`${app.url}/webhooks/zalo`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-zevent-signature': signed.zaloSignature(String(event.app_id), raw, String(event.timestamp), 'oa-secret-key') },
        body: raw.replace('bao hanh', 'bao hành'),
      });
      expect(tampered.status).toBe(403);
      // A valid message afterwards is the only thing answered.
      await postZaloEvent(app.url, zaloText('111', 'xin chao'));
      await fake.waitForSent(1);
      await settled(app.careline);
      expect(fake.sent.map((sent) => sent.userId)).toEqual(['111']);
      expect(await app.services.customers.findByIdentity('zalo', '111')).not.toBeNull();
      const [conversation] = await app.services.conversations.listByCustomer((await app.services.customers.findByIdentity('zalo', '111'))!._id);
      expect((await app.services.messages.transcript(conversation!._id)).filter((message) => message.direction === 'in').map((message) => message.text)).toEqual(['xin chao']);
    });

    it('answers a forged body with a deeply nested timestamp 403, not 500', async () => {
      const nested = '['.repeat(20_000) + ']'.repeat(20_000);
      const response = await fetch(`${app.url}/webhooks/zalo`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-zevent-signature': 'mac=' + '0'.repeat(64) }, body: `{"timestamp":${nested}}` });
      expect(response.status).toBe(403);
    });

    it('refuses a signed event 1 hour, 30 days or 5 years old with 403 and answers none of them', async () => {
      const hour = 3_600_000;
      for (const age of [hour, 30 * 24 * hour, 5 * 365 * 24 * hour]) {
        const response = await postZaloEvent(app.url, { ...zaloText('333', 'bao hanh bao lau'), timestamp: String(Date.now() - age) });
        expect(response.status).toBe(403);
        expect(((await response.json()) as { error: { code: string } }).error.code).toBe('stale_event');
      }
      await postZaloEvent(app.url, zaloText('333', 'xin chao'));
      await fake.waitForSent(1);
      expect(fake.sent).toHaveLength(1);
    });

    it('answers an event without msg_id once however often it is replayed', async () => {
      const event = { ...zaloText('444', 'bao hanh bao lau'), message: { text: 'bao hanh bao lau' } };
      for (let i = 0; i < 10; i++) expect((await postZaloEvent(app.url, event)).status).toBe(200);
      await postZaloEvent(app.url, zaloText('444', 'cam on'));
      await fake.waitForSent(2);
      await settled(app.careline);
      expect(fake.sent.map((sent) => sent.userId)).toEqual(['444', '444']);
    });

    it('answers 503 when the message cannot be stored (Zalo delivers it again), and answers the redelivery', async () => {
      const messages = app.services.messages;
      const insertOnce = messages.insertOnce.bind(messages);
      messages.insertOnce = async () => {
        throw new Error('the store is down');
      };
      const event = zaloText('555', 'bao hanh bao lau', 'msg-store-down');
      try {
        expect((await postZaloEvent(app.url, event)).status).toBe(503);
      } finally {
        messages.insertOnce = insertOnce;
      }
      expect((await postZaloEvent(app.url, { ...event, timestamp: String(Date.now()) })).status).toBe(200);
      await fake.waitForSent(1);
      expect(fake.sent.map((sent) => sent.userId)).toEqual(['555']);
    });

    it('answers a redelivered message once', async () => {
      const event = zaloText('222', 'bao hanh bao lau', 'msg-replayed');
      expect((await postZaloEvent(app.url, event)).status).toBe(200);
      await fake.waitForSent(1);
      expect((await postZaloEvent(app.url, { ...event, timestamp: String(Date.now()) })).status).toBe(200);
      // Messages of one follower are handled in order, so once this one is answered the replay has been seen.
      await postZaloEvent(app.url, zaloText('222', 'cam on'));
      await fake.waitForSent(2);
      await settled(app.careline);
      expect(fake.sent).toHaveLength(2);
      expect(fake.sent[1]!.text).not.toContain(title('warranty-period'));
    });
  });
});
