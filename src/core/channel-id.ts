import { z } from 'zod';

/**
 * A channel id: registry key, URL segment and stored value at once. Each channel module names
 * its own (`src/channels/index.ts` lists them: webchat, rest, telegram, botframework,
 * messenger, instagram, whatsapp, zalo), so a new channel needs no edit here.
 */
export const channelIdSchema = z.string().regex(/^[a-z][a-z0-9]{1,31}$/, { error: 'expected a channel id: 2-32 lower-case letters and digits' });
export type ChannelId = z.infer<typeof channelIdSchema>;
