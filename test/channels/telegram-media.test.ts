import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Message } from '../../src/conversations/message.js';
import { botPhrases as botPhrasesTemplates } from '../../src/engine/bot-phrases.js';
import { spoken } from '../support/spoken-phrases.js';
import { loginAs } from '../support/agent-session.js';
import { settled } from '../support/settled.js';
import { fixture, startTelegramWorld, type TelegramWorld } from './telegram-world.js';

const botPhrases = spoken(botPhrasesTemplates);

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const wordsOnly = Object.values(botPhrases).map((phrases) => phrases.wordsOnly);
let nextUpdateId = 950_000;

/** A fixture with a fresh update id (several documented samples share `update_id` 10000), as a new delivery. */
function delivery(name: string, change: (update: Json) => void = () => undefined): Json {
  return fixture(name, (update) => {
    update.update_id = nextUpdateId++;
    change(update);
  });
}

/** The chat and sender of an update's message or reaction. */
function senderOf(update: Json): { chatId: number; userId: number } {
  const event = update.message ?? update.message_reaction;
  return { chatId: event.chat.id, userId: (event.from ?? event.user).id };
}

describe('Telegram messages that are not text (telegraf against a fake Bot API)', () => {
  let world: TelegramWorld;
  beforeAll(async () => {
    world = await startTelegramWorld({ LOG_LEVEL: 'debug' });
  });
  afterAll(async () => {
    await world.close();
  });

  /** The customer's stored messages, newest last. */
  async function storedFrom(userId: number): Promise<Message[]> {
    const customer = await world.app.services.customers.findByIdentity('telegram', String(userId));
    if (!customer) return [];
    const messages = await world.app.store.collection<Message>('messages').find({ customerId: customer._id, direction: 'in' });
    return messages.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  }

  /** Posts the update and returns what the customer then has stored last and was sent in reply. */
  async function send(update: Json): Promise<{ status: number; stored: Message | undefined; replies: { text: string; buttons: string[] }[] }> {
    const { chatId, userId } = senderOf(update);
    const before = world.fake.sentTo(chatId).length;
    const response = await world.post(update);
    await settled(world.app.careline);
    const replies = world.fake.sentTo(chatId).slice(before).map((sent) => ({ text: sent.text, buttons: sent.keyboard.flat().map((button) => button.callback_data) }));
    return { status: response.status, stored: (await storedFrom(userId)).at(-1), replies };
  }

  const media: [fixture: string, attachment: Json][] = [
    ['photo', { kind: 'image', mediaId: 'AgADAgAD36sxG-PX0UvQSXIn9rccdw-ACA4ABAEAAwIAA3kAAyTcBAABFgQ', mimeType: 'image/jpeg', size: 75245 }],
    ['sticker', { kind: 'sticker', mediaId: 'CAACAgIAAxkBAAESLdBjMImep-J0W8XaTN6S_Lz1-j1QIQACIwADsND4DGmmygHGlyggKQQ', emoji: '😡' }],
    ['voice', { kind: 'voice', mediaId: 'AwADBAADbXXXXXXXXXXXGBdhD2l6_XX', mimeType: 'audio/ogg', size: 23000 }],
    ['audio', { kind: 'audio', mediaId: 'AwADBAADbXXXXXXXXXXXGBdhD2l6_XX', mimeType: 'audio/mpeg', summary: 'Test music file' }],
    ['document', { kind: 'file', mediaId: 'AwADBAADbXXXXXXXXXXXGBdhD2l6_XX', fileName: 'Testfile.pdf', mimeType: 'application/pdf', size: 536392 }],
    ['video', { kind: 'video', mediaId: 'BAADAgADpgQAAgX9qEud6QcgPiOAlhYE', mimeType: 'video/mp4' }],
    ['video-note', { kind: 'video', mediaId: 'DQACAgIAAxkBAAIBPGZVideoNote', mimeType: 'video/mp4' }],
    ['animation', { kind: 'video', mediaId: 'id', fileName: 'some', mimeType: 'video/gif' }],
    ['location', { kind: 'location', location: { latitude: 10.7769, longitude: 106.7009 } }],
    ['venue', { kind: 'location', location: { latitude: 0, longitude: 0, name: 'Title', address: 'Address' } }],
    ['contact', { kind: 'contact', contact: { name: 'Nguyễn Văn An', phones: ['+84901234567'], emails: [] } }],
    ['poll', { kind: 'unsupported', summary: 'sent a poll: Which colour?' }],
    ['dice', { kind: 'unsupported', summary: 'sent a dice 🎲 (2)' }],
  ];

  describe.each(media)('a %s', (name, attachment) => {
    it(`is stored on the sender as one ${attachment.kind} attachment and answered "text only" with a person button`, async () => {
      const { status, stored, replies } = await send(delivery(name));
      expect(status).toBe(200);
      expect(stored).toMatchObject({ channel: 'telegram', text: '' });
      expect(stored!.attachments).toEqual([expect.objectContaining(attachment)]);
      expect(replies).toHaveLength(1);
      expect(wordsOnly).toContain(replies[0]!.text);
      expect(replies[0]!.buttons).toEqual(['handoff']);
    });
  });

  it('reads a photo\'s caption as the question and keeps the photo with it', async () => {
    const { stored, replies } = await send(delivery('photo', (update) => (update.message.caption = 'How much does delivery cost?')));
    expect(stored).toMatchObject({ text: 'How much does delivery cost?', attachments: [{ kind: 'image' }] });
    expect(replies.at(-1)!.text).toContain('How much does delivery cost?');
  });

  it('lets an agent open the photo, fetched from Telegram (getFile) only then', async () => {
    const update = delivery('photo', (change) => (change.message.from.id = change.message.chat.id = 6200000001));
    const fileId = update.message.photo.at(-1).file_id;
    world.fake.files.set(fileId, Buffer.from('jpeg bytes'));
    const { stored } = await send(update);
    expect(world.fake.callsOf('getFile').filter((call) => call.body.file_id === fileId)).toHaveLength(0);
    const agent = await loginAs(world.app, 'lan@anphat.example', ['agent'], 'Lan');
    const opened = await agent.get(`/api/agent/messages/${stored!._id}/attachments/0`);
    expect(opened.status).toBe(200);
    // Telegram's file server says application/octet-stream; the console still shows the photo inline.
    expect(opened.headers.get('content-type')).toBe('image/jpeg');
    expect(opened.headers.get('content-disposition')).toMatch(/^inline/);
    expect(await opened.text()).toBe('jpeg bytes');
  });

  it('in a group, keeps a photo only when it answers the bot, as the group rules say', async () => {
    const inGroup = (change: (message: Json) => void) =>
      delivery('photo', (update) => {
        update.message.chat = { id: -1002233445566, title: 'An Phát khách hàng thân thiết', type: 'supergroup' };
        update.message.from.id = 6200000002;
        change(update.message);
      });
    expect((await send(inGroup(() => undefined))).stored).toBeUndefined();
    const { stored, replies } = await send(inGroup((message) => (message.reply_to_message = { message_id: 3, from: { ...world.fake.me } })));
    expect(stored!.attachments).toMatchObject([{ kind: 'image' }]);
    expect(wordsOnly).toContain(replies[0]!.text);
  });

  it('keeps a service message in a private chat (a pinned message) as a notice and says nothing', async () => {
    const pinned = delivery('private-text-message', (update) => {
      update.message.from.id = update.message.chat.id = 6200000004;
      delete update.message.text;
      update.message.pinned_message = { message_id: 51, chat: update.message.chat, date: 1764061190, text: 'How much does delivery cost?' };
    });
    const { status, stored, replies } = await send(pinned);
    expect(status).toBe(200);
    expect(stored!.attachments).toEqual([{ kind: 'notice', summary: 'Telegram service message: pinned message' }]);
    expect(replies).toEqual([]);
  });

  describe('a reaction', () => {
    it('is recorded as a reaction to the bot\'s message and not answered', async () => {
      const { status, stored, replies } = await send(delivery('message-reaction'));
      expect(status).toBe(200);
      expect(stored).toMatchObject({ text: '', attachments: [{ kind: 'reaction', emoji: '🌭', targetId: '1459074222:35' }] });
      expect(replies).toEqual([]);
    });

    it('taken back is recorded as removed', async () => {
      const { stored } = await send(delivery('message-reaction', (update) => Object.assign(update.message_reaction, { old_reaction: [{ type: 'emoji', emoji: '🌭' }], new_reaction: [] })));
      expect(stored!.attachments).toEqual([{ kind: 'reaction', targetId: '1459074222:35', summary: 'removed the reaction' }]);
    });

    it('made anonymously in a group is acknowledged and skipped', async () => {
      expect((await world.post(delivery('message-reaction-anonymous'))).status).toBe(200);
      expect(world.fake.sentTo(-1002199793788)).toEqual([]);
    });
  });

  it("answers the Bot API guide's sample update, whose chat has no type, as a private chat", async () => {
    const { status, stored, replies } = await send(delivery('docs-text-without-chat-type'));
    expect(status).toBe(200);
    expect(stored).toMatchObject({ text: '/start', payload: 'greeting' });
    expect(replies.at(-1)!.text).toMatch(/hello|hi/i);
  });

  it('takes a chat without a type that is not the sender\'s own for a group: only a mention is answered', async () => {
    const untyped = (text: string) =>
      delivery('docs-text-without-chat-type', (update) => {
        update.message.chat = { id: -4455667788, title: 'Test group' };
        update.message.from.id = 6200000003;
        update.message.text = text;
        if (text.startsWith('@')) update.message.entities = [{ offset: 0, length: 16, type: 'mention' }];
      });
    expect((await send(untyped('How much does delivery cost?'))).stored).toBeUndefined();
    const { replies } = await send(untyped('@anphat_care_bot How much does delivery cost?'));
    expect(replies.at(-1)!.text).toContain('How much does delivery cost?');
  });

  const ignored = [
    'docs-edited-message', 'edited-message', 'channel-post', 'edited-channel-post', 'inline-query', 'chosen-inline-result', 'my-chat-member', 'chat-member',
    'message-reaction-count', 'shipping-query', 'pre-checkout-query', 'poll-update', 'poll-answer', 'chat-join-request', 'chat-boost', 'removed-chat-boost',
    'business-connection', 'business-message', 'deleted-business-messages',
  ];

  it.each(ignored)('acknowledges a %s update with 200, stores and sends nothing, and logs only its kind', async (name) => {
    const update = delivery(name);
    const sentBefore = world.fake.callsOf('sendMessage').length;
    const storedBefore = (await world.app.store.collection<Message>('messages').find({})).length;
    const logsBefore = world.app.logs.length;
    expect((await world.post(update)).status).toBe(200);
    await settled(world.app.careline);
    expect(world.fake.callsOf('sendMessage')).toHaveLength(sentBefore);
    expect(await world.app.store.collection<Message>('messages').find({})).toHaveLength(storedBefore);
    const logged = world.app.logs.slice(logsBefore).filter((line) => line.includes(`"updateId":${update.update_id}`));
    expect(logged.length).toBeGreaterThan(0);
    const content = JSON.stringify(Object.values(update)[1]);
    for (const words of ['Edited text', 'inline query', 'New kettles', 'Which colour', 'Hồ Chí Minh', 'Brno', 'Is the shop open']) {
      if (content.includes(words)) expect(logged.join('\n')).not.toContain(words);
    }
  });
});
