import { z } from 'zod';
import { platformTime } from '../../core/platform-time.js';
import type { Attachment, InboundMessage } from '../../core/messages.js';
import { messagingAttachmentSchema, messagingAttachments } from './messaging-attachments.js';

const messageSchema = z.looseObject({
  mid: z.string().min(1),
  text: z.string().optional(),
  is_echo: z.boolean().optional(),
  /** On an echo: the app that sent it, and the `metadata` it sent with it (Careline marks its own sends). */
  app_id: z.union([z.number(), z.string()]).optional(),
  metadata: z.string().optional(),
  is_deleted: z.boolean().optional(),
  sticker_id: z.union([z.number(), z.string()]).optional(),
  quick_reply: z.looseObject({ payload: z.string() }).optional(),
  attachments: z.array(messagingAttachmentSchema).optional(),
});

const postbackSchema = z.looseObject({ mid: z.string().optional(), title: z.string().optional(), payload: z.string() });

/** `messaging[].reaction`: `action` is `react` or `unreact`; `mid` names the message reacted to. */
const reactionSchema = z.looseObject({ mid: z.string().min(1), action: z.string().optional(), emoji: z.string().optional(), reaction: z.string().optional() });

/** `messaging[].referral` (m.me link, ad, QR code, chat plugin): how a customer who already talks to us came back. */
const referralSchema = z.looseObject({ ref: z.string().optional(), source: z.string().optional(), type: z.string().optional(), ad_id: z.string().optional() });

/**
 * One event of `entry[].messaging[]`: a message, a postback, a reaction, a referral, or a
 * read/delivery/opt-in we ignore. The sender is a page-scoped id, or a `user_ref` (a customer
 * who came through the chat plugin or checkbox and has no PSID yet). The timestamp is a
 * number in live deliveries and a string in Meta's reference examples.
 */
export const messagingEventSchema = z.looseObject({
  sender: z.looseObject({ id: z.string().min(1).optional(), user_ref: z.string().min(1).optional() }).refine((sender) => sender.id ?? sender.user_ref, { error: 'expected sender.id or sender.user_ref' }),
  recipient: z.looseObject({ id: z.string().min(1) }),
  timestamp: z.union([z.number(), z.string()]).optional(),
  message: messageSchema.optional(),
  postback: postbackSchema.optional(),
  reaction: reactionSchema.optional(),
  referral: referralSchema.optional(),
});
export type MessagingEvent = z.infer<typeof messagingEventSchema>;

/**
 * The webhook body of Messenger (`object: "page"`) and Instagram messaging
 * (`object: "instagram"`): batched `entry[]`, each with `messaging[]` events (or, in the
 * dashboard's test notifications, `changes[]` of `{ field, value }` whose value is one
 * event). Only the envelope is checked here; each event is checked on its own by
 * `messagingInbound`, so one odd event does not cost the batch its answer.
 */
export function messagingWebhookSchema<O extends 'page' | 'instagram'>(object: O) {
  return z.looseObject({ object: z.literal(object), entry: z.array(z.unknown()) });
}
export type MessagingWebhook = z.infer<ReturnType<typeof messagingWebhookSchema>>;

const entrySchema = z.looseObject({
  id: z.string().optional(),
  time: z.number().optional(),
  messaging: z.array(z.unknown()).default([]),
  changes: z.array(z.looseObject({ field: z.string().optional(), value: z.unknown() })).default([]),
});

/** Where the Send API writes to a customer: their page- (or Instagram-) scoped id and our account's id. */
/** Where a Send API reply goes: `userRef` when the customer is known only by a `user_ref` (no page-scoped id yet). */
export const sendApiAddressSchema = z.object({ userId: z.string().min(1), accountId: z.string().optional(), userRef: z.boolean().optional() });

/** Told about each event that was skipped because it did not fit, with why. */
export type SkippedEvent = (reason: string, event: unknown) => void;

const maxPayload = 256;

/**
 * The customer messages in a webhook delivery, in order, as `InboundMessage`s: texts and
 * media (as `attachments`), quick-reply presses and postbacks (their payload), reactions
 * (a silent `reaction` attachment) and referrals (a silent `notice`). Echoes of our own
 * sends, reads, deliveries, opt-ins and deletions are dropped on purpose. An entry or event
 * that does not fit is reported to `skipped` and left out; the rest is read. The platform's
 * `mid` is the idempotency key, so a redelivered webhook is answered once.
 */
export function messagingInbound(channel: 'messenger' | 'instagram', body: MessagingWebhook, now = new Date(), skipped: SkippedEvent = () => {}): InboundMessage[] {
  const inbound: InboundMessage[] = [];
  eachEvent(body, skipped, (event, entryTime) => {
    const message = toInbound(channel, event, entryTime, now);
    if (message) inbound.push(message);
  });
  return inbound;
}

/** What the page (or Instagram account) sent a customer, as its echo tells: Careline's own sends or a person's in the platform's app. */
export interface MessagingEcho {
  /** The customer's id (the echo's recipient). */
  userId: string;
  mid: string;
  text: string;
  attachments: Attachment[];
  /** Careline marked it as its own (`metadata`). */
  ours: boolean;
  at: Date;
}

/** The marker Careline sends as `message.metadata`, so the echo of its own send is known as such. */
export const carelineEchoMarker = 'careline';

