import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messagingAttachments } from '../../../src/channels/meta/messaging-attachments.js';
import { messagingInbound, messagingWebhookSchema } from '../../../src/channels/meta/messaging-webhook.js';
import { botPhrases as botPhrasesTemplates } from '../../../src/engine/bot-phrases.js';
import { spoken } from '../../support/spoken-phrases.js';
import { payloadsOf, recipientOf, textOf } from '../../support/fake-graph-api.js';
import { fixtureFrom, storedInbound } from '../../support/meta-attachment-world.js';
import { platformFixture, postSigned } from '../../support/meta-webhook.js';
import { appSecret, startMetaWorld, type MetaWorld } from '../../support/meta-world.js';
import { settled } from '../../support/settled.js';

const botPhrases = spoken(botPhrasesTemplates);

const now = new Date('2026-01-01T00:00:00Z');
const wordsOnly = Object.values(botPhrases).map((phrases) => phrases.wordsOnly);
const read = (platform: 'messenger' | 'instagram', name: string, skipped?: (reason: string) => void) =>
  messagingInbound(platform, messagingWebhookSchema(platform === 'messenger' ? 'page' : 'instagram').parse(platformFixture(platform, name)), now, skipped);

describe('messagingInbound with attachments', () => {
  it('reads media as attachments with their URL and no placeholder text', () => {
    expect(read('messenger', 'image')).toMatchObject([{ text: '', attachments: [{ kind: 'image', url: 'https://scontent.xx.fbcdn.net/v/t1.15752-9/image-attachment.jpg' }] }]);
    expect(read('instagram', 'image')[0]!.attachments).toEqual([{ kind: 'image', url: expect.stringContaining('ig_messaging_cdn') }]);
    expect(read('instagram', 'ig-reel')[0]!.attachments).toEqual([{ kind: 'video', url: expect.any(String), summary: 'Unboxing the new kettle' }]);
  });

  it('reads a sticker, a location and a story mention', () => {
    expect(read('messenger', 'sticker')[0]!.attachments).toEqual([{ kind: 'sticker', url: expect.stringContaining('thumbs-up-sticker') }]);
    expect(read('messenger', 'location')[0]!.attachments).toEqual([{ kind: 'location', location: { latitude: 10.7769, longitude: 106.7009 } }]);
    expect(read('instagram', 'story-mention')[0]!.attachments).toEqual([{ kind: 'notice', url: expect.any(String), summary: 'mentioned the account in their story' }]);
  });

  it('keeps shared links, templates and unknown types as unsupported with a summary, and drops a URL it may not store', () => {
    expect(messagingAttachments([{ type: 'fallback', payload: { url: 'https://example.com/sale', title: 'Spring sale' } }, { type: 'template', payload: null }, { type: 'poll', payload: { url: 'javascript:alert(1)' } }])).toEqual([
      { kind: 'unsupported', url: 'https://example.com/sale', summary: 'shared a link: Spring sale' },
      { kind: 'unsupported', summary: 'sent a structured message' },
      { kind: 'unsupported', summary: 'sent a poll attachment' },
    ]);
  });

  it('reads a reaction as a silent reaction attachment naming the message reacted to', () => {
    const [reaction] = read('messenger', 'reaction');
    expect(reaction).toMatchObject({ text: '', attachments: [{ kind: 'reaction', emoji: '❤️', targetId: expect.stringMatching(/^m_AG5Hz2/), summary: 'love' }] });
    expect(reaction!.platformMessageId).toMatch(/^reaction:/);
  });

  it('records a referral as a notice', () => {
    expect(read('messenger', 'referral')[0]!.attachments).toEqual([{ kind: 'notice', summary: 'came through SHORTLINK OPEN_THREAD ref spring-sale' }]);
  });

  it("reads Meta's reference postback: a user_ref sender, a string timestamp in seconds, inside changes[]", () => {
    expect(read('messenger', 'postback-reference')).toMatchObject([
      { externalUserId: 'USER-REF-ID', text: 'TITLE-FOR-THE-CTA', payload: 'USER-DEFINED-PAYLOAD', platformMessageId: 'm_MESSAGE-ID', receivedAt: new Date(1527459824 * 1000) },
    ]);
  });

  it('skips the events of a batch that do not fit, saying why, and reads the rest', () => {
    const reasons: string[] = [];
    const inbound = read('messenger', 'batch-with-malformed', (reason) => reasons.push(reason));
    expect(inbound.map((message) => message.attachments?.[0]?.kind)).toEqual(['video']);
    expect(reasons).toHaveLength(2);
    expect(reasons[0]).toContain('sender');
  });
});

