import { z } from 'zod';
import { httpUrl, secret } from '../../config/schema-kit.js';
import { channelSettings, type SettingsOf } from '../channel-settings.js';

/** The Meta app's settings, shared by Messenger, Instagram and WhatsApp. */
export const metaSettings = channelSettings({
  key: 'meta',
  schema: z
    .strictObject({
      appSecret: secret.optional(),
      verifyToken: secret.optional(),
      graphApiBase: httpUrl.default('https://graph.facebook.com/v21.0'),
      pageAccessToken: secret.optional(),
      instagramAccessToken: secret.optional(),
      whatsappAccessToken: secret.optional(),
      whatsappPhoneNumberId: z.string().min(1).optional(),
    }),
  envVars: [
    { name: 'META_APP_SECRET', path: ['channels', 'meta', 'appSecret'], secret: true, description: 'Meta app secret; checks X-Hub-Signature-256 on Messenger, Instagram and WhatsApp webhooks.', example: '' },
    { name: 'META_VERIFY_TOKEN', path: ['channels', 'meta', 'verifyToken'], secret: true, description: 'A string you choose; Meta sends it back when you register the webhook URLs (/webhooks/messenger, /webhooks/instagram, /webhooks/whatsapp).', example: '' },
    { name: 'META_GRAPH_API_BASE', path: ['channels', 'meta', 'graphApiBase'], description: 'Graph API base URL with its version (tests point it at a local fake).', example: 'https://graph.facebook.com/v21.0' },
    { name: 'MESSENGER_PAGE_ACCESS_TOKEN', path: ['channels', 'meta', 'pageAccessToken'], secret: true, description: 'Page access token; enables Facebook Messenger (with META_APP_SECRET and META_VERIFY_TOKEN).', example: '' },
    { name: 'INSTAGRAM_ACCESS_TOKEN', path: ['channels', 'meta', 'instagramAccessToken'], secret: true, description: 'Access token of the Facebook page linked to the Instagram professional account; enables Instagram (with META_APP_SECRET and META_VERIFY_TOKEN).', example: '' },
    { name: 'WHATSAPP_ACCESS_TOKEN', path: ['channels', 'meta', 'whatsappAccessToken'], secret: true, description: 'WhatsApp Cloud API token (a system user\'s); enables WhatsApp with WHATSAPP_PHONE_NUMBER_ID, META_APP_SECRET and META_VERIFY_TOKEN.', example: '' },
    { name: 'WHATSAPP_PHONE_NUMBER_ID', path: ['channels', 'meta', 'whatsappPhoneNumberId'], description: 'WhatsApp Cloud API phone number ID (not the number itself).', example: '' },
  ],
});

/** Whether a Meta webhook can be served: its signatures checked (app secret) and its subscription verified (verify token). */
export function metaWebhookReady(meta: SettingsOf<typeof metaSettings>): boolean {
  return Boolean(meta.appSecret && meta.verifyToken);
}
