import { z } from 'zod';
import { attachmentSchema, type Attachment } from '../../core/messages.js';

const mediaSchema = z.looseObject({ id: z.string().min(1), mime_type: z.string().optional(), caption: z.string().optional(), filename: z.string().optional(), voice: z.boolean().optional() });

/** One customer message of `value.messages[]`; which object carries the content depends on `type`. */
export const whatsappMessageSchema = z.looseObject({
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
  image: mediaSchema.optional(),
  video: mediaSchema.optional(),
  audio: mediaSchema.optional(),
  document: mediaSchema.optional(),
  sticker: mediaSchema.optional(),
  location: z.looseObject({ latitude: z.number(), longitude: z.number(), name: z.string().optional(), address: z.string().optional() }).optional(),
  contacts: z
    .array(
      z.looseObject({
        name: z.looseObject({ formatted_name: z.string().optional() }).optional(),
        phones: z.array(z.looseObject({ phone: z.string().optional() })).optional(),
        emails: z.array(z.looseObject({ email: z.string().optional() })).optional(),
      }),
    )
    .optional(),
  reaction: z.looseObject({ message_id: z.string().min(1), emoji: z.string().optional() }).optional(),
  order: z
    .looseObject({
      text: z.string().optional(),
      product_items: z.array(z.looseObject({ product_retailer_id: z.string().optional(), quantity: z.union([z.number(), z.string()]).optional(), item_price: z.union([z.number(), z.string()]).optional(), currency: z.string().optional() })).default([]),
    })
    .optional(),
  system: z.looseObject({ body: z.string().optional(), type: z.string().optional() }).optional(),
  errors: z.array(z.looseObject({ code: z.number().optional(), title: z.string().optional(), message: z.string().optional() })).optional(),
});
export type WhatsappMessage = z.infer<typeof whatsappMessageSchema>;

/** What a message says: its words (text, caption, the pressed button's title), a pressed button's id, and what it carried. */
export interface WhatsappContent {
  text: string;
  payload?: string;
  attachments: Attachment[];
}

const mediaKinds = { image: 'image', video: 'video', audio: 'audio', document: 'file', sticker: 'sticker' } as const;

/**
 * The content of a WhatsApp message by its `type`: text; interactive and template button
 * replies (their id as the payload); media by media id and MIME type, with the caption as
 * text (a voice note, `audio.voice`, as kind `voice`); a location; contact cards; a reaction
 * (`emoji` absent when it was removed); an order (its items summarized); a system notice;
 * and `unsupported` (with WhatsApp's reason). A type this server does not know is kept as
 * `unsupported` too, so nothing a customer sent disappears.
 */
export function whatsappMessageContent(message: WhatsappMessage): WhatsappContent {
  const reply = message.interactive?.button_reply ?? message.interactive?.list_reply;
  const payload = reply?.id ?? message.button?.payload;
  if (message.text || reply || message.button) return { text: message.text?.body ?? reply?.title ?? message.button?.text ?? '', ...(payload ? { payload } : {}), attachments: [] };
  const type = message.type;
  if (type in mediaKinds) {
    const media = message[type as keyof typeof mediaKinds];
    if (media) return { text: media.caption ?? '', attachments: [mediaAttachment(type as keyof typeof mediaKinds, media)] };
  }
  return { text: type === 'order' ? (message.order?.text ?? '') : '', attachments: otherAttachments(message) };
}

function mediaAttachment(type: keyof typeof mediaKinds, media: z.infer<typeof mediaSchema>): Attachment {
  const kind = type === 'audio' && media.voice ? 'voice' : mediaKinds[type];
  return {
    kind,
    mediaId: media.id.slice(0, 1000),
    ...(media.mime_type ? { mimeType: media.mime_type.slice(0, 200) } : {}),
    ...(media.filename ? { fileName: media.filename.slice(0, 500) } : {}),
  };
}

function otherAttachments(message: WhatsappMessage): Attachment[] {
  const { type } = message;
  if (type === 'location' && message.location) {
    const location = attachmentSchema.shape.location.safeParse(message.location);
    if (location.success && location.data) {
      const { latitude, longitude, name, address } = location.data;
      return [{ kind: 'location', location: { latitude, longitude, ...(name ? { name: name.slice(0, 500) } : {}), ...(address ? { address: address.slice(0, 1000) } : {}) } }];
    }
  }
  if (type === 'contacts' && message.contacts?.length) return message.contacts.slice(0, 20).map(contactAttachment);
  if (type === 'reaction' && message.reaction) {
    const { emoji, message_id } = message.reaction;
    return [{ kind: 'reaction', targetId: message_id.slice(0, 1000), ...(emoji ? { emoji: emoji.slice(0, 64) } : { summary: 'removed the reaction' }) }];
  }
  if (type === 'order' && message.order) return [{ kind: 'order', summary: orderSummary(message.order.product_items) }];
  if (type === 'system' && message.system) return [{ kind: 'notice', summary: (message.system.body ?? message.system.type ?? 'system message').slice(0, 2000) }];
  const reason = message.errors?.map((error) => error.title ?? error.message).filter(Boolean).join('; ');
  return [{ kind: 'unsupported', summary: (reason || `WhatsApp message of type "${type}"`).slice(0, 2000) }];
}

function contactAttachment(card: NonNullable<WhatsappMessage['contacts']>[number]): Attachment {
  const phones = (card.phones ?? []).flatMap((phone) => (phone.phone ? [phone.phone.slice(0, 100)] : [])).slice(0, 20);
  const emails = (card.emails ?? []).flatMap((email) => (email.email ? [email.email.slice(0, 320)] : [])).slice(0, 20);
  const name = card.name?.formatted_name?.slice(0, 500);
  return { kind: 'contact', contact: { ...(name ? { name } : {}), phones, emails } };
}

/** "2 × SKU-1 (150000 VND), 1 × SKU-2 (90000 VND)": what an agent needs to see of an order. */
function orderSummary(items: NonNullable<WhatsappMessage['order']>['product_items']): string {
  const lines = items.map((item) => `${item.quantity ?? 1} × ${item.product_retailer_id ?? 'item'}${item.item_price !== undefined ? ` (${item.item_price}${item.currency ? ` ${item.currency}` : ''})` : ''}`);
  return (lines.length ? `order: ${lines.join(', ')}` : 'order without items').slice(0, 2000);
}