for (const platform of ['messenger', 'instagram'] as const) {
  describe(`the ${platform} webhook with attachments`, () => {
    let world: MetaWorld;
    beforeAll(async () => {
      world = await startMetaWorld(platform);
    });
    afterAll(async () => {
      await world.close();
    });

    it('stores a photo as an image and answers "text only" with a person button', async () => {
      const user = `${platform === 'messenger' ? '67' : '12'}00000000000001`;
      expect((await postSigned(world.webhook, fixtureFrom(platform, 'image', user), appSecret)).status).toBe(200);
      const [stored] = await storedInbound(world, platform, user);
      expect(stored).toMatchObject({ text: '', attachments: [{ kind: 'image', url: expect.stringMatching(/^https:/) }] });
      const reply = await world.graph.waitFor((call) => recipientOf(call) === user && !call.body.sender_action);
      expect(wordsOnly).toContain(textOf(reply));
      expect(payloadsOf(reply)).toEqual(['handoff']);
    });

    it('records a reaction and says nothing', async () => {
      const user = `${platform === 'messenger' ? '67' : '12'}00000000000002`;
      expect((await postSigned(world.webhook, fixtureFrom(platform, 'reaction', user), appSecret)).status).toBe(200);
      const [stored] = await storedInbound(world, platform, user);
      expect(stored!.attachments).toMatchObject([{ kind: 'reaction', emoji: '❤️' }]);
      await settled(world.app.careline);
      expect(world.graph.sent.filter((call) => recipientOf(call) === user)).toEqual([]);
    });

    if (platform === 'messenger') {
      it('handles the good event of a batch with malformed ones and answers 200', async () => {
        const user = '6700000000000003';
        expect((await postSigned(world.webhook, fixtureFrom(platform, 'batch-with-malformed', user), appSecret)).status).toBe(200);
        const stored = await storedInbound(world, platform, user);
        expect(stored.map((message) => message.attachments?.[0]?.kind)).toEqual(['video']);
        const reply = await world.graph.waitFor((call) => recipientOf(call) === user && !call.body.sender_action);
        expect(wordsOnly).toContain(textOf(reply));
      });

      it("answers Meta's documented messaging_postbacks example with 200 and handles it", async () => {
        const response = await postSigned(world.webhook, platformFixture('messenger', 'postback-reference'), appSecret);
        expect(response.status).toBe(200);
        const [stored] = await storedInbound(world, platform, 'USER-REF-ID');
        expect(stored).toMatchObject({ text: 'TITLE-FOR-THE-CTA', payload: 'USER-DEFINED-PAYLOAD' });
        // A customer known only by a user_ref is answered through recipient.user_ref (there is no page-scoped id yet).
        const reply = await world.graph.waitFor((call) => call.body.recipient?.user_ref === 'USER-REF-ID' && !call.body.sender_action);
        expect(reply.status).toBe(200);
        expect(reply.body.recipient).toEqual({ user_ref: 'USER-REF-ID' });
      });

      it('still answers a body that is not JSON with 400', async () => {
        expect((await postSigned(world.webhook, '{not json', appSecret)).status).toBe(400);
      });
    }
  });
}