/** The echoes in a webhook delivery (`message.is_echo`), in order; odd events are skipped as by `messagingInbound`. */
export function messagingEchoes(body: MessagingWebhook, now = new Date(), skipped: SkippedEvent = () => {}): MessagingEcho[] {
  const echoes: MessagingEcho[] = [];
  eachEvent(body, skipped, (event) => {
    const message = event.message;
    if (!message?.is_echo || message.is_deleted) return;
    echoes.push({
      userId: event.recipient.id,
      mid: message.mid,
      text: (message.text ?? '').slice(0, 8000),
      attachments: messagingAttachments(message.attachments ?? [], message.sticker_id),
      ours: message.metadata === carelineEchoMarker,
      at: new Date(platformTime(eventTime(event.timestamp), now)),
    });
  });
  return echoes;
}

function eachEvent(body: MessagingWebhook, skipped: SkippedEvent, visit: (event: MessagingEvent, entryTime: number | undefined) => void): void {
  for (const rawEntry of body.entry) {
    const entry = entrySchema.safeParse(rawEntry);
    if (!entry.success) {
      skipped(`entry: ${z.prettifyError(entry.error)}`, rawEntry);
      continue;
    }
    const events = [...entry.data.messaging, ...entry.data.changes.map((change) => change.value)];
    for (const rawEvent of events) {
      const event = messagingEventSchema.safeParse(rawEvent);
      if (!event.success) {
        skipped(z.prettifyError(event.error), rawEvent);
        continue;
      }
      visit(event.data, entry.data.time);
    }
  }
}

function toInbound(channel: 'messenger' | 'instagram', event: MessagingEvent, entryTime: number | undefined, now: Date): InboundMessage | null {
  const userId = (event.sender.id ?? event.sender.user_ref)!;
  const at = eventTime(event.timestamp);
  const base = {
    channel,
    externalUserId: userId,
    address: { userId, accountId: event.recipient.id, ...(event.sender.id ? {} : { userRef: true }) },
    // The window for replies counts from when the customer wrote, never from the future.
    receivedAt: platformTime(at, now),
    text: '',
  };
  const { message, postback, reaction, referral } = event;
  if (message) {
    if (message.is_echo || message.is_deleted) return null;
    const payload = message.quick_reply?.payload;
    const attachments = messagingAttachments(message.attachments ?? [], message.sticker_id);
    return withContent(base, {
      text: (message.text ?? '').slice(0, 8000),
      ...(payload && payload.length <= maxPayload ? { payload } : {}),
      ...(attachments.length ? { attachments } : {}),
      platformMessageId: message.mid,
    });
  }
  if (postback) {
    return withContent(base, {
      text: (postback.title ?? '').slice(0, 8000),
      ...(postback.payload.length <= maxPayload ? { payload: postback.payload } : {}),
      // Old postbacks carry no mid; sender and time identify a redelivery as well.
      platformMessageId: postback.mid ?? `postback:${userId}:${event.timestamp ?? entryTime ?? ''}`,
    });
  }
  if (reaction) {
    const attachment: Attachment = {
      kind: 'reaction',
      targetId: reaction.mid.slice(0, 1000),
      ...(reaction.emoji ? { emoji: reaction.emoji.slice(0, 64) } : {}),
      ...(reaction.action === 'unreact' ? { summary: 'removed the reaction' } : reaction.reaction ? { summary: reaction.reaction } : {}),
    };
    // A reaction has no id of its own: the target, the action and the time identify a redelivery.
    return { ...base, attachments: [attachment], platformMessageId: `reaction:${userId}:${reaction.mid}:${reaction.action ?? ''}:${event.timestamp ?? ''}`.slice(0, 256) };
  }
  if (referral) {
    // Recorded as a silent notice (where the customer came from helps the agents); never answered.
    const summary = ['came through', referral.source, referral.type, referral.ref ? `ref ${referral.ref}` : '', referral.ad_id ? `ad ${referral.ad_id}` : ''].filter(Boolean).join(' ');
    return { ...base, attachments: [{ kind: 'notice', summary: summary.slice(0, 2000) }], platformMessageId: `referral:${userId}:${event.timestamp ?? entryTime ?? ''}`.slice(0, 256) };
  }
  // Reads, deliveries, opt-ins, policy and handover events: deliberately ignored, nothing the customer said.
  return null;
}

/** The message when it says anything at all: text, a pressed button or an attachment. */
function withContent(base: Omit<InboundMessage, 'platformMessageId'>, content: Partial<InboundMessage>): InboundMessage | null {
  const message = { ...base, ...content } as InboundMessage;
  const empty = !message.text.trim() && message.payload === undefined && !message.attachments?.length;
  return empty ? null : message;
}

/**
 * Milliseconds since 1970 from Meta's timestamp, a number of milliseconds in live
 * deliveries; the reference examples give seconds as a string ("1527459824"), so a value
 * too small to be milliseconds of this century is taken as seconds.
 */
function eventTime(timestamp: number | string | undefined): number | undefined {
  if (timestamp === undefined) return undefined;
  const value = typeof timestamp === 'number' ? timestamp : Number(timestamp);
  if (!Number.isFinite(value)) return undefined;
  return value > 0 && value < 1e11 ? value * 1000 : value;
}
