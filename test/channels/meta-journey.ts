import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs } from '../support/agent-session.js';
import { payloadsOf, recipientOf, textOf, type GraphCall } from '../support/fake-graph-api.js';
import { appSecret, startMetaWorld, verifyToken, type MetaPlatform, type MetaWorld, type SayOptions } from '../support/meta-world.js';
import { postSigned } from '../support/meta-webhook.js';
import { settled } from '../support/settled.js';

/**
 * The customer journey every Meta platform must support, run against its webhook with
 * payloads shaped like the platform's and a fake Graph API: a question answered,
 * clarification by button, hand-off, an agent's reply arriving proactively; plus webhook
 * verification, signature checks and redelivery.
 */
export function describeMetaJourney(platform: MetaPlatform, customer: string, other: string): void {
  describe(`the ${platform} channel`, () => {
    let world: MetaWorld;
    beforeAll(async () => {
      // Retries after 20 ms doubling to 50 ms: many failed attempts in little time stand for a long outage.
      world = await startMetaWorld(platform, { OUTBOX_RETRY_BASE_MS: '20', OUTBOX_RETRY_MAX_MS: '50', OUTBOX_MAX_ATTEMPTS: '1000', OUTBOX_POLL_MS: '50' });
    });
    afterAll(async () => {
      await world.close();
    });
    const title = (slug: string) => world.app.careline.knowledge.article(slug, 'vi', 'vi')!.title;
    const replies = async (user: string, count: number) => world.graph.waitForSent(count, user);

    it('answers the subscription handshake only with the right verify token', async () => {
      const good = await fetch(`${world.webhook}?hub.mode=subscribe&hub.verify_token=${verifyToken}&hub.challenge=1158201444`);
      expect(good.status).toBe(200);
      expect(await good.text()).toBe('1158201444');
      const bad = await fetch(`${world.webhook}?hub.mode=subscribe&hub.verify_token=guess&hub.challenge=1158201444`);
      expect(bad.status).toBe(403);
      expect(await bad.text()).not.toContain('1158201444');
    });

    it('answers a question, clarifies by button, hands off, and relays the agent\'s reply', async () => {
      /** Says `text` and waits for the reply (its last piece, where the buttons are) that `matches`. */
      const exchange = async (text: string, matches: (call: GraphCall) => boolean, options?: SayOptions) => {
        const before = world.graph.sent.length;
        expect((await world.say(customer, text, options)).status).toBe(200);
        return world.graph.waitFor((call) => recipientOf(call) === customer && matches(call), before);
      };
      const withButtons = (call: GraphCall) => payloadsOf(call).length > 0;

      const answer = await exchange('phi ship bao nhieu', withButtons);
      expect(answer.token).toBe(world.token);
      expect(payloadsOf(answer)).toEqual(['feedback:yes:delivery-fee', 'feedback:no:delivery-fee']);
      const answered = world.graph.sent.filter((call) => recipientOf(call) === customer).map(textOf).join('\n');
      expect(answered).toContain(title('delivery-fee'));
      // The article's Markdown arrives in the platform's own marks, its table as "label: value" lines (issue 18).
      expect(answered).toContain('*miễn phí giao hàng*');
      expect(answered).toContain('Trong 20 km, đơn dưới 500.000đ: 20.000đ');
      expect(answered).not.toMatch(/\*\*|\|---|\| Trường hợp/);

      const clarification = await exchange('hoàn tiền', withButtons);
      expect(payloadsOf(clarification)).toContain('article:refund-time');
      expect(payloadsOf(clarification).at(-1)).toBe('handoff');

      const before = world.graph.sent.length;
      const chosen = await exchange(title('refund-time').slice(0, 20), withButtons, { payload: 'article:refund-time', reply: 'list_reply' });
      expect(payloadsOf(chosen)).toEqual(['feedback:yes:refund-time', 'feedback:no:refund-time']);
      expect(world.graph.sent.slice(before).map(textOf).join('\n')).toContain(title('refund-time'));

      const handedOff = await exchange('cho gặp nhân viên', (call) => /phiếu #\d+/.test(textOf(call)));
      expect(payloadsOf(handedOff)).toEqual([]);

      const agent = await loginAs(world.app, `lan-${platform}@anphat.example`, ['agent'], 'Lan');
      const { queue } = (await (await agent.get('/api/agent/queue')).json()) as { queue: { ticket: { id: string }; conversation: { id: string } }[] };
      expect(queue).toHaveLength(1);
      expect((await agent.post(`/api/agent/tickets/${queue[0]!.ticket.id}/claim`)).status).toBe(200);
      expect((await agent.post(`/api/agent/conversations/${queue[0]!.conversation.id}/messages`, { text: 'Chào anh, em là Lan.' })).status).toBe(201);
      await world.graph.waitFor((call) => recipientOf(call) === customer && textOf(call) === 'Lan: Chào anh, em là Lan.');
    });

    it('rejects a delivery with a missing (401) or wrong (403) signature and does not answer it', async () => {
      const body = world.payload(other, 'phi ship bao nhieu');
      expect((await postSigned(world.webhook, body, appSecret, null)).status).toBe(401);
      expect((await postSigned(world.webhook, body, 'not-the-app-secret')).status).toBe(403);
      expect((await postSigned(world.webhook, body, appSecret, 'sha256=' + '0'.repeat(64))).status).toBe(403);
      // Signed, then altered on the way: the signature no longer matches the bytes.
      const signedFor = JSON.stringify(body);
      const { metaSignature } = await import('../../src/channels/meta/meta-signature.js');
      expect((await postSigned(world.webhook, signedFor.replace('phi ship', 'PHI SHIP'), appSecret, metaSignature(signedFor, appSecret))).status).toBe(403);
      await settled(world.app.careline);
      expect(world.graph.calls.filter((call) => recipientOf(call) === other)).toEqual([]);
      expect(await world.app.services.customers.findByIdentity(platform, other)).toBeNull();
    });

    it('answers a redelivered message once', async () => {
      const body = world.payload(other, 'bao hanh bao lau', { mid: `replayed-${platform}-1` });
      expect((await postSigned(world.webhook, body, appSecret)).status).toBe(200);
      await replies(other, 1);
      expect((await postSigned(world.webhook, body, appSecret)).status).toBe(200);
      // A different later message shows the replay was handled (and ignored) before it.
      await world.say(other, 'phi ship bao nhieu');
      const sent = await replies(other, 2);
      expect(sent.map(textOf)[0]).toContain(title('warranty-period'));
      expect(textOf(sent[1]!)).toContain(title('delivery-fee'));
      await settled(world.app.careline);
      expect(world.graph.sent.filter((call) => recipientOf(call) === other)).toHaveLength(2);
    });

    // Found by the fault bench: a signed event whose timestamp is no date (-1e20) was answered
    // 503 for ever, since storing it under an invalid date failed; Meta would retry it for a day.
    it('stores and answers a signed message whose timestamp is no usable time', async () => {
      const user = `${other}7`;
      const body = world.payload(user, 'bao hanh bao lau') as { entry: { messaging?: { timestamp: number }[]; changes?: { value: { messages: { timestamp: string }[] } }[] }[] };
      const [entry] = body.entry;
      if (entry!.messaging) entry!.messaging[0]!.timestamp = -1e20;
      else entry!.changes![0]!.value.messages[0]!.timestamp = '-1e20';
      expect((await postSigned(world.webhook, body, appSecret)).status).toBe(200);
      const [answer] = await replies(user, 1);
      expect(textOf(answer!)).toContain(title('warranty-period'));
    });

    it('delivers every reply queued while the Graph API answered 500, once it recovers, in order, none lost or doubled', async () => {
      const user = `${other}9`;
      world.graph.failWith(500);
      const questions = [['phi ship bao nhieu', 'delivery-fee'], ['bao hanh bao lau', 'warranty-period'], ['tra gop dc ko', 'installment']] as const;
      for (const [question] of questions) expect((await world.say(user, question)).status).toBe(200);
      const failedCalls = () => world.graph.calls.filter((call) => call.status === 500 && recipientOf(call) === user && !call.body.sender_action).length;
      // The outage lasts until the worker has retried many times (with backoff) and every reply waits in the outbox.
      await expect.poll(failedCalls, { interval: 25 }).toBeGreaterThanOrEqual(12);
      expect(world.graph.sent.filter((call) => recipientOf(call) === user)).toEqual([]);
      world.graph.recover();

      const last = await world.graph.waitFor((call) => recipientOf(call) === user && payloadsOf(call).includes('feedback:yes:installment'));
      const delivered = world.graph.sent.filter((call) => recipientOf(call) === user);
      expect(delivered.at(-1)).toBe(last);
      const text = delivered.map(textOf).join('\n');
      const positions = questions.map(([, slug]) => text.indexOf(title(slug)));
      expect(positions.every((position) => position >= 0)).toBe(true);
      expect([...positions].sort((a, b) => a - b)).toEqual(positions);
      expect(delivered.flatMap(payloadsOf).filter((payload) => payload.startsWith('feedback:yes'))).toEqual(questions.map(([, slug]) => `feedback:yes:${slug}`));
      const bodies = delivered.map((call) => JSON.stringify(call.body));
      expect(new Set(bodies).size).toBe(bodies.length);
      await settled(world.app.careline);
      expect(world.graph.sent.filter((call) => recipientOf(call) === user)).toHaveLength(delivered.length);
      expect(await world.app.store.collection('outbox').countDocuments({ status: { $ne: 'done' } })).toBe(0);
    });

    it('answers a body that is not the platform\'s webhook format with 400', async () => {
      const response = await postSigned(world.webhook, { object: 'something_else', entry: 'nope' }, appSecret);
      expect(response.status).toBe(400);
      expect(((await response.json()) as { error: { message: string } }).error.message).toContain('object');
    });
  });
}
