import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { whatsappDelivery, whatsappWebhookSchema } from '../../../src/channels/whatsapp/whatsapp-webhook.js';
import { botPhrases as botPhrasesTemplates } from '../../../src/engine/bot-phrases.js';
import { spoken } from '../../support/spoken-phrases.js';
import { recipientOf, textOf } from '../../support/fake-graph-api.js';
import { fixtureFrom, storedInbound } from '../../support/meta-attachment-world.js';
import { platformFixture, postSigned } from '../../support/meta-webhook.js';
import { appSecret, startMetaWorld, whatsappPhoneNumberId, type MetaWorld } from '../../support/meta-world.js';
import { settled } from '../../support/settled.js';

const botPhrases = spoken(botPhrasesTemplates);

const now = new Date('2026-01-01T00:00:00Z');
const wordsOnly = Object.values(botPhrases).map((phrases) => phrases.wordsOnly);
const read = (name: string, skipped?: (reason: string) => void) => whatsappDelivery(whatsappWebhookSchema.parse(platformFixture('whatsapp', name)), whatsappPhoneNumberId, now, skipped);
const first = (name: string) => read(name).inbound[0]!;

describe('whatsappDelivery with media and other message types', () => {
  it('reads media by media id and MIME type, the caption as text, a voice note as voice', () => {
    expect(first('image')).toMatchObject({ text: 'hàng bị móp', attachments: [{ kind: 'image', mediaId: '1479537139650973', mimeType: 'image/jpeg' }] });
    expect(first('voice')).toMatchObject({ text: '', attachments: [{ kind: 'voice', mediaId: '1037543291543636', mimeType: 'audio/ogg; codecs=opus' }] });
    expect(first('document').attachments).toEqual([{ kind: 'file', mediaId: '1003383421387256', mimeType: 'application/pdf', fileName: 'invoice-2026-001.pdf' }]);
    expect(first('sticker').attachments).toEqual([{ kind: 'sticker', mediaId: '1228360928387640', mimeType: 'image/webp' }]);
  });

  it('reads a location and a contact card', () => {
    expect(first('location').attachments).toEqual([{ kind: 'location', location: { latitude: 37.483307, longitude: -122.148981, name: 'Main Street Beach', address: '1 Hacker Way, Menlo Park, CA 94025' } }]);
    expect(first('contacts').attachments).toEqual([{ kind: 'contact', contact: { name: 'Barbara J. Johnson', phones: ['+16505551234'], emails: ['bjohnson@luckyshrub.com'] } }]);
  });

  it('reads a reaction, an order, a system notice and an unsupported message', () => {
    expect(first('reaction').attachments).toEqual([{ kind: 'reaction', emoji: '👍', targetId: 'wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBJDMDEzQjNDNzU2QjI2RjlCMEIA' }]);
    expect(first('order')).toMatchObject({ text: 'giao trong tuần nhé', attachments: [{ kind: 'order', summary: 'order: 2 × di9ozbzfi4 (30 USD), 1 × nqryix03ez (25 USD)' }] });
    expect(first('system').attachments).toEqual([{ kind: 'notice', summary: 'User A changed from +84901234567 to +84909999999' }]);
    expect(first('unsupported').attachments).toEqual([{ kind: 'unsupported', summary: 'Message type unknown' }]);
  });

  it('skips the message and the status of a batch that do not fit, saying why, and reads the rest', () => {
    const reasons: string[] = [];
    const { inbound, statuses } = read('batch-with-malformed', (reason) => reasons.push(reason));
    expect(inbound.map((message) => message.attachments?.[0]?.mediaId)).toEqual(['1479537139650974']);
    expect(statuses).toEqual([]);
    expect(reasons).toHaveLength(2);
    expect(reasons.join('\n')).toMatch(/status:[\s\S]*message:[\s\S]*from/);
  });
});

describe('the whatsapp webhook with media and other message types', () => {
  let world: MetaWorld;
  beforeAll(async () => {
    world = await startMetaWorld('whatsapp');
  });
  afterAll(async () => {
    await world.close();
  });
  const reply = (user: string) => world.graph.waitFor((call) => recipientOf(call) === user && call.body.type !== undefined);

  it('stores a voice note as voice and answers "text only" with a person button', async () => {
    const user = '84940000001';
    expect((await postSigned(world.webhook, fixtureFrom('whatsapp', 'voice', user), appSecret)).status).toBe(200);
    const [stored] = await storedInbound(world, 'whatsapp', user);
    expect(stored).toMatchObject({ text: '', attachments: [{ kind: 'voice', mediaId: '1037543291543636' }] });
    const answer = await reply(user);
    expect(wordsOnly).toContain(textOf(answer));
    expect(answer.body.interactive.action.buttons.map((button: { reply: { id: string } }) => button.reply.id)).toEqual(['handoff']);
  });

  it('records a reaction and says nothing', async () => {
    const user = '84940000002';
    expect((await postSigned(world.webhook, fixtureFrom('whatsapp', 'reaction', user), appSecret)).status).toBe(200);
    const [stored] = await storedInbound(world, 'whatsapp', user);
    expect(stored!.attachments).toMatchObject([{ kind: 'reaction', emoji: '👍' }]);
    await settled(world.app.careline);
    expect(world.graph.sent.filter((call) => recipientOf(call) === user)).toEqual([]);
  });

  it('handles the good message of a batch with a malformed message and status, and answers 200', async () => {
    const user = '84940000003';
    expect((await postSigned(world.webhook, fixtureFrom('whatsapp', 'batch-with-malformed', user), appSecret)).status).toBe(200);
    const stored = await storedInbound(world, 'whatsapp', user);
    expect(stored.map((message) => message.attachments?.[0]?.kind)).toEqual(['image']);
    expect(wordsOnly).toContain(textOf(await reply(user)));
  });
});
