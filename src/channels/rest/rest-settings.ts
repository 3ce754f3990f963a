import { z } from 'zod';
import { channelSettings } from '../channel-settings.js';

/** The chat API's setting: its key turns it on. */
export const restSettings = channelSettings({
  key: 'rest',
  schema: z.strictObject({ apiKey: z.string().min(16, { error: 'expected at least 16 characters (e.g. openssl rand -hex 32)' }).optional() }),
  envVars: [
    { name: 'REST_API_KEY', path: ['channels', 'rest', 'apiKey'], secret: true, description: 'Turns on the chat API (POST /api/chat and its transcript route) for your own servers; every call must send Authorization: Bearer <this key>. Unset: the chat API answers 404. At least 16 characters.', example: '' },
  ],
});
