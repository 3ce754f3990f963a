import type { RequestHandler } from 'express';
import type { Config } from '../config/config-schema.js';
import { TooManyRequestsError } from '../core/app-error.js';
import { addressKey } from './client-address.js';
import { RateLimiter } from './rate-limiter.js';

/**
 * The rate limits of the public chat endpoints (the chat API, the widget's session,
 * messages and socket frames), one instance for all of them: per client address
 * (`RATE_LIMIT_PER_MINUTE`) and per sender (`RATE_LIMIT_PER_SENDER_PER_MINUTE`). Platform
 * webhooks are not limited by address: their requests come from the platforms.
 */
export class PublicRateLimits {
  private readonly byAddress: RateLimiter;
  private readonly bySender: RateLimiter;

  constructor(settings: Config['rateLimits']) {
    this.byAddress = new RateLimiter(settings.perAddressPerMinute);
    this.bySender = new RateLimiter(settings.perSenderPerMinute);
  }

  /** Counts a request from `address`; the refusal to give when it is over the limit, else null. */
  address(address: string | undefined): TooManyRequestsError | null {
    const wait = this.byAddress.take(addressKey(address));
    return wait ? new TooManyRequestsError(`Too many requests from your address; try again in ${wait} s.`, wait) : null;
  }

  /** Counts a message from `sender` on `channel`; the refusal to give when it is over the limit, else null. */
  sender(channel: string, sender: string): TooManyRequestsError | null {
    const wait = this.bySender.take(`${channel}:${sender}`);
    return wait ? new TooManyRequestsError(`Too many messages from this sender; try again in ${wait} s.`, wait) : null;
  }

  /** Middleware answering 429 (with Retry-After) to an address over its limit. */
  byClientAddress(): RequestHandler {
    return (req, _res, next) => {
      const refusal = this.address(req.ip);
      if (refusal) throw refusal;
      next();
    };
  }
}
