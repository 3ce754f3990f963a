import { z } from 'zod';
import { flag } from '../../config/schema-kit.js';
import { channelSettings } from '../channel-settings.js';

/** The website chat widget's setting. */
export const webchatSettings = channelSettings({
  key: 'webchat',
  schema: z.strictObject({ enabled: flag.default(true) }),
  envVars: [
    { name: 'WEBCHAT_ENABLED', path: ['channels', 'webchat', 'enabled'], description: 'Serve the website chat widget.', example: 'true' },
  ],
});
