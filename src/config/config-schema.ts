import { z } from 'zod';
import { weeklyHoursSchema } from './business-hours.js';
import { fraction, flag, httpUrl, list, secret, timezone, wholeNumber } from './schema-kit.js';
import { trustProxySchema } from './trust-proxy.js';
import { chinesePersonas, vietnamesePersonas } from './persona.js';
import { localeSchema } from '../core/locale.js';

// The locale vocabulary lives in core/; configuration names it too.
export { localeSchema, type Locale } from '../core/locale.js';

const priority = z.enum(['urgent', 'high', 'normal', 'low'], { error: 'expected urgent, high, normal or low' });

/** The default shape of a shop's order codes: DH / ĐH / OD / ORD and 4–12 digits ("đơn DH123456"). */
export const defaultOrderCodePattern = '(?:DH|ĐH|OD|ORD)[-_ ]?\\d{4,12}';

const regexSource = z.string().min(1).max(300).refine(
  (source) => {
    try {
      new RegExp(source, 'iu');
      return true;
    } catch {
      return false;
    }
  },
  { error: 'expected a regular expression, e.g. (?:DH|ORD)\\d{6}' },
);

/** The survey kinds: CSAT (satisfaction 1–5), CES (effort 1–7), NPS (recommend 0–10). */
export const surveyKindSchema = z.enum(['csat', 'ces', 'nps'], { error: 'expected csat, ces or nps' });
export type SurveyKind = z.infer<typeof surveyKindSchema>;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'expected dates as YYYY-MM-DD' });

/**
 * Everything Careline is configured with except its channels (each channel folder declares its
 * own slice, composed in `src/channels/careline-config.ts`); defaults make `npm start` work with
 * no setup.
 */
export const configFields = z.strictObject({
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
  /**
   * Who the bot speaks for: every intent response and bot phrase is a template over it
   * (`{business.name}`, `{business.hotline}`, `{business.website}`, `{business.hours}`). The
   * defaults are the bundled demo shop's; `name` may differ per language.
   */
  /** Minutes without a message after which a conversation the bot has closes (0: never); the customer's next message starts a new one. */
  idleCloseMinutes: wholeNumber(0, 525_600).default(60),
  /** What an order code looks like (a regular expression, case-insensitive): kept on the ticket, never read as a phone number. */
  orderCodePattern: regexSource.default(defaultOrderCodePattern),
  business: z
    .strictObject({
      name: z.string().trim().min(1).max(120).default('An Phat Electronics'),
      names: z
        .strictObject({
          vi: z.string().trim().min(1).max(120).optional(),
          en: z.string().trim().min(1).max(120).optional(),
          cs: z.string().trim().min(1).max(120).optional(),
          zh: z.string().trim().min(1).max(120).optional(),
        })
        .prefault({}),
      /** Unset: the demo shop's while the profile is the demo's, else none (see business-profile.ts). */
      hotline: z.string().trim().max(40).optional(),
      website: z.string().trim().max(200).optional(),
      hoursText: z.string().trim().max(200).default(''),
      /** How the bot addresses customers per language (`{persona.we}`, `{persona.you}`, see persona.ts); en and cs have one register. */
      persona: z
        .strictObject({
          vi: z.enum(vietnamesePersonas, { error: 'expected em (em / anh/chị) or chung-toi (chúng tôi / quý khách)' }).default('em'),
          zh: z.enum(chinesePersonas, { error: 'expected nin (您) or qin (亲)' }).default('nin'),
        })
        .prefault({}),
    })
    .prefault({}),
  businessHours: z
    .strictObject({
      weekly: weeklyHoursSchema.prefault('mon-fri 08:00-17:30, sat 08:00-12:00'),
      holidays: list(isoDate).default([]),
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
      /** The one fatigue rule of every survey kind: a customer is asked at most once in this many days, across channels. */
      minDaysBetweenSurveys: wholeNumber(0, 365).default(7),
      expireHours: wholeNumber(1, 720).default(24),
    })
    .prefault({}),
  /** Which survey kinds are asked (the `csat` block's timing, expiry and fatigue rule apply to all) and how often NPS is. */
  surveys: z
    .strictObject({
      kinds: list(surveyKindSchema).default(['csat']),
      /** NPS is asked of one customer at most once in this many days. */
      npsIntervalDays: wholeNumber(1, 3650).default(90),
    })
    .prefault({}),
  routing: z
    .strictObject({
      autoAssign: flag.default(false),
      /** Minutes a person answering from the platform's own app may be quiet before the bot answers again. */
      platformQuietMinutes: wholeNumber(1, 10_080).default(30),
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
  /** Customers' media, fetched from the platform when an agent opens them. */
  media: z
    .strictObject({
      maxMegabytes: wholeNumber(1, 100).default(25),
      timeoutMs: wholeNumber(100, 120_000).default(15_000),
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
});

export type Config = z.infer<typeof configFields>;

/** Checks across fields, as zod issues on the field to fix. */
export function checkConfig(config: Config, context: z.core.$RefinementCtx): void {
  if (!config.locales.supported.includes(config.locales.default)) context.addIssue({ code: 'custom', path: ['locales', 'default'], message: 'the default locale must be one of the supported locales' });
  if (config.answers.clarifyThreshold > config.answers.answerThreshold) context.addIssue({ code: 'custom', path: ['answers', 'clarifyThreshold'], message: 'the clarify threshold must not be above the answer threshold' });
}

export const configSchema = configFields.superRefine(checkConfig);
