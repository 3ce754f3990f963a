/** What a channel knows about a failed send, for the outbox to decide whether and when to retry. */
export interface ChannelSendErrorOptions {
  /** The platform asked to wait this long before trying again (HTTP Retry-After, Telegram `retry_after`). */
  retryAfterMs?: number;
  /** Retrying cannot help (blocked by the user, bad address, malformed message): do not retry. */
  permanent?: boolean;
  /** The platform's HTTP status, when there was a response. */
  status?: number;
  cause?: unknown;
}

/**
 * A channel's send failed. Throw it from `Channel.send`: a 429 or 5xx is retryable (with
 * `retryAfterMs` when the platform says how long to wait), any other 4xx is `permanent`.
 * A plain `Error` (a network failure, a timeout) counts as retryable.
 *
 * It extends `Error`, not `AppError`: `status` is the platform's answer to us, not the
 * status Careline's own HTTP API should answer with.
 *
 * Example: `throw ChannelSendError.fromHttp('Telegram sendMessage', 429, { retryAfterMs: 5000 })`.
 */
export class ChannelSendError extends Error {
  readonly retryAfterMs?: number;
  readonly permanent: boolean;
  readonly status?: number;

  constructor(message: string, options: ChannelSendErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'ChannelSendError';
    this.permanent = options.permanent ?? false;
    if (options.retryAfterMs !== undefined && Number.isFinite(options.retryAfterMs) && options.retryAfterMs >= 0) this.retryAfterMs = options.retryAfterMs;
    if (options.status !== undefined) this.status = options.status;
  }

  /**
   * The error for an HTTP answer that was not a success: 429 and 5xx retryable, other 4xx
   * permanent. `retryAfter` may be the raw Retry-After header (seconds or an HTTP date).
   */
  static fromHttp(what: string, status: number, options: { retryAfter?: string | null; retryAfterMs?: number; detail?: string } = {}): ChannelSendError {
    const retryable = status === 429 || status >= 500;
    const retryAfterMs = options.retryAfterMs ?? parseRetryAfter(options.retryAfter);
    return new ChannelSendError(`${what} failed: HTTP ${status}${options.detail ? ` ${options.detail}` : ''}`, {
      status,
      permanent: !retryable,
      ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
    });
  }
}

/** Milliseconds to wait from a Retry-After header: delta-seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(header: string | null | undefined, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const text = header.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
