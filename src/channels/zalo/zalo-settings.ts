import { z } from 'zod';
import { httpUrl, secret, wholeNumber } from '../../config/schema-kit.js';
import { channelSettings } from '../channel-settings.js';

/** The Zalo Official Account's settings. */
export const zaloSettings = channelSettings({
  key: 'zalo',
  schema: z
    .strictObject({
      appId: z.string().min(1).optional(),
      appSecret: secret.optional(),
      oaSecretKey: secret.optional(),
      accessToken: secret.optional(),
      refreshToken: secret.optional(),
      apiBase: httpUrl.default('https://openapi.zalo.me'),
      oauthBase: httpUrl.default('https://oauth.zaloapp.com'),
      /** A signed event older than this (or this far in the future) is refused: a captured request cannot be replayed later. */
      maxEventAgeSeconds: wholeNumber(10, 86_400).default(600),
    }),
  envVars: [
    { name: 'ZALO_APP_ID', path: ['channels', 'zalo', 'appId'], description: 'Zalo app id (developers.zalo.me); with ZALO_OA_SECRET_KEY and ZALO_ACCESS_TOKEN enables Zalo OA at /webhooks/zalo.', example: '' },
    { name: 'ZALO_APP_SECRET', path: ['channels', 'zalo', 'appSecret'], secret: true, description: 'Zalo app secret key, sent as secret_key when refreshing the OA access token.', example: '' },
    { name: 'ZALO_OA_SECRET_KEY', path: ['channels', 'zalo', 'oaSecretKey'], secret: true, description: 'OA secret key (Webhook settings of the app, not the app secret); checks X-ZEvent-Signature on webhooks.', example: '' },
    { name: 'ZALO_ACCESS_TOKEN', path: ['channels', 'zalo', 'accessToken'], secret: true, description: 'OA access token to start with; refreshed ones are kept in the store.', example: '' },
    { name: 'ZALO_REFRESH_TOKEN', path: ['channels', 'zalo', 'refreshToken'], secret: true, description: 'OA refresh token (single-use: the store keeps each new one; put a new one here after re-authorizing the OA).', example: '' },
    { name: 'ZALO_MAX_EVENT_AGE_S', path: ['channels', 'zalo', 'maxEventAgeSeconds'], description: 'Zalo webhooks whose signed timestamp is older (or further ahead) than this many seconds are refused with 403, so a captured request cannot be replayed.', example: '600' },
    { name: 'ZALO_API_BASE', path: ['channels', 'zalo', 'apiBase'], description: 'Zalo OA API base URL (tests point it at a local fake).', example: 'https://openapi.zalo.me' },
    { name: 'ZALO_OAUTH_BASE', path: ['channels', 'zalo', 'oauthBase'], description: 'Zalo OAuth base URL for token refresh.', example: 'https://oauth.zaloapp.com' },
  ],
});
