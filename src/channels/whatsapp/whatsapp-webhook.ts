import { z } from 'zod';
import { platformTime } from '../../core/platform-time.js';
import type { InboundMessage } from '../../core/messages.js';

const whatsappMessageSchema = z.looseObject({
  from: z.string().min(1),
  id: z.string().min(1),
  timestamp: z.string().optional(),
  type: z.string(),
  text: z.looseObject({ body: z.string() }).optional(),
  interactive: z
    .looseObject({
      type: z.string(),
      button_reply: z.looseObject({ id: z.string(), title: z.string().optional() }).optional(),
      list_reply: z.looseObject({ id: z.string(), title: z.string().optional(), description: z.string().optional() }).optional(),
    })
    .optional(),
  /** A quick-reply button of a template message. */
  button: z.looseObject({ payload: z.string().optional(), text: z.string().optional() }).optional(),
});

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
  messages: z.array(whatsappMessageSchema).optional(),
  statuses: z.array(whatsappStatusSchema).optional(),
});

/**
 * The WhatsApp Cloud API webhook body: `entry[].changes[]`; changes of the `messages` field
 * carry `value.messages` (customer messages) and `value.statuses` (delivery receipts).
 * Other fields (account updates, templates) pass the schema and are ignored.
 */
export const whatsappWebhookSchema = z.looseObject({
  object: z.literal('whatsapp_business_account'),
  entry: z.array(
    z.looseObject({
      id: z.string(),
      changes: z.array(
        z.looseObject({ field: z.string(), value: z.unknown() }).superRefine((change, context) => {
          if (change.field !== 'messages') return;
          const value = messagesValueSchema.safeParse(change.value);
          for (const issue of value.error?.issues ?? []) context.addIssue({ code: 'custom', message: issue.message, path: ['value', ...issue.path] });
        }),
      ),
    }),
  ),
});
export type WhatsappWebhook = z.infer<typeof whatsappWebhookSchema>;

/** Where the Cloud API writes to a customer: their WhatsApp id (phone number) from our number; their latest message, to mark read while typing. */
export const whatsappAddressSchema = z.object({ phone: z.string().min(1), phoneNumberId: z.string().min(1), lastMessageId: z.string().optional() });

/** What one webhook delivery holds for our phone number. */
export interface WhatsappDelivery {
  inbound: InboundMessage[];
  statuses: WhatsappStatus[];
}

const maxPayload = 256;

/**
 * Customer messages (text, interactive `button_reply` / `list_reply`, template buttons) and
 * delivery statuses addressed to `phoneNumberId`, in order. The sender's phone number
 * (`wa_id`) is the customer's identity; the message `id` (wamid) makes redeliveries harmless.
 */
export function whatsappDelivery(body: WhatsappWebhook, phoneNumberId: string, now = new Date()): WhatsappDelivery {
  const delivery: WhatsappDelivery = { inbound: [], statuses: [] };
  for (const entry of body.entry) {
    for (const change of entry.changes) {
      if (change.field !== 'messages') continue;
      const value = messagesValueSchema.parse(change.value);
      // One app may serve several numbers; answer only what was written to ours.
      if (value.metadata.phone_number_id !== phoneNumberId) continue;
      delivery.statuses.push(...(value.statuses ?? []));
      for (const message of value.messages ?? []) {
        const inbound = toInbound(message, value, now);
        if (inbound) delivery.inbound.push(inbound);
      }
    }
  }
  return delivery;
}

function toInbound(message: z.infer<typeof whatsappMessageSchema>, value: z.infer<typeof messagesValueSchema>, now: Date): InboundMessage | null {
  const reply = message.interactive?.button_reply ?? message.interactive?.list_reply;
  const payload = reply?.id ?? message.button?.payload;
  const text = message.text?.body ?? reply?.title ?? message.button?.text ?? (message.type === 'unsupported' ? '' : `[${message.type}]`);
  if (!text.trim() && !payload) return null;
  const name = value.contacts?.find((contact) => contact.wa_id === message.from)?.profile?.name;
  return {
    channel: 'whatsapp',
    externalUserId: message.from,
    ...(name ? { displayName: name.slice(0, 200) } : {}),
    text: text.slice(0, 8000),
    ...(payload && payload.length <= maxPayload ? { payload } : {}),
    platformMessageId: message.id,
    address: { phone: message.from, phoneNumberId: value.metadata.phone_number_id, lastMessageId: message.id },
    receivedAt: platformTime(message.timestamp ? Number(message.timestamp) * 1000 : undefined, now),
  };
}
