import { z } from 'zod';
import { weeklyHoursSchema } from './business-hours.js';
import { trustProxySchema } from './trust-proxy.js';
import { localeSchema } from '../core/locale.js';

// The locale vocabulary lives in core/; configuration names it too.
export { localeSchema, type Locale } from '../core/locale.js';

/** Environment variables are strings; config files may hold real booleans. */
const flag = z.preprocess((value) => {
  if (typeof value !== 'string') return value;
  const text = value.trim().toLowerCase();
  if (['true', '1', 'yes', 'on'].includes(text)) return true;
  if (['false', '0', 'no', 'off'].includes(text)) return false;
  return value;
}, z.boolean({ error: 'expected true or false' }));

const list = <T extends z.ZodType>(item: T) =>
  z.preprocess((value) => (typeof value === 'string' ? value.split(',').map((part) => part.trim()).filter(Boolean) : value), z.array(item));

const wholeNumber = (min: number, max: number) => {
  const expected = `expected a whole number from ${min} to ${max}`;
  return z.coerce.number({ error: expected }).int({ error: expected }).min(min, { error: expected }).max(max, { error: expected });
};

const fraction = z.coerce.number({ error: 'expected a number' }).min(0, { error: 'expected 0 to 1' }).max(1, { error: 'expected 0 to 1' });

const httpUrl = z.url({ protocol: /^https?$/, error: 'expected an http(s) URL such as https://care.example.com' }).transform((url) => url.replace(/\/+$/, ''));

const secret = z.string().min(1, { error: 'expected a non-empty value' });

const timezone = z.string().refine(
  (zone) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone });
      return true;
    } catch {
      return false; // Intl throws RangeError for an unknown zone; that is the answer, not a failure
    }
  },
  { error: 'expected an IANA time zone such as Asia/Ho_Chi_Minh or Europe/Prague' },
);

const priority = z.enum(['urgent', 'high', 'normal', 'low'], { error: 'expected urgent, high, normal or low' });

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'expected dates as YYYY-MM-DD' });

