import { z } from 'zod';

// Zalo sends ids and timestamps as strings of digits (they exceed 2^53); accept numbers too.
const digits = z.union([z.string().min(1).max(64), z.number()]).transform(String);
// Coordinates and sizes arrive as strings ("10.7642473") or numbers; anything else is left out, not fatal.
const numeric = z.union([z.number(), z.string().trim().min(1).max(40).transform(Number)]).pipe(z.number()).optional().catch(undefined);
const text = (max: number) => z.string().transform((value) => value.slice(0, max)).optional().catch(undefined);

/**
 * One `message.attachments[]` entry. The payload varies by type (Zalo OA webhook docs,
 * "Cấu trúc attachments"): image / gif `{ thumbnail, url }`, link `{ thumbnail, description, url }`,
 * audio `{ url }`, video `{ url, thumbnail, description }`, sticker `{ url, id }`, location
 * `{ coordinates: { latitude, longitude } }`, file `{ size, name, checksum, type, url }`; a business
 * card is a `link` whose `description` is JSON with `phone` and `qrCodeUrl`.
 */
export const zaloAttachmentSchema = z.looseObject({
  type: z.string().max(100).catch('unknown'),
  payload: z
    .looseObject({
      url: text(4000),
      thumbnail: text(4000),
      name: text(500),
      title: text(500),
      description: text(2000),
      id: z.union([z.string(), z.number()]).transform(String).optional().catch(undefined),
      size: numeric,
      coordinates: z.looseObject({ latitude: numeric, longitude: numeric }).optional().catch(undefined),
    })
    .nullish()
    .catch(undefined),
});
export type ZaloAttachment = z.infer<typeof zaloAttachmentSchema>;

/**
 * One Zalo OA webhook event, as documented: `{ app_id, oa_id?, user_id_by_app?, event_name,
 * timestamp, sender?: { id, admin_id? }, recipient?: { id }, message?: { msg_id, text?,
 * attachments?, react_icon? } }`. Unknown fields are kept; unknown event names parse and are
 * ignored by the webhook.
 */
export const zaloEventSchema = z.looseObject({
  app_id: digits,
  event_name: z.string().min(1).max(100),
  timestamp: digits,
  /** The follower for `user_send_*` events, the OA for `oa_send_*` and receipts (with `admin_id` when an admin wrote in the OA chat tool); `follow` names a `follower` instead. */
  sender: z.looseObject({ id: digits, admin_id: digits.optional().catch(undefined) }).optional(),
  recipient: z.looseObject({ id: digits }).optional(),
  user_id_by_app: digits.optional(),
  message: z
    .looseObject({
      msg_id: z.string().min(1).max(256).optional(),
      msg_ids: z.array(z.string().max(256)).max(500).optional(),
      text: z.string().transform((value) => value.slice(0, 8000)).optional(),
      attachments: z.array(zaloAttachmentSchema).max(20).optional(),
      /** `user_reacted_message`: the reaction, as Zalo's emoticon code (`/-heart`). */
      react_icon: text(64),
    })
    .optional(),
});
export type ZaloEvent = z.infer<typeof zaloEventSchema>;

/** Whether a follower wrote to the OA (`user_send_text`, `user_send_image`, … every `user_send_*`; a pressed `oa.query.show` button arrives as `user_send_text`). */
export const isFollowerMessage = (eventName: string) => eventName.startsWith('user_send_') && !eventName.startsWith('user_send_group_');

/** Whether the OA sent a follower a message (`oa_send_text`, `oa_send_image`, …): Careline's own sends, or a person in Zalo's OA chat tool. */
export const isOaMessage = (eventName: string) => eventName.startsWith('oa_send_') && !eventName.startsWith('oa_send_anonymous_') && !eventName.startsWith('oa_send_group_') && eventName !== 'oa_send_consent';

/** Receipts Zalo sends for the OA's messages, and the delivery state each records. */
export const zaloReceipts: Readonly<Record<string, 'delivered' | 'read'>> = { user_received_message: 'delivered', user_seen_message: 'read' };
