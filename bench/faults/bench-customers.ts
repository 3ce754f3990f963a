import { createHash } from 'node:crypto';
import { visitorIdOf } from '../../src/channels/webchat/webchat-token.js';
import type { PlatformName } from './fake-platforms.js';

/** Every channel a customer can write on. */
export type BenchChannel = PlatformName | 'rest' | 'webchat';

/** The webhook channels (the platform is answered by HTTP status and replies through the fake). */
export const webhookChannels: PlatformName[] = ['telegram', 'messenger', 'instagram', 'whatsapp', 'zalo', 'botframework'];

/** All channels, webhook ones first. */
export const allChannels: BenchChannel[] = [...webhookChannels, 'rest', 'webchat'];

/** One customer of one channel: how the platform names them, and how Careline stores them. */
export interface BenchCustomer {
  channel: BenchChannel;
  /** The id the platform puts in its payloads (Telegram user id, PSID, phone, REST sender, widget token…). */
  platformId: string;
  /** The identity Careline stores (`externalId` of the customer's identity). */
  externalId: string;
  /** Where the fake records replies to this customer (chat id, PSID, phone, Bot Framework conversation). */
  recipient: string;
}

const pad = (value: number, width: number) => String(value).padStart(width, '0');

/**
 * Customer number `index` of trial `trial` on `channel`, with ids of fixed width per channel
 * so that a search for one never matches a longer one. Deterministic: a trial that resends
 * after a restart names the same customers.
 */
export function benchCustomer(channel: BenchChannel, trial: number, index: number): BenchCustomer {
  const same = (id: string): BenchCustomer => ({ channel, platformId: id, externalId: id, recipient: id });
  switch (channel) {
    case 'telegram':
      return same(String(5_000_000_000 + trial * 100_000 + index));
    case 'messenger':
      return same(`7${pad(trial, 2)}${pad(index, 13)}`);
    case 'instagram':
      return same(`8${pad(trial, 2)}${pad(index, 13)}`);
    case 'whatsapp':
      return same(`849${pad(trial, 2)}${pad(index, 6)}`);
    case 'zalo':
      return same(`9${pad(trial, 2)}${pad(index, 15)}`);
    case 'botframework': {
      const user = `bf-user-${pad(trial, 2)}-${pad(index, 6)}`;
      return { channel, platformId: user, externalId: `emulator:${user}`, recipient: `bf-conv-${pad(trial, 2)}-${pad(index, 6)}` };
    }
    case 'rest':
      return same(`rest-sender-${pad(trial, 2)}-${pad(index, 6)}`);
    case 'webchat': {
      const token = createHash('sha256').update(`bench-widget-${trial}-${index}`).digest('base64url');
      return { channel, platformId: token, externalId: visitorIdOf(token), recipient: token };
    }
  }
}

/** Whether replies on this channel go to a (fake) platform, rather than back in the HTTP answer or the widget socket. */
export function isWebhookChannel(channel: BenchChannel): channel is PlatformName {
  return channel !== 'rest' && channel !== 'webchat';
}
