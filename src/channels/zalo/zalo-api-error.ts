import { ChannelSendError, type ChannelSendErrorOptions } from '../../core/channel-send-error.js';

/**
 * A Zalo call that failed, with Zalo's own error `code` when it gave one (Zalo answers most
 * errors with HTTP 200 and `error != 0`). A `ChannelSendError`, so the outbox retries the
 * temporary ones and records the permanent ones.
 */
export class ZaloApiError extends ChannelSendError {
  readonly code: number | undefined;

  constructor(message: string, options: ChannelSendErrorOptions & { code?: number } = {}) {
    const { code, ...rest } = options;
    super(message, rest);
    this.name = 'ZaloApiError';
    this.code = code;
  }
}
