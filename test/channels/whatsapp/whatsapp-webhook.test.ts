import { describe, expect, it } from 'vitest';
import { whatsappDelivery, whatsappWebhookSchema } from '../../../src/channels/whatsapp/whatsapp-webhook.js';
import { metaFixture } from '../../support/meta-webhook.js';

const phoneNumberId = '106540352242922';
const now = new Date('2026-01-01T00:00:00Z');
const read = (name: string, id = phoneNumberId) => whatsappDelivery(whatsappWebhookSchema.parse(metaFixture(name)), id, now);

describe('whatsappDelivery', () => {
  it('reads a text message; the phone number is the customer and the wamid the message id', () => {
    const { inbound, statuses } = read('whatsapp-text');
    expect(statuses).toEqual([]);
    expect(inbound).toEqual([
      {
        channel: 'whatsapp',
        externalUserId: '84901234567',
        displayName: 'Nguyễn Văn An',
        text: 'this is a text message',
        platformMessageId: 'wamid.HBgLODQ5MDEyMzQ1NjcVAgASGBQzQTdCNUI2RDVCRjEyRjQ0QjBCRgA=',
        address: { phone: '84901234567', phoneNumberId, lastMessageId: 'wamid.HBgLODQ5MDEyMzQ1NjcVAgASGBQzQTdCNUI2RDVCRjEyRjQ0QjBCRgA=' },
        receivedAt: new Date(1764000000 * 1000),
      },
    ]);
  });

  it('reads interactive button and list replies as their ids', () => {
    expect(read('whatsapp-button-reply').inbound[0]).toMatchObject({ text: 'button-text', payload: 'unique-button-identifier-here' });
    expect(read('whatsapp-list-reply').inbound[0]).toMatchObject({ text: 'list_reply_title', payload: 'list_reply_id' });
  });

  it('collects delivery statuses', () => {
    const { inbound, statuses } = read('whatsapp-statuses');
    expect(inbound).toEqual([]);
    expect(statuses.map((status) => status.status)).toEqual(['delivered', 'read', 'failed']);
    expect(statuses[2]!.errors![0]).toMatchObject({ code: 131047 });
  });

  it('ignores what was written to another phone number of the same account', () => {
    expect(read('whatsapp-text', '999999999999999')).toEqual({ inbound: [], statuses: [] });
  });

  it('skips a messages change whose value lacks the metadata, naming the field, and reads the other changes', () => {
    const body = metaFixture('whatsapp-text');
    body.entry[0].changes.unshift(structuredClone(body.entry[0].changes[0]));
    delete body.entry[0].changes[0].value.metadata;
    const reasons: string[] = [];
    const { inbound } = whatsappDelivery(whatsappWebhookSchema.parse(body), phoneNumberId, now, (reason) => reasons.push(reason));
    expect(inbound.map((message) => message.text)).toEqual(['this is a text message']);
    expect(reasons).toHaveLength(1);
    expect(reasons[0]).toContain('metadata');
  });

  it('lets changes of other fields through untouched', () => {
    const body = { object: 'whatsapp_business_account', entry: [{ id: '1', changes: [{ field: 'account_update', value: { event: 'VERIFIED_ACCOUNT' } }] }] };
    expect(whatsappDelivery(whatsappWebhookSchema.parse(body), phoneNumberId)).toEqual({ inbound: [], statuses: [] });
  });
});
