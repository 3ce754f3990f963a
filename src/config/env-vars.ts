/**
 * Every environment variable Careline reads, where it lands in the configuration and what
 * it means. `.env.example` and the README's table are checked against this list by a test.
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
  { name: 'LOG_LEVEL', path: ['logLevel'], description: 'fatal, error, warn, info, debug, trace or silent.', example: 'info' },
  { name: 'DEFAULT_LOCALE', path: ['locales', 'default'], description: 'Language used when an article lacks the customer\'s language: vi, en, cs or zh.', example: 'vi' },
  { name: 'SUPPORTED_LOCALES', path: ['locales', 'supported'], description: 'Comma-separated languages served.', example: 'vi,en,cs,zh' },
  { name: 'TIMEZONE', path: ['timezone'], description: 'IANA time zone of the business hours.', example: 'Asia/Ho_Chi_Minh' },
  { name: 'BUSINESS_HOURS', path: ['businessHours', 'weekly'], description: 'Weekly opening hours of human agents; days not named are closed.', example: 'mon-fri 08:00-17:30, sat 08:00-12:00' },
  { name: 'BUSINESS_HOLIDAYS', path: ['businessHours', 'holidays'], description: 'Comma-separated closed dates (YYYY-MM-DD).', example: '2026-12-25,2027-01-01' },
  { name: 'WEBCHAT_ENABLED', path: ['channels', 'webchat', 'enabled'], description: 'Serve the website chat widget.', example: 'true' },
  { name: 'TELEGRAM_BOT_TOKEN', path: ['channels', 'telegram', 'botToken'], secret: true, description: 'Telegram bot token from @BotFather; enables Telegram: by webhook when PUBLIC_URL is set, else by long polling.', example: '123456:ABC-DEF' },
  { name: 'TELEGRAM_WEBHOOK_SECRET', path: ['channels', 'telegram', 'webhookSecret'], secret: true, description: 'Secret Telegram sends in X-Telegram-Bot-Api-Secret-Token with every webhook update (1-256 of A-Z a-z 0-9 _ -); required when PUBLIC_URL and TELEGRAM_BOT_TOKEN are set.', example: 'a-long-random-string' },
  { name: 'TELEGRAM_API_ROOT', path: ['channels', 'telegram', 'apiRoot'], description: 'Bot API base URL (tests point it at a local fake).', example: 'https://api.telegram.org' },
  { name: 'TELEGRAM_GROUPS', path: ['channels', 'telegram', 'groups'], description: 'In group chats: "mention" (answer when addressed) or "ignore".', example: 'mention' },
  { name: 'BOTFRAMEWORK_ENABLED', path: ['channels', 'botframework', 'enabled'], description: 'Serve Bot Framework at /api/messages without authentication, for the Bot Framework Emulator on your own machine only (MICROSOFT_APP_ID enables it with authentication).', example: 'false' },
  { name: 'MICROSOFT_APP_ID', path: ['channels', 'botframework', 'appId'], description: 'Azure Bot app (client) id; enables Bot Framework at /api/messages with JWT authentication.', example: '00000000-0000-0000-0000-000000000000' },
  { name: 'MICROSOFT_APP_PASSWORD', path: ['channels', 'botframework', 'appPassword'], secret: true, description: 'Azure bot client secret.', example: '' },
  { name: 'MICROSOFT_APP_TYPE', path: ['channels', 'botframework', 'appType'], description: 'MultiTenant, SingleTenant or UserAssignedMSI.', example: 'MultiTenant' },
  { name: 'MICROSOFT_APP_TENANT_ID', path: ['channels', 'botframework', 'tenantId'], description: 'Tenant id, for SingleTenant and UserAssignedMSI bots.', example: '' },
  { name: 'BOTFRAMEWORK_OPENID_METADATA_URL', path: ['channels', 'botframework', 'openIdMetadataUrl'], description: 'OpenID metadata URL of the keys that sign Bot Framework channel tokens (leave unset; tests point it at a local fake).', example: 'https://login.botframework.com/v1/.well-known/openidconfiguration' },
  { name: 'META_APP_SECRET', path: ['channels', 'meta', 'appSecret'], secret: true, description: 'Meta app secret; checks X-Hub-Signature-256 on Messenger, Instagram and WhatsApp webhooks.', example: '' },
  { name: 'META_VERIFY_TOKEN', path: ['channels', 'meta', 'verifyToken'], secret: true, description: 'A string you choose; Meta sends it back when you register the webhook URLs (/webhooks/messenger, /webhooks/instagram, /webhooks/whatsapp).', example: '' },
  { name: 'META_GRAPH_API_BASE', path: ['channels', 'meta', 'graphApiBase'], description: 'Graph API base URL with its version (tests point it at a local fake).', example: 'https://graph.facebook.com/v21.0' },
  { name: 'MESSENGER_PAGE_ACCESS_TOKEN', path: ['channels', 'meta', 'pageAccessToken'], secret: true, description: 'Page access token; enables Facebook Messenger (with META_APP_SECRET and META_VERIFY_TOKEN).', example: '' },
  { name: 'INSTAGRAM_ACCESS_TOKEN', path: ['channels', 'meta', 'instagramAccessToken'], secret: true, description: 'Access token of the Facebook page linked to the Instagram professional account; enables Instagram (with META_APP_SECRET and META_VERIFY_TOKEN).', example: '' },
  { name: 'WHATSAPP_ACCESS_TOKEN', path: ['channels', 'meta', 'whatsappAccessToken'], secret: true, description: 'WhatsApp Cloud API token (a system user\'s); enables WhatsApp with WHATSAPP_PHONE_NUMBER_ID, META_APP_SECRET and META_VERIFY_TOKEN.', example: '' },
  { name: 'WHATSAPP_PHONE_NUMBER_ID', path: ['channels', 'meta', 'whatsappPhoneNumberId'], description: 'WhatsApp Cloud API phone number ID (not the number itself).', example: '' },
  { name: 'ZALO_APP_ID', path: ['channels', 'zalo', 'appId'], description: 'Zalo app id (developers.zalo.me); with ZALO_OA_SECRET_KEY and ZALO_ACCESS_TOKEN enables Zalo OA at /webhooks/zalo.', example: '' },
  { name: 'ZALO_APP_SECRET', path: ['channels', 'zalo', 'appSecret'], secret: true, description: 'Zalo app secret key, sent as secret_key when refreshing the OA access token.', example: '' },
  { name: 'ZALO_OA_SECRET_KEY', path: ['channels', 'zalo', 'oaSecretKey'], secret: true, description: 'OA secret key (Webhook settings of the app, not the app secret); checks X-ZEvent-Signature on webhooks.', example: '' },
  { name: 'ZALO_ACCESS_TOKEN', path: ['channels', 'zalo', 'accessToken'], secret: true, description: 'OA access token to start with; refreshed ones are kept in the store.', example: '' },
  { name: 'ZALO_REFRESH_TOKEN', path: ['channels', 'zalo', 'refreshToken'], secret: true, description: 'OA refresh token (single-use: the store keeps each new one; put a new one here after re-authorizing the OA).', example: '' },
  { name: 'ZALO_API_BASE', path: ['channels', 'zalo', 'apiBase'], description: 'Zalo OA API base URL (tests point it at a local fake).', example: 'https://openapi.zalo.me' },
  { name: 'ZALO_OAUTH_BASE', path: ['channels', 'zalo', 'oauthBase'], description: 'Zalo OAuth base URL for token refresh.', example: 'https://oauth.zaloapp.com' },
  { name: 'OPENAI_API_KEY', path: ['openai', 'apiKey'], secret: true, description: 'Optional: enables embeddings and grounded answer wording.', example: '' },
  { name: 'OPENAI_BASE_URL', path: ['openai', 'baseUrl'], description: 'OpenAI-compatible server base URL.', example: 'https://api.openai.com/v1' },
  { name: 'OPENAI_CHAT_MODEL', path: ['openai', 'chatModel'], description: 'Model for answer wording.', example: 'gpt-4o-mini' },
  { name: 'OPENAI_EMBEDDING_MODEL', path: ['openai', 'embeddingModel'], description: 'Model for embeddings.', example: 'text-embedding-3-small' },
  { name: 'CSAT_ENABLED', path: ['csat', 'enabled'], description: 'Ask customers for a satisfaction rating.', example: 'true' },
  { name: 'CSAT_BOT_SURVEYS', path: ['csat', 'botSurveys'], description: 'Also survey conversations the bot handled alone.', example: 'true' },
  { name: 'CSAT_DELAY_SECONDS', path: ['csat', 'delaySeconds'], description: 'Wait this long after the trigger before asking.', example: '30' },
  { name: 'CSAT_IDLE_MINUTES', path: ['csat', 'idleMinutes'], description: 'A bot conversation idle this long after an answer is surveyed.', example: '15' },
  { name: 'CSAT_MIN_DAYS_BETWEEN', path: ['csat', 'minDaysBetweenSurveys'], description: 'Ask one customer at most once in this many days, across channels.', example: '7' },
  { name: 'CSAT_EXPIRE_HOURS', path: ['csat', 'expireHours'], description: 'An unanswered survey expires after this many hours.', example: '24' },
  { name: 'ANSWER_THRESHOLD', path: ['answers', 'answerThreshold'], description: 'Confidence (0-1) at or above which the bot answers.', example: '0.6' },
  { name: 'AUTO_ASSIGN', path: ['routing', 'autoAssign'], description: 'Give each waiting conversation to the online agent with the fewest open conversations (below their limit); otherwise agents claim from the queue.', example: 'false' },
  { name: 'PRIORITY_VIP_COMPLAINT', path: ['routing', 'priorities', 'vipComplaint'], description: 'Ticket priority when a VIP customer complains: urgent, high, normal or low.', example: 'urgent' },
  { name: 'PRIORITY_VIP', path: ['routing', 'priorities', 'vip'], description: 'Ticket priority for other VIP requests.', example: 'high' },
  { name: 'PRIORITY_COMPLAINT', path: ['routing', 'priorities', 'complaint'], description: 'Ticket priority for complaints of other customers.', example: 'high' },
  { name: 'PRIORITY_OTHER', path: ['routing', 'priorities', 'other'], description: 'Ticket priority for everything else.', example: 'normal' },
  { name: 'SLA_URGENT_MINUTES', path: ['sla', 'urgent'], description: 'First-response target for urgent tickets (VIP complaints), minutes.', example: '5' },
  { name: 'SLA_HIGH_MINUTES', path: ['sla', 'high'], description: 'First-response target for high-priority tickets (VIP or complaint), minutes.', example: '15' },
  { name: 'SLA_NORMAL_MINUTES', path: ['sla', 'normal'], description: 'First-response target for normal tickets, minutes.', example: '60' },
  { name: 'SLA_LOW_MINUTES', path: ['sla', 'low'], description: 'First-response target for low-priority tickets, minutes.', example: '240' },
  { name: 'CLARIFY_THRESHOLD', path: ['answers', 'clarifyThreshold'], description: 'Confidence at or above which the bot offers choices instead of saying it does not know.', example: '0.4' },
  { name: 'HANDOFF_AFTER_MISSES', path: ['answers', 'missesBeforeHandoff'], description: 'Unanswered questions in a row before a human is brought in.', example: '2' },
  { name: 'CARELINE_CONFIG', path: [], description: 'Optional JSON or YAML config file (same fields, nested); environment variables win over it.', example: './careline.config.yaml' },
  { name: 'OUTBOX_RETRY_BASE_MS', path: ['outbox', 'retryBaseMs'], description: 'A failed outbound send (platform 429/5xx or unreachable) is retried after this many ms, doubling each time.', example: '2000' },
  { name: 'OUTBOX_RETRY_MAX_MS', path: ['outbox', 'retryMaxMs'], description: 'Longest wait between two retries of an outbound send (a platform\'s Retry-After is honoured even when longer).', example: '900000' },
  { name: 'OUTBOX_MAX_ATTEMPTS', path: ['outbox', 'maxAttempts'], description: 'Tries of one outbound send before it is marked failed (it stays in the transcript).', example: '10' },
  { name: 'OUTBOX_POLL_MS', path: ['outbox', 'pollMs'], description: 'How often the outbox worker looks for due retries it was not told about (other processes, expired leases).', example: '5000' },
];

export const secretPaths = new Set(envVars.filter((v) => v.secret).map((v) => v.path.join('.')));
