import { formatWeeklyHours } from './business-hours.js';
import { redactMongoUri } from './redact-mongo-uri.js';
import type { Config } from './config-schema.js';
import { secretPaths } from './env-vars.js';

function mask(value: unknown, path: string[]): unknown {
  const dotted = path.join('.');
  if (secretPaths.has(dotted) && typeof value === 'string') {
    return dotted === 'mongodbUri' ? redactMongoUri(value) : '****';
  }
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, mask(inner, [...path, key])]));
  }
  return value;
}

/** The configuration with every secret replaced by `****` (a MongoDB URI keeps its host). */
export function maskSecrets(config: Config): unknown {
  const readable = { ...config, businessHours: { ...config.businessHours, weekly: formatWeeklyHours(config.businessHours.weekly) } };
  return mask(readable, []);
}

/** Which channels have the credentials they need, by channel id. */
export function enabledChannels(config: Config): Record<string, boolean> {
  const { webchat, rest, telegram, botframework, meta, zalo } = config.channels;
  const metaWebhook = Boolean(meta.appSecret && meta.verifyToken);
  return {
    webchat: webchat.enabled,
    rest: Boolean(rest.apiKey),
    telegram: Boolean(telegram.botToken),
    botframework: botframework.enabled || Boolean(botframework.appId),
    messenger: metaWebhook && Boolean(meta.pageAccessToken),
    instagram: metaWebhook && Boolean(meta.instagramAccessToken),
    whatsapp: metaWebhook && Boolean(meta.whatsappAccessToken && meta.whatsappPhoneNumberId),
    zalo: Boolean(zalo.appId && zalo.oaSecretKey && zalo.accessToken),
  };
}
