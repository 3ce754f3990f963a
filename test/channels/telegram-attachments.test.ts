import { describe, expect, it } from 'vitest';
import { reactionAttachment, telegramAttachments } from '../../src/channels/telegram/telegram-attachments.js';
import { telegramMessageSchema, telegramReactionSchema } from '../../src/channels/telegram/telegram-update.js';
import { fixture } from './telegram-world.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const messageOf = (name: string, change: (message: Json) => void = () => undefined) => telegramMessageSchema.parse(fixture(name, (update) => change(update.message)).message);

describe('telegramAttachments', () => {
  it('takes the largest size of a photo, whatever order the sizes come in', () => {
    const [attachment] = telegramAttachments(messageOf('photo', (message) => message.photo.reverse()));
    expect(attachment!.mediaId).toBe('AgADAgAD36sxG-PX0UvQSXIn9rccdw-ACA4ABAEAAwIAA3kAAyTcBAABFgQ');
  });

  it('reads an animation once, as a video, not also as the document Telegram repeats it in', () => {
    expect(telegramAttachments(messageOf('animation')).map((attachment) => attachment.kind)).toEqual(['video']);
  });

  it('keeps a service message (a pinned message) as a silent notice', () => {
    const pinned = messageOf('private-text-message', (message) => {
      delete message.text;
      message.pinned_message = { message_id: 51, chat: message.chat, date: 1764061190, text: 'How much does delivery cost?' };
    });
    expect(telegramAttachments(pinned)).toEqual([{ kind: 'notice', summary: 'Telegram service message: pinned message' }]);
  });

  it('keeps a game or an unknown kind of content as unsupported, and a text message has none', () => {
    const game = messageOf('private-text-message', (message) => {
      delete message.text;
      message.game = { title: 'Lumberjack', description: '', photo: [] };
    });
    expect(telegramAttachments(game)).toEqual([{ kind: 'unsupported', summary: 'sent a game' }]);
    const unknown = messageOf('private-text-message', (message) => {
      delete message.text;
      message.hologram = { id: 1 };
    });
    expect(telegramAttachments(unknown)).toMatchObject([{ kind: 'unsupported' }]);
    expect(telegramAttachments(messageOf('private-text-message'))).toEqual([]);
  });
});

describe('reactionAttachment', () => {
  const reactionOf = (newReaction: Json[]) => telegramReactionSchema.parse({ ...fixture('message-reaction').message_reaction, new_reaction: newReaction });

  it('names a custom emoji or a paid reaction it cannot show', () => {
    expect(reactionAttachment(reactionOf([{ type: 'custom_emoji', custom_emoji_id: '5368324170671202286' }]))).toEqual({ kind: 'reaction', targetId: '1459074222:35', summary: 'a custom emoji reaction' });
    expect(reactionAttachment(reactionOf([{ type: 'paid' }]))).toEqual({ kind: 'reaction', targetId: '1459074222:35', summary: 'a paid star reaction' });
  });
});
