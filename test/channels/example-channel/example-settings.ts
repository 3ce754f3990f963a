import { z } from 'zod';
import { secret } from '../../../src/config/schema-kit.js';
import { channelSettings } from '../../../src/channels/channel-settings.js';

/** The example channel's slice: `channels.example` in a config file, EXAMPLE_TOKEN in the environment. */
export const exampleSettings = channelSettings({
  key: 'example',
  schema: z.strictObject({
    token: secret.optional(),
    maxLength: z.coerce.number().int().min(10).default(160),
  }),
  envVars: [
    { name: 'EXAMPLE_TOKEN', path: ['channels', 'example', 'token'], secret: true, description: 'Turns on the example channel; its webhook must send Authorization: Bearer <this>.' },
    { name: 'EXAMPLE_MAX_LENGTH', path: ['channels', 'example', 'maxLength'], description: 'Longest message the example platform takes.' },
  ],
});
