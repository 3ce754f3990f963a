import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ZaloChannel } from '../../../src/channels/zalo/zalo-channel.js';
import { OfferedChoices } from '../../../src/channels/offered-choices.js';
import { renderZaloMessage, renderZaloMessages } from '../../../src/channels/zalo/zalo-message.js';
import { OwnSends } from '../../../src/channels/own-sends.js';
import { ZaloTokens } from '../../../src/channels/zalo/zalo-tokens.js';
import { outboundMessageSchema } from '../../../src/core/messages.js';
import { EmbeddedDocumentStore } from '../../../src/storage/embedded/embedded-document-store.js';
import { FakeZalo } from '../../support/fake-zalo.js';
import { tempDir } from '../../support/temp-dir.js';

const rating = outboundMessageSchema.parse({
  kind: 'rating',
  text: 'Ban hai long voi ho tro khong?',
  buttons: [1, 2, 3, 4, 5].map((score) => ({ label: '⭐'.repeat(score), payload: `csat:${score}` })),
});

describe('renderZaloMessage', () => {
  it('shows up to five choices as buttons that send their label back', () => {
    expect(renderZaloMessage(rating)).toEqual({
      text: 'Ban hai long voi ho tro khong?',
      attachment: { type: 'template', payload: { buttons: rating.buttons.map((button) => ({ title: button.label, type: 'oa.query.show', payload: button.label })) } },
    });
  });

  it('numbers the choices in the text when there are too many for buttons', () => {
    const many = outboundMessageSchema.parse({ kind: 'choices', text: 'Chon mot', locale: 'en', buttons: Array.from({ length: 7 }, (_, i) => ({ label: `Option ${i + 1}`, payload: `p${i + 1}` })) });
    const rendered = renderZaloMessage(many);
    expect(rendered.attachment).toBeUndefined();
    expect(rendered.text.split('\n')).toEqual(['Chon mot', '', ...many.buttons.map((button, i) => `${i + 1}. ${button.label}`), '', 'Reply with a number to choose.']);
  });

  it('puts the agent\'s name first and the link after the text', () => {
    const message = outboundMessageSchema.parse({ text: 'Da nhan', author: { kind: 'agent', name: 'Lan' }, link: { label: 'Xem them', url: 'https://care.example.com/help/x' } });
    expect(renderZaloMessage(message).text).toBe('Lan: Da nhan\nXem them: https://care.example.com/help/x');
  });
});

describe('renderZaloMessages', () => {
  it('splits a text over 2,000 characters, ending the last piece with the numbered choices', () => {
    const text = Array.from({ length: 40 }, (_, i) => `Doan ${i + 1}: don hang duoc giao trong ba ngay lam viec.`).join('\n\n');
    const buttons = Array.from({ length: 7 }, (_, i) => ({ label: `Option ${i + 1}`, payload: `p${i + 1}` }));
    const pieces = renderZaloMessages(outboundMessageSchema.parse({ kind: 'choices', text: `${text}\n\n${text}`, locale: 'en', buttons }));
    expect(pieces.length).toBeGreaterThan(1);
    for (const piece of pieces) expect(piece.text.length).toBeLessThanOrEqual(2000);
    expect(pieces.at(-1)!.text.split('\n').slice(-9)).toEqual([...buttons.map((button, i) => `${i + 1}. ${button.label}`), '', 'Reply with a number to choose.']);
    expect(pieces.map((piece) => piece.text).join('').replace(/\s+/g, '')).toBe(renderZaloMessage(outboundMessageSchema.parse({ kind: 'choices', text: `${text}\n\n${text}`, locale: 'en', buttons })).text.replace(/\s+/g, ''));
  });

  it('sends a short message as one, with its buttons', () => {
    expect(renderZaloMessages(rating)).toEqual([renderZaloMessage(rating)]);
  });
});

describe('ZaloChannel sending a rating prompt', () => {
  let fake: FakeZalo;
  let dir: ReturnType<typeof tempDir>;
  let store: EmbeddedDocumentStore;
  let channel: ZaloChannel;
  let choices: OfferedChoices;
  let ownSends: OwnSends;

  beforeEach(async () => {
    fake = await new FakeZalo().start();
    dir = tempDir('careline-zalo-');
    store = new EmbeddedDocumentStore(dir.path);
    await store.init();
    choices = new OfferedChoices(store, 'zalo', { numbers: true });
    const tokens = new ZaloTokens(store, { appId: 'app', appSecret: fake.appSecret, accessToken: fake.accessToken, refreshToken: fake.refreshToken, oauthBase: fake.url });
    ownSends = new OwnSends();
    channel = new ZaloChannel({ apiBase: fake.url, tokens, choices, ownSends });
  });
  afterEach(async () => {
    await store.close();
    dir.remove();
    await fake.close();
  });

  it('maps a pressed button, a typed number and a typed label to the button payload, and ordinary text to nothing', async () => {
    expect(await channel.send({ userId: 'u1' }, rating)).toEqual({ platformMessageId: 'zmsg-1' });
    expect(fake.sent[0]!.buttons).toHaveLength(5);
    expect(await choices.payloadFor('u1', '⭐⭐⭐⭐')).toBe('csat:4');
    expect(await choices.payloadFor('u1', '5')).toBe('csat:5');
    expect(await choices.payloadFor('u1', ' 2. ')).toBe('csat:2');
    expect(await choices.payloadFor('u1', '9')).toBeNull();
    expect(await choices.payloadFor('u1', 'bao hanh bao lau')).toBeNull();
    expect(await choices.payloadFor('someone-else', '5')).toBeNull();
    // A later message without buttons ends the choice.
    await channel.send({ userId: 'u1' }, outboundMessageSchema.parse({ text: 'Cam on ban!' }));
    expect(await choices.payloadFor('u1', '5')).toBeNull();
  });

  it('maps Zalo errors: rate limits and 5xx are retryable, other refusals permanent', async () => {
    fake.failWith = { error: -32, message: 'Exceed rate limit' };
    await expect(channel.send({ userId: 'u1' }, rating)).rejects.toMatchObject({ permanent: false, code: -32 });
    fake.failWith = { status: 503 };
    await expect(channel.send({ userId: 'u1' }, rating)).rejects.toMatchObject({ permanent: false, status: 503 });
    fake.failWith = { error: -213, message: 'User has not followed OA' };
    await expect(channel.send({ userId: 'u1' }, rating)).rejects.toMatchObject({ permanent: true, code: -213 });
    fake.failWith = null;
    await channel.send({ userId: 'u1' }, rating);
    expect(fake.sent).toHaveLength(1);
  });

  it('knows every piece of a long text as its own send (the transcript keeps only the last id), and no other message', async () => {
    const long = outboundMessageSchema.parse({ text: `${'Bảo hành 12 tháng. '.repeat(110)}\n\n${'Đổi trả 7 ngày. '.repeat(20)}` });
    expect(await channel.send({ userId: 'u1' }, long)).toEqual({ platformMessageId: 'zmsg-2' });
    expect(fake.sent).toHaveLength(2);
    expect(await ownSends.sent('u1', 'zmsg-1')).toBe(true);
    expect(await ownSends.sent('u1', 'zmsg-2')).toBe(true);
    expect(await ownSends.sent('u1', 'a-message-from-the-oa-chat')).toBe(false);
  });
});