/** Everything Careline can be configured with; defaults make `npm start` work with no setup. */
export const configSchema = z
  .strictObject({
    port: wholeNumber(0, 65535).default(3000),
    host: z.string().min(1).default('0.0.0.0'),
    publicUrl: httpUrl.optional(),
    dataDir: z.string().min(1).default('./data'),
    knowledgeBaseDir: z.string().min(1).default('./knowledge-base'),
    intentsDir: z.string().min(1).default('./intents'),
    mongodbUri: z
      .string()
      .regex(/^mongodb(\+srv)?:\/\/.+/, { error: 'expected a URI starting with mongodb:// or mongodb+srv://' })
      .optional(),
    /** How long one MongoDB operation (and finding a server, connecting, waiting for a pooled connection) may take before it fails with 503. */
    mongodbTimeoutMs: wholeNumber(100, 600_000).default(5000),
    logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    trustProxy: trustProxySchema.default(false),
    /** Requests a minute to the public chat endpoints (REST, widget): per client address, per sender; 0 = no limit. */
    rateLimits: z
      .strictObject({
        perAddressPerMinute: wholeNumber(0, 10_000_000).default(120),
        perSenderPerMinute: wholeNumber(0, 10_000_000).default(30),
      })
      .prefault({}),
    locales: z
      .strictObject({
        default: localeSchema.default('vi'),
        supported: list(localeSchema).default(['vi', 'en', 'cs', 'zh']),
      })
      .prefault({}),
    timezone: timezone.default('Asia/Ho_Chi_Minh'),
    businessHours: z
      .strictObject({
        weekly: weeklyHoursSchema.prefault('mon-fri 08:00-17:30, sat 08:00-12:00'),
        holidays: list(isoDate).default([]),
      })
      .prefault({}),
    channels: z
      .strictObject({
        webchat: z.strictObject({ enabled: flag.default(true) }).prefault({}),
        rest: z.strictObject({ apiKey: z.string().min(16, { error: 'expected at least 16 characters (e.g. openssl rand -hex 32)' }).optional() }).prefault({}),
        telegram: z
          .strictObject({
            botToken: secret.optional(),
            // Telegram accepts 1-256 characters A-Z, a-z, 0-9, _ and - as a webhook secret token.
            webhookSecret: z.string().regex(/^[A-Za-z0-9_-]{1,256}$/, { error: 'expected 1-256 characters A-Z, a-z, 0-9, _ or -' }).optional(),
            apiRoot: httpUrl.optional(),
            groups: z.enum(['mention', 'ignore'], { error: 'expected mention or ignore' }).default('mention'),
          })
          .prefault({}),
        botframework: z
          .strictObject({
            enabled: flag.default(false),
            appId: z.string().min(1).optional(),
            appPassword: secret.optional(),
            appType: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).default('MultiTenant'),
            tenantId: z.string().min(1).optional(),
            /** Where the keys that sign channel tokens are published (tests point it at a local fake). */
            openIdMetadataUrl: httpUrl.optional(),
          })
          .superRefine((bot, context) => {
            const needsPassword = bot.appType !== 'UserAssignedMSI';
            if (bot.appId && needsPassword && !bot.appPassword) context.addIssue({ code: 'custom', path: ['appPassword'], message: `MICROSOFT_APP_PASSWORD is required with MICROSOFT_APP_ID for a ${bot.appType} bot` });
            if (!bot.appId && (bot.appPassword || bot.tenantId)) context.addIssue({ code: 'custom', path: ['appId'], message: 'MICROSOFT_APP_ID is required when MICROSOFT_APP_PASSWORD or MICROSOFT_APP_TENANT_ID is set' });
            if (bot.appId && bot.appType !== 'MultiTenant' && !bot.tenantId) context.addIssue({ code: 'custom', path: ['tenantId'], message: `MICROSOFT_APP_TENANT_ID is required for a ${bot.appType} bot` });
          })
          .prefault({}),
        meta: z
          .strictObject({
            appSecret: secret.optional(),
            verifyToken: secret.optional(),
            graphApiBase: httpUrl.default('https://graph.facebook.com/v21.0'),
            pageAccessToken: secret.optional(),
            instagramAccessToken: secret.optional(),
            whatsappAccessToken: secret.optional(),
            whatsappPhoneNumberId: z.string().min(1).optional(),
          })
          .prefault({}),
        zalo: z
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
          })
          .prefault({}),
      })
      .prefault({}),
    openai: z
      .strictObject({
        apiKey: secret.optional(),
        baseUrl: httpUrl.optional(),
        chatModel: z.string().min(1).default('gpt-4o-mini'),
        embeddingModel: z.string().min(1).default('text-embedding-3-small'),
        /** Ask for shortened vectors (text-embedding-3 models): less memory and faster scoring on large knowledge bases. */
        embeddingDimensions: wholeNumber(1, 16_384).optional(),
        /** The longest one customer turn waits for the provider (embedding and wording together). */
        timeoutMs: wholeNumber(100, 120_000).default(4000),
        embeddings: flag.default(true),
        wording: flag.default(true),
        /** Share of the blended confidence that comes from embedding similarity. */
        embeddingWeight: fraction.default(0.4),
        /** Cosine similarity at or below which an article counts as unrelated to the question. */
        similarityFloor: fraction.default(0.3),
      })
      .prefault({}),
    csat: z
      .strictObject({
        enabled: flag.default(true),
        botSurveys: flag.default(true),
        delaySeconds: wholeNumber(0, 86_400).default(30),
        idleMinutes: wholeNumber(1, 10_080).default(15),
        minDaysBetweenSurveys: wholeNumber(0, 365).default(7),
        expireHours: wholeNumber(1, 720).default(24),
      })
      .prefault({}),
    routing: z
      .strictObject({
        autoAssign: flag.default(false),
        priorities: z
          .strictObject({
            vipComplaint: priority.default('urgent'),
            vip: priority.default('high'),
            complaint: priority.default('high'),
            other: priority.default('normal'),
          })
          .prefault({}),
      })
      .prefault({}),
    sla: z
      .strictObject({
        urgent: wholeNumber(1, 10_080).default(5),
        high: wholeNumber(1, 10_080).default(15),
        normal: wholeNumber(1, 10_080).default(60),
        low: wholeNumber(1, 10_080).default(240),
      })
      .prefault({}),
    answers: z
      .strictObject({
        answerThreshold: fraction.default(0.6),
        clarifyThreshold: fraction.default(0.35),
        missesBeforeHandoff: wholeNumber(1, 10).default(2),
      })
      .prefault({}),
    outbox: z
      .strictObject({
        retryBaseMs: wholeNumber(1, 3_600_000).default(2000),
        retryMaxMs: wholeNumber(1, 86_400_000).default(15 * 60_000),
        maxAttempts: wholeNumber(1, 1000).default(10),
        pollMs: wholeNumber(10, 3_600_000).default(5000),
        sendTimeoutMs: wholeNumber(100, 600_000).default(10_000),
      })
      .prefault({}),
  })
  .refine((config) => config.locales.supported.includes(config.locales.default), {
    error: 'the default locale must be one of the supported locales',
    path: ['locales', 'default'],
  })
  .refine((config) => !(config.publicUrl && config.channels.telegram.botToken && !config.channels.telegram.webhookSecret), {
    error: 'with PUBLIC_URL set, Telegram runs by webhook and needs TELEGRAM_WEBHOOK_SECRET (unset PUBLIC_URL to use long polling)',
    path: ['channels', 'telegram', 'webhookSecret'],
  })
  .refine((config) => config.answers.clarifyThreshold <= config.answers.answerThreshold, {
    error: 'the clarify threshold must not be above the answer threshold',
    path: ['answers', 'clarifyThreshold'],
  });

export type Config = z.infer<typeof configSchema>;
