/**
 * Every environment variable of the core settings, where it lands in the configuration and
 * what it means (each channel's own variables are listed in its settings slice). `.env.example`
 * and the README's table are checked against all of them by a test.
 */
export interface EnvVar {
  name: string;
  path: string[];
  secret?: boolean;
  description: string;
  example?: string;
}

export const envVars: EnvVar[] = [
  { name: 'PORT', path: ['port'], description: 'HTTP port (0 picks a free one).', example: '3000' },
  { name: 'HOST', path: ['host'], description: 'Interface to listen on.', example: '0.0.0.0' },
  { name: 'PUBLIC_URL', path: ['publicUrl'], description: 'Public base URL customers and platforms reach; webhooks are registered under it. Default http://localhost:PORT.', example: 'https://care.example.com' },
  { name: 'DATA_DIR', path: ['dataDir'], description: 'Directory of the embedded store (used when MONGODB_URI is unset).', example: './data' },
  { name: 'KNOWLEDGE_BASE_DIR', path: ['knowledgeBaseDir'], description: 'Folder of knowledge-base Markdown files; they seed the store on start (articles already in the store are kept).', example: './knowledge-base' },
  { name: 'INTENTS_DIR', path: ['intentsDir'], description: 'Folder of intent YAML files (greeting, thanks, goodbye, human, complaint, affirm, deny).', example: './intents' },
  { name: 'MONGODB_URI', path: ['mongodbUri'], secret: true, description: 'MongoDB connection string; when set, MongoDB is the store (production).', example: 'mongodb://localhost:27017/careline' },
  { name: 'MONGODB_TIMEOUT_MS', path: ['mongodbTimeoutMs'], description: 'Longest one MongoDB operation may take (server selection, connecting, a pooled connection, the query itself); past it the request is answered 503 with Retry-After instead of waiting. Settings in MONGODB_URI win.', example: '5000' },
  { name: 'LOG_LEVEL', path: ['logLevel'], description: 'fatal, error, warn, info, debug, trace or silent.', example: 'info' },
  { name: 'TRUST_PROXY', path: ['trustProxy'], description: 'Reverse proxies whose X-Forwarded-For names the client (login throttle, rate limits): loopback, linklocal, uniquelocal, IPs or CIDRs (comma-separated), or a hop count. Unset: none, the client address is the connection\'s.', example: 'loopback' },
  { name: 'RATE_LIMIT_PER_MINUTE', path: ['rateLimits', 'perAddressPerMinute'], description: 'Requests a minute one client address may make to the chat API and the widget (session, messages, socket frames); above it 429 with Retry-After. 0 = no limit.', example: '120' },
  { name: 'RATE_LIMIT_PER_SENDER_PER_MINUTE', path: ['rateLimits', 'perSenderPerMinute'], description: 'Messages a minute one customer (chat API sender, widget visitor) may send; above it 429 with Retry-After. 0 = no limit.', example: '30' },
  { name: 'DEFAULT_LOCALE', path: ['locales', 'default'], description: 'Language used when an article lacks the customer\'s language: vi, en, cs or zh.', example: 'vi' },
  { name: 'SUPPORTED_LOCALES', path: ['locales', 'supported'], description: 'Comma-separated languages served.', example: 'vi,en,cs,zh' },
  { name: 'TIMEZONE', path: ['timezone'], description: 'IANA time zone of the business hours.', example: 'Asia/Ho_Chi_Minh' },
  { name: 'IDLE_CLOSE_MINUTES', path: ['idleCloseMinutes'], description: 'Minutes without a message after which a conversation the bot has closes (0: never); a customer who comes back later starts a new conversation, and agents see the earlier ones.', example: '60' },
  { name: 'ORDER_CODE_PATTERN', path: ['orderCodePattern'], description: 'What your order codes look like, as a regular expression (case-insensitive); a code in a message is kept on the ticket and never taken for a phone number. Default: DH, ĐH, OD or ORD and 4–12 digits.', example: '(?:DH|ORD)[-_ ]?\\d{4,12}' },
  { name: 'BUSINESS_NAME', path: ['business', 'name'], description: 'Your business as the bot names it in greetings, goodbyes, hand-offs and apologies ({business.name} in intents/). Default: the demo shop, An Phat Electronics.', example: 'Hoa Mai Fashion' },
  { name: 'BUSINESS_NAME_VI', path: ['business', 'names', 'vi'], description: 'The name in Vietnamese replies, if it differs (likewise BUSINESS_NAME_EN, _CS, _ZH).', example: 'Thời trang Hoa Mai' },
  { name: 'BUSINESS_NAME_EN', path: ['business', 'names', 'en'], description: 'The name in English replies, if it differs from BUSINESS_NAME.', example: '' },
  { name: 'BUSINESS_NAME_CS', path: ['business', 'names', 'cs'], description: 'The name in Czech replies, if it differs from BUSINESS_NAME.', example: '' },
  { name: 'BUSINESS_NAME_ZH', path: ['business', 'names', 'zh'], description: 'The name in Chinese replies, if it differs from BUSINESS_NAME.', example: '' },
  { name: 'BUSINESS_HOTLINE', path: ['business', 'hotline'], description: 'The phone number the bot gives ({business.hotline}); unset: none (the demo shop\'s while BUSINESS_NAME is unset too).', example: '1900 1234' },
  { name: 'BUSINESS_WEBSITE', path: ['business', 'website'], description: 'Your website as the bot names it ({business.website}); unset: none (the demo shop\'s while BUSINESS_NAME is unset too).', example: 'hoamai.example' },
  { name: 'BUSINESS_HOURS_TEXT', path: ['business', 'hoursText'], description: 'Opening hours as a sentence for customers ({business.hours}); the agents\' hours themselves are BUSINESS_HOURS.', example: '9:00–21:00 every day' },
  { name: 'BUSINESS_PERSONA_VI', path: ['business', 'persona', 'vi'], description: 'How the bot speaks in Vietnamese: em (it is "em", the customer "anh/chị") or chung-toi (formal: "chúng tôi" to "quý khách"), in every intent response, bot, hand-off and survey phrase and the widget ({persona.we}, {persona.you} in intents/). English and Czech have one register (Czech already uses vykání).', example: 'em' },
  { name: 'BUSINESS_PERSONA_ZH', path: ['business', 'persona', 'zh'], description: 'How the bot addresses customers in Chinese: nin (您, formal) or qin (亲, the casual Taobao register: "亲，您好").', example: 'nin' },
  { name: 'BUSINESS_HOURS', path: ['businessHours', 'weekly'], description: 'Weekly opening hours of human agents; days not named are closed.', example: 'mon-fri 08:00-17:30, sat 08:00-12:00' },
  { name: 'BUSINESS_HOLIDAYS', path: ['businessHours', 'holidays'], description: 'Comma-separated closed dates (YYYY-MM-DD).', example: '2026-12-25,2027-01-01' },
  { name: 'OPENAI_API_KEY', path: ['openai', 'apiKey'], secret: true, description: 'Optional: turns on OpenAI embeddings (hybrid ranking) and grounded answer wording; unset (and no OPENAI_BASE_URL) the bot stays fully offline.', example: '' },
  { name: 'OPENAI_BASE_URL', path: ['openai', 'baseUrl'], description: 'Any OpenAI-compatible server (e.g. a self-hosted model server), up to and including /v1; setting it alone turns the OpenAI features on without a key. Default https://api.openai.com/v1.', example: 'http://localhost:8000/v1' },
  { name: 'OPENAI_CHAT_MODEL', path: ['openai', 'chatModel'], description: 'Chat model that words answers from the matched articles only.', example: 'gpt-4o-mini' },
  { name: 'OPENAI_EMBEDDING_MODEL', path: ['openai', 'embeddingModel'], description: 'Embedding model for hybrid ranking; article vectors are cached in the store per model.', example: 'text-embedding-3-small' },
  { name: 'OPENAI_EMBEDDING_DIMENSIONS', path: ['openai', 'embeddingDimensions'], description: 'Optional: shortened embedding vectors (text-embedding-3 models accept e.g. 256 or 512) for large knowledge bases: less memory, faster scoring. Unset: the model\'s full size.', example: '512' },
  { name: 'OPENAI_TIMEOUT_MS', path: ['openai', 'timeoutMs'], description: 'Longest a customer turn waits for the provider (embedding and wording together); on timeout or any error the offline answer is sent.', example: '4000' },
  { name: 'OPENAI_EMBEDDINGS', path: ['openai', 'embeddings'], description: 'Blend embedding similarity into the offline ranking (when OpenAI is configured).', example: 'true' },
  { name: 'OPENAI_WORDING', path: ['openai', 'wording'], description: 'Let the chat model word answers from the matched articles, citing them, or refuse (when OpenAI is configured).', example: 'true' },
  { name: 'OPENAI_EMBEDDING_WEIGHT', path: ['openai', 'embeddingWeight'], description: 'Share (0-1) of an article\'s confidence taken from embedding similarity; the rest is the offline confidence.', example: '0.4' },
  { name: 'OPENAI_SIMILARITY_FLOOR', path: ['openai', 'similarityFloor'], description: 'Cosine similarity at or below which an article counts as unrelated (0.3 suits text-embedding-3; raise it for models whose unrelated texts score higher).', example: '0.3' },
  { name: 'SURVEYS', path: ['surveys', 'kinds'], description: 'Survey kinds asked, comma-separated: csat (satisfaction 1–5), ces (effort 1–7, after an agent resolves), nps (recommend 0–10, at most every NPS_INTERVAL_DAYS). One survey per conversation; see the README\'s survey section for which one.', example: 'csat' },
  { name: 'NPS_INTERVAL_DAYS', path: ['surveys', 'npsIntervalDays'], description: 'Ask one customer the NPS question at most once in this many days (when SURVEYS lists nps); when due it replaces the CSAT or CES survey.', example: '90' },
  { name: 'CSAT_ENABLED', path: ['csat', 'enabled'], description: 'Ask customers for a satisfaction rating (when SURVEYS lists csat); false turns CSAT off whatever SURVEYS says.', example: 'true' },
  { name: 'CSAT_BOT_SURVEYS', path: ['csat', 'botSurveys'], description: 'Also survey conversations the bot handled alone.', example: 'true' },
  { name: 'CSAT_DELAY_SECONDS', path: ['csat', 'delaySeconds'], description: 'Wait this long after the trigger before asking.', example: '30' },
  { name: 'CSAT_IDLE_MINUTES', path: ['csat', 'idleMinutes'], description: 'A bot conversation idle this long after an answer is surveyed.', example: '15' },
  { name: 'CSAT_MIN_DAYS_BETWEEN', path: ['csat', 'minDaysBetweenSurveys'], description: 'Older name of SURVEY_MIN_DAYS_BETWEEN (which wins when both are set).', example: '7' },
  { name: 'SURVEY_MIN_DAYS_BETWEEN', path: ['csat', 'minDaysBetweenSurveys'], description: 'Ask one customer at most one survey (of any kind) in this many days, across channels.', example: '7' },
  { name: 'CSAT_EXPIRE_HOURS', path: ['csat', 'expireHours'], description: 'An unanswered survey expires after this many hours.', example: '24' },
  { name: 'ANSWER_THRESHOLD', path: ['answers', 'answerThreshold'], description: 'Probability (0-1) that the best article is right, as fitted on the loaded knowledge base, at or above which the bot answers.', example: '0.6' },
  { name: 'AUTO_ASSIGN', path: ['routing', 'autoAssign'], description: 'Give each waiting conversation to the online agent with the fewest open conversations (below their limit); otherwise agents claim from the queue.', example: 'false' },
  { name: 'PLATFORM_REPLY_QUIET_MINUTES', path: ['routing', 'platformQuietMinutes'], description: 'When someone answers a customer from the platform\'s own app (Facebook Page inbox, Instagram app, Zalo OA chat), the bot stays silent until an agent hands the conversation back or this many minutes pass without such a reply.', example: '30' },
  { name: 'PRIORITY_VIP_COMPLAINT', path: ['routing', 'priorities', 'vipComplaint'], description: 'Ticket priority when a VIP customer complains: urgent, high, normal or low.', example: 'urgent' },
  { name: 'PRIORITY_VIP', path: ['routing', 'priorities', 'vip'], description: 'Ticket priority for other VIP requests.', example: 'high' },
  { name: 'PRIORITY_COMPLAINT', path: ['routing', 'priorities', 'complaint'], description: 'Ticket priority for complaints of other customers.', example: 'high' },
  { name: 'PRIORITY_OTHER', path: ['routing', 'priorities', 'other'], description: 'Ticket priority for everything else.', example: 'normal' },
  { name: 'SLA_URGENT_MINUTES', path: ['sla', 'urgent'], description: 'First-response target for urgent tickets (VIP complaints), minutes.', example: '5' },
  { name: 'SLA_HIGH_MINUTES', path: ['sla', 'high'], description: 'First-response target for high-priority tickets (VIP or complaint), minutes.', example: '15' },
  { name: 'SLA_NORMAL_MINUTES', path: ['sla', 'normal'], description: 'First-response target for normal tickets, minutes.', example: '60' },
  { name: 'SLA_LOW_MINUTES', path: ['sla', 'low'], description: 'First-response target for low-priority tickets, minutes.', example: '240' },
  { name: 'CLARIFY_THRESHOLD', path: ['answers', 'clarifyThreshold'], description: 'Probability at or above which the bot offers 2-3 choices (and a person) instead of saying it does not know.', example: '0.35' },
  { name: 'HANDOFF_AFTER_MISSES', path: ['answers', 'missesBeforeHandoff'], description: 'Unanswered questions in a row before a human is brought in.', example: '2' },
  { name: 'CARELINE_CONFIG', path: [], description: 'Optional JSON or YAML config file (same fields, nested); environment variables win over it.', example: './careline.config.yaml' },
  { name: 'MEDIA_MAX_MB', path: ['media', 'maxMegabytes'], description: 'Largest customer photo, file or voice message (MB) the console fetches from the platform when an agent opens it; larger ones answer 413.', example: '25' },
  { name: 'MEDIA_TIMEOUT_MS', path: ['media', 'timeoutMs'], description: 'How long fetching one customer media file from the platform may take (ms).', example: '15000' },
  { name: 'OUTBOX_RETRY_BASE_MS', path: ['outbox', 'retryBaseMs'], description: 'A failed outbound send (platform 429/5xx or unreachable) is retried after this many ms, doubling each time.', example: '2000' },
  { name: 'OUTBOX_RETRY_MAX_MS', path: ['outbox', 'retryMaxMs'], description: 'Longest wait between two retries of an outbound send (a platform\'s Retry-After is honoured even when longer).', example: '900000' },
  { name: 'OUTBOX_MAX_ATTEMPTS', path: ['outbox', 'maxAttempts'], description: 'Tries of one outbound send before it is marked failed (it stays in the transcript).', example: '10' },
  { name: 'OUTBOX_SEND_TIMEOUT_MS', path: ['outbox', 'sendTimeoutMs'], description: 'A send the platform has not answered after this many ms is abandoned and retried later (the conversation\'s later messages wait behind it).', example: '10000' },
  { name: 'OUTBOX_POLL_MS', path: ['outbox', 'pollMs'], description: 'How often the outbox worker looks for due retries it was not told about (other processes, expired leases).', example: '5000' },
];

/** The dotted config paths whose values are secrets (masked in output and error messages). */
export function secretPathsOf(variables: EnvVar[]): Set<string> {
  return new Set(variables.filter((v) => v.secret).map((v) => v.path.join('.')));
}
