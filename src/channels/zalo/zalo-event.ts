import { z } from 'zod';

// Zalo sends ids and timestamps as strings of digits (they exceed 2^53); accept numbers too.
const digits = z.union([z.string().min(1).max(64), z.number()]).transform(String);

const attachmentSchema = z.looseObject({
  type: z.string(),
  payload: z.looseObject({ url: z.string().optional(), thumbnail: z.string().optional(), name: z.string().optional() }).optional(),
});

/**
 * One Zalo OA webhook event, as documented: `{ app_id, oa_id?, user_id_by_app?, event_name,
 * timestamp, sender?: { id }, recipient?: { id }, message?: { msg_id, text?, attachments? } }`.
 * Unknown fields are kept; unknown event names parse and are ignored by the webhook.
 */
export const zaloEventSchema = z.looseObject({
  app_id: digits,
  event_name: z.string().min(1).max(100),
  timestamp: digits,
  /** The follower for `user_send_*` events, the OA for receipts; `follow` names a `follower` instead. */
  sender: z.looseObject({ id: digits }).optional(),
  recipient: z.looseObject({ id: digits }).optional(),
  user_id_by_app: digits.optional(),
  message: z
    .looseObject({
      msg_id: z.string().min(1).max(256).optional(),
      msg_ids: z.array(z.string()).optional(),
      text: z.string().transform((text) => text.slice(0, 8000)).optional(),
      attachments: z.array(attachmentSchema).optional(),
    })
    .optional(),
});
export type ZaloEvent = z.infer<typeof zaloEventSchema>;

/** Events in which a follower writes to the OA (a pressed `oa.query.show` button arrives as `user_send_text`). */
export const userMessageEvents = new Set(['user_send_text', 'user_send_image', 'user_send_link', 'user_send_audio', 'user_send_video', 'user_send_sticker', 'user_send_gif', 'user_send_location', 'user_send_file']);
