import { describe, expect, it } from 'vitest';
import { messagingInbound, messagingWebhookSchema } from '../../../src/channels/meta/messaging-webhook.js';
import { metaFixture } from '../../support/meta-webhook.js';

const now = new Date('2026-01-01T00:00:00Z');
const parse = (object: 'page' | 'instagram', name: string) => messagingWebhookSchema(object).parse(metaFixture(name));

describe('messagingInbound', () => {
  it('reads a Messenger text message with its sender, page and mid', () => {
    const [message, ...rest] = messagingInbound('messenger', parse('page', 'messenger-text'), now);
    expect(rest).toEqual([]);
    expect(message).toMatchObject({
      channel: 'messenger',
      externalUserId: '6789012345678901',
      text: 'hello, world!',
      platformMessageId: 'm_AG5Hz2Uq7tuwNEhXfYYKj8mJEM_QPpz5jdCK48PnKAjSdjfipqxqMvK8ma6AC8fplwlqLP_5cgXIbu7I3rBN0P',
      address: { userId: '6789012345678901', accountId: '106344528814011' },
    });
    expect(message!.payload).toBeUndefined();
  });

  it('reads a quick-reply press and a postback as their payloads', () => {
    expect(messagingInbound('messenger', parse('page', 'messenger-quick-reply'), now)[0]).toMatchObject({ text: 'Red', payload: 'DEVELOPER_DEFINED_PAYLOAD_FOR_PICKING_RED' });
    expect(messagingInbound('messenger', parse('page', 'messenger-postback'), now)[0]).toMatchObject({ text: 'Talk to a person', payload: 'handoff' });
    expect(messagingInbound('instagram', parse('instagram', 'instagram-quick-reply'), now)[0]).toMatchObject({ channel: 'instagram', payload: 'DEVELOPER_DEFINED_PAYLOAD' });
  });

  it('ignores echoes, deliveries and reads, and reads every entry of a batch', () => {
    const inbound = messagingInbound('messenger', parse('page', 'messenger-batch'), now);
    expect(inbound.map((message) => [message.externalUserId, message.text])).toEqual([['6789012345678902', 'phi ship bao nhieu']]);
    expect(messagingInbound('instagram', parse('instagram', 'instagram-echo'), now)).toEqual([]);
  });

  it('dates a message when the customer wrote it, never in the future', () => {
    const body = parse('page', 'messenger-text');
    const later = new Date(1764000000000 + 60_000);
    expect(messagingInbound('messenger', body, later)[0]!.receivedAt).toEqual(new Date(1764000000000));
    // A sender's clock ahead of ours must not stretch the 24-hour window.
    const earlier = new Date(1764000000000 - 60_000);
    expect(messagingInbound('messenger', body, earlier)[0]!.receivedAt).toEqual(earlier);
  });

  it('rejects a body of another object type', () => {
    expect(messagingWebhookSchema('page').safeParse(metaFixture('instagram-text')).success).toBe(false);
  });
});
