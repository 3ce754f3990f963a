import { z } from 'zod';

/** Channel ids: registry key, URL segment and stored value at once. */
export const channelIdSchema = z.enum(['webchat', 'rest', 'telegram', 'botframework', 'messenger', 'instagram', 'whatsapp', 'zalo']);
export type ChannelId = z.infer<typeof channelIdSchema>;
