import { z } from 'zod';
import { platformTime } from '../../core/platform-time.js';
import type { InboundMessage } from '../../core/messages.js';
import { whatsappMessageContent, whatsappMessageSchema, type WhatsappMessage } from './whatsapp-message-content.js';

/** A delivery receipt of a message we sent. */
export const whatsappStatusSchema = z.looseObject({
  id: z.string().min(1),
  status: z.string(),
  timestamp: z.string().optional(),
  recipient_id: z.string().optional(),
  errors: z.array(z.looseObject({ code: z.number().optional(), title: z.string().optional(), message: z.string().optional() })).optional(),
});
export type WhatsappStatus = z.infer<typeof whatsappStatusSchema>;

const messagesValueSchema = z.looseObject({
  messaging_product: z.literal('whatsapp').optional(),
  metadata: z.looseObject({ phone_number_id: z.string(), display_phone_number: z.string().optional() }),
  contacts: z.array(z.looseObject({ wa_id: z.string(), profile: z.looseObject({ name: z.string().optional() }).optional() })).optional(),
  // Each message and status is checked on its own, so one odd item does not cost the batch its answer.
  messages: z.array(z.unknown()).optional(),
  statuses: z.array(z.unknown()).optional(),
});

/**
 * The WhatsApp Cloud API webhook body: `entry[].changes[]`; changes of the `messages` field
 * carry `value.messages` (customer messages) and `value.statuses` (delivery receipts).
 * Only the envelope is checked here: each change, message and status is checked on its own
 * by `whatsappDelivery`. Other fields (account updates, templates) are ignored.
 */
export const whatsappWebhookSchema = z.looseObject({ object: z.literal('whatsapp_business_account'), entry: z.array(z.unknown()) });
export type WhatsappWebhook = z.infer<typeof whatsappWebhookSchema>;

const entrySchema = z.looseObject({ id: z.string().optional(), changes: z.array(z.looseObject({ field: z.string(), value: z.unknown() })) });

/** Told about each entry, change, message or status that was skipped because it did not fit, with why. */
export type SkippedItem = (reason: string, item: unknown) => void;

/** Where the Cloud API writes to a customer: their WhatsApp id (phone number) from our number; their latest message, to mark read while typing. */
export const whatsappAddressSchema = z.object({ phone: z.string().min(1), phoneNumberId: z.string().min(1), lastMessageId: z.string().optional() });

/** What one webhook delivery holds for our phone number. */
export interface WhatsappDelivery {
  inbound: InboundMessage[];
  statuses: WhatsappStatus[];
}

const maxPayload = 256;

/**
 * Customer messages (text, media, locations, contacts, reactions, orders, notices, button
 * replies; see `whatsappMessageContent`) and delivery statuses addressed to `phoneNumberId`,
 * in order. An entry, change, message or status that does not fit is reported to `skipped`
 * and left out; the rest is read. The sender's phone number (`wa_id`) is the customer's
 * identity; the message `id` (wamid) makes redeliveries harmless.
 */
export function whatsappDelivery(body: WhatsappWebhook, phoneNumberId: string, now = new Date(), skipped: SkippedItem = () => {}): WhatsappDelivery {
  const delivery: WhatsappDelivery = { inbound: [], statuses: [] };
  for (const rawEntry of body.entry) {
    const entry = entrySchema.safeParse(rawEntry);
    if (!entry.success) {
      skipped(`entry: ${z.prettifyError(entry.error)}`, rawEntry);
      continue;
    }
    for (const change of entry.data.changes) {
      if (change.field !== 'messages') continue;
      const value = messagesValueSchema.safeParse(change.value);
      if (!value.success) {
        skipped(`change: ${z.prettifyError(value.error)}`, change);
        continue;
      }
      // One app may serve several numbers; answer only what was written to ours.
      if (value.data.metadata.phone_number_id !== phoneNumberId) continue;
      for (const rawStatus of value.data.statuses ?? []) {
        const status = whatsappStatusSchema.safeParse(rawStatus);
        if (status.success) delivery.statuses.push(status.data);
        else skipped(`status: ${z.prettifyError(status.error)}`, rawStatus);
      }
      for (const rawMessage of value.data.messages ?? []) {
        const message = whatsappMessageSchema.safeParse(rawMessage);
        if (!message.success) {
          skipped(`message: ${z.prettifyError(message.error)}`, rawMessage);
          continue;
        }
        const inbound = toInbound(message.data, value.data, now);
        if (inbound) delivery.inbound.push(inbound);
      }
    }
  }
  return delivery;
}

function toInbound(message: WhatsappMessage, value: z.infer<typeof messagesValueSchema>, now: Date): InboundMessage | null {
  const { text, payload, attachments } = whatsappMessageContent(message);
  if (!text.trim() && !payload && attachments.length === 0) return null;
  const name = value.contacts?.find((contact) => contact.wa_id === message.from)?.profile?.name;
  return {
    channel: 'whatsapp',
    externalUserId: message.from,
    ...(name ? { displayName: name.slice(0, 200) } : {}),
    text: text.slice(0, 8000),
    ...(payload && payload.length <= maxPayload ? { payload } : {}),
    ...(attachments.length ? { attachments } : {}),
    platformMessageId: message.id,
    address: { phone: message.from, phoneNumberId: value.metadata.phone_number_id, lastMessageId: message.id },
    receivedAt: platformTime(message.timestamp ? Number(message.timestamp) * 1000 : undefined, now),
  };
}
