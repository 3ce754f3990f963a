import { z } from 'zod';
import { platformTime } from '../../core/platform-time.js';
import type { InboundMessage } from '../../core/messages.js';

const messageSchema = z.looseObject({
  mid: z.string().min(1),
  text: z.string().optional(),
  is_echo: z.boolean().optional(),
  is_deleted: z.boolean().optional(),
  quick_reply: z.looseObject({ payload: z.string() }).optional(),
  attachments: z.array(z.looseObject({ type: z.string() })).optional(),
});

const postbackSchema = z.looseObject({ mid: z.string().optional(), title: z.string().optional(), payload: z.string() });

/** One event of `entry[].messaging[]`: a message, a postback, or a read/delivery/reaction we ignore. */
export const messagingEventSchema = z.looseObject({
  sender: z.object({ id: z.string().min(1) }),
  recipient: z.object({ id: z.string().min(1) }),
  timestamp: z.number().optional(),
  message: messageSchema.optional(),
  postback: postbackSchema.optional(),
});
export type MessagingEvent = z.infer<typeof messagingEventSchema>;

/**
 * The webhook body of Messenger (`object: "page"`) and Instagram messaging
 * (`object: "instagram"`): batched `entry[]`, each with `messaging[]` events.
 */
export function messagingWebhookSchema<O extends 'page' | 'instagram'>(object: O) {
  return z.looseObject({
    object: z.literal(object),
    entry: z.array(z.looseObject({ id: z.string(), time: z.number().optional(), messaging: z.array(messagingEventSchema).default([]) })),
  });
}
export type MessagingWebhook = z.infer<ReturnType<typeof messagingWebhookSchema>>;

/** Where the Send API writes to a customer: their page- (or Instagram-) scoped id and our account's id. */
export const sendApiAddressSchema = z.object({ userId: z.string().min(1), accountId: z.string().optional() });

const maxPayload = 256;

/**
 * The customer messages in a webhook delivery, in order, as `InboundMessage`s: texts,
 * quick-reply presses (their payload) and postbacks (button payloads). Echoes of our own
 * sends, reads, deliveries, reactions and deletions are dropped. The platform's `mid` is
 * the idempotency key, so a redelivered webhook is answered once.
 */
export function messagingInbound(channel: 'messenger' | 'instagram', body: MessagingWebhook, now = new Date()): InboundMessage[] {
  const inbound: InboundMessage[] = [];
  for (const entry of body.entry) {
    for (const event of entry.messaging) {
      const base = {
        channel,
        externalUserId: event.sender.id,
        address: { userId: event.sender.id, accountId: event.recipient.id },
        // The window for replies counts from when the customer wrote, never from the future.
        receivedAt: platformTime(event.timestamp, now),
      };
      const { message, postback } = event;
      if (message && !message.is_echo && !message.is_deleted) {
        const payload = message.quick_reply?.payload;
        inbound.push({
          ...base,
          text: (message.text ?? attachmentText(message.attachments)).slice(0, 8000),
          ...(payload && payload.length <= maxPayload ? { payload } : {}),
          platformMessageId: message.mid,
        });
      } else if (postback) {
        inbound.push({
          ...base,
          text: (postback.title ?? '').slice(0, 8000),
          ...(postback.payload.length <= maxPayload ? { payload: postback.payload } : {}),
          // Old postbacks carry no mid; sender and time identify a redelivery as well.
          platformMessageId: postback.mid ?? `postback:${event.sender.id}:${event.timestamp ?? entry.time ?? ''}`,
        });
      }
    }
  }
  // A sticker-less, text-less event (e.g. an unsupported share) gives the bot nothing to read.
  return inbound.filter((message) => message.text.trim() !== '' || message.payload !== undefined);
}

/** Something to record for a message with only attachments, e.g. "[image]". */
function attachmentText(attachments: { type: string }[] | undefined): string {
  return (attachments ?? []).map((attachment) => `[${attachment.type}]`).join(' ');
}
