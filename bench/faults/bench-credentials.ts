import type { FakePlatforms } from './fake-platforms.js';

/**
 * The secrets and ids the fault bench gives Careline and signs its webhooks with. All made
 * up; every platform API they unlock is the local fake.
 */
export const benchCredentials = {
  telegramBotToken: '7100000001:AAFakeBenchTokenForFaults_abcdefghij',
  telegramWebhookSecret: 'bench-telegram-webhook-secret',
  metaAppSecret: 'bench-meta-app-secret',
  metaVerifyToken: 'bench-meta-verify-token',
  messengerToken: 'EAAGbenchMessengerPageToken',
  instagramToken: 'IGQVbenchInstagramToken',
  whatsappToken: 'EAAGbenchWhatsappToken',
  whatsappPhoneNumberId: '106540352242922',
  messengerPageId: '106344528814011',
  instagramAccountId: '17841405793187218',
  zaloAppId: '360846524940903967',
  zaloOaId: '388613280878808645',
  zaloOaSecretKey: 'bench-zalo-oa-secret-key',
  zaloAppSecret: 'bench-zalo-app-secret',
  restApiKey: 'bench-rest-api-key-0123456789abcdef',
  botFrameworkAppId: '3f0b3b7e-5d44-4c1e-9a8f-6a0d2c7e1b55',
} as const;

/**
 * The environment of a Careline process with every channel on and pointed at `fakes`:
 * Telegram in webhook mode, Messenger, Instagram, WhatsApp, Zalo, Bot Framework without
 * authentication (the emulator mode; a trial that needs JWTs passes `authenticatedBotFramework`),
 * the web chat and the REST API with its key. Rate limits are set high so that a trial
 * measures what it means to and not the limiter; the flood trial sets its own.
 */
export function benchEnv(fakes: FakePlatforms, options: { port: number; dataDir: string; authenticatedBotFramework?: boolean; overrides?: Record<string, string> }): Record<string, string> {
  const c = benchCredentials;
  return {
    PORT: String(options.port),
    HOST: '127.0.0.1',
    PUBLIC_URL: `http://127.0.0.1:${options.port}`,
    DATA_DIR: options.dataDir,
    LOG_LEVEL: 'error',
    CSAT_ENABLED: 'false',
    WEBCHAT_ENABLED: 'true',
    TELEGRAM_BOT_TOKEN: c.telegramBotToken,
    TELEGRAM_WEBHOOK_SECRET: c.telegramWebhookSecret,
    TELEGRAM_API_ROOT: fakes.url,
    META_APP_SECRET: c.metaAppSecret,
    META_VERIFY_TOKEN: c.metaVerifyToken,
    META_GRAPH_API_BASE: fakes.graphApiBase,
    MESSENGER_PAGE_ACCESS_TOKEN: c.messengerToken,
    INSTAGRAM_ACCESS_TOKEN: c.instagramToken,
    WHATSAPP_ACCESS_TOKEN: c.whatsappToken,
    WHATSAPP_PHONE_NUMBER_ID: c.whatsappPhoneNumberId,
    ZALO_APP_ID: c.zaloAppId,
    ZALO_APP_SECRET: c.zaloAppSecret,
    ZALO_OA_SECRET_KEY: c.zaloOaSecretKey,
    ZALO_ACCESS_TOKEN: 'zalo-access-0',
    ZALO_REFRESH_TOKEN: 'zalo-refresh-0',
    ZALO_API_BASE: fakes.url,
    ZALO_OAUTH_BASE: fakes.url,
    ...(options.authenticatedBotFramework
      ? { MICROSOFT_APP_ID: c.botFrameworkAppId, MICROSOFT_APP_PASSWORD: 'bench-client-secret', BOTFRAMEWORK_OPENID_METADATA_URL: fakes.openIdMetadataUrl }
      : { BOTFRAMEWORK_ENABLED: 'true' }),
    // Settings other branches add (issue 16); an unknown variable is ignored.
    REST_API_KEY: c.restApiKey,
    RATE_LIMIT_PER_MINUTE: '1000000',
    RATE_LIMIT_PER_SENDER_PER_MINUTE: '1000000',
    ...options.overrides,
  };
}
