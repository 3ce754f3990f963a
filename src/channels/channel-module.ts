import type { IncomingMessage, Server } from 'node:http';
import type { Router } from 'express';
import type { Logger } from 'pino';
import type { Telegraf } from 'telegraf';
import type { Config } from '../config/config-schema.js';
import type { Channel } from '../core/channel.js';
import type { ChannelSettings, SettingsOf } from './channel-settings.js';
import type { ChannelId } from '../core/channel-id.js';
import type { ConversationRepository } from '../conversations/conversation-repository.js';
import type { DeliveryState } from '../conversations/message.js';
import type { MessageRepository } from '../conversations/message-repository.js';
import type { CustomerRepository } from '../customers/customer-repository.js';
import type { PublicRateLimits } from '../http/public-rate-limits.js';
import type { IntentMatcher } from '../intents/intent-matcher.js';
import type { DocumentStore } from '../storage/document-store.js';
import type { AcceptMessage, ChannelInbox } from './channel-inbox.js';
import type { HumanReply } from '../handoff/platform-takeover.js';
import type { TypingSignal } from '../handoff/customer-typing.js';

/** Platform clients handed in instead of the ones a channel makes itself (tests hand in clients pointed at their fakes). */
export interface ChannelClients {
  telegramBot?: Telegraf | null;
}

/** What every channel module is handed to build its parts. */
export interface ChannelContext {
  /** The core settings (the channel's own slice is handed to `create` beside this). */
  config: Config;
  store: DocumentStore;
  logger: Logger;
  clients: ChannelClients;
  /** Stores one inbound message and starts the bot's turn (the engine's `accept`, bound once the engine exists). */
  onMessage: AcceptMessage;
  /** A store-then-acknowledge inbox over `onMessage` for this channel (its `idle()` is drained at shutdown). */
  inbox(channel: ChannelId): ChannelInbox;
  repositories: { customers: CustomerRepository; conversations: ConversationRepository; messages: MessageRepository };
  /** Records a platform's delivery receipt on the outbound message it names (the dispatcher's `recordReceipt`). */
  recordReceipt(channel: ChannelId, platformMessageId: string, state: DeliveryState): Promise<boolean>;
  intents: IntentMatcher;
  limits: PublicRateLimits;
  /**
   * A person answered the customer from the platform's own app (a Page inbox echo, the Zalo
   * OA console): the bot steps aside (`PlatformTakeover`); false when the customer is unknown.
   */
  humanReplied(reply: HumanReply): Promise<boolean>;
  /** The customer is typing (no text): shown to the agent who has the conversation open (`CustomerTyping`). */
  customerTyping(signal: TypingSignal): Promise<void>;
}

/** Routes a channel serves: `raw` ones are mounted before the JSON body parser (webhooks check signatures over the bytes), `json` ones under it. */
export interface ChannelRoutes {
  path: string;
  router: Router;
  body: 'raw' | 'json';
}

/** What the server knows once it listens. */
export interface Listening {
  server: Server;
  /** The base URL platforms reach this server at (PUBLIC_URL, or the listening address). */
  publicUrl: string;
  /** Whether PUBLIC_URL is set (platforms that push need it; Telegram polls without it). */
  public: boolean;
  clientAddress(request: IncomingMessage): string;
}

/** The parts of one enabled channel; each is optional. */
export interface ChannelParts {
  /** The sender, registered under the channel's id. */
  channel?: Channel;
  routes?: ChannelRoutes[];
  /** Starts what needs the listening server (a socket, a webhook registration, polling). */
  start?(listening: Listening): Promise<void> | void;
  /** Stops taking new messages (sockets, polling). */
  stop?(): Promise<void> | void;
  /** Resolves when the turns this channel started are done. */
  idle?(): Promise<void>;
  /** Lines for the start-up banner (e.g. how Telegram receives). */
  notes?(listening: Listening): string[];
  /** A start-up warning (e.g. an endpoint without authentication). */
  warning?: string | null;
}

/**
 * One channel, as one folder exports it: its id, its slice of the configuration, when that
 * slice turns it on, and how to build its parts. `src/channels/index.ts` lists them
 * all; adding a channel is its folder plus one line there.
 */
export interface ChannelModule<T extends ChannelSettings = ChannelSettings> {
  id: ChannelId;
  settings: T;
  /** Whether the slice has what the channel needs (its credentials): the module is built. */
  enabled(settings: SettingsOf<T>): boolean;
  /** Whether a built channel takes customer messages (default: when enabled); what `careline config` and the banner report. */
  open?(settings: SettingsOf<T>): boolean;
  create(context: ChannelContext, settings: SettingsOf<T>): ChannelParts | Promise<ChannelParts>;
}
