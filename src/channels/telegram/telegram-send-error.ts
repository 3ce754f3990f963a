import { TelegramError } from 'telegraf';
import { ChannelSendError } from '../../core/channel-send-error.js';

/**
 * The `ChannelSendError` for a failed Bot API call: a 429 is retryable after its
 * `parameters.retry_after` seconds; a 5xx is retryable; any other Bot API error (400 bad
 * request, 403 blocked by the user, 404 unknown chat) is permanent. A network failure stays
 * retryable (no status).
 */
export function telegramSendError(method: string, error: unknown): ChannelSendError {
  const detail = error instanceof Error ? error.message : String(error);
  const message = `Telegram ${method} failed: ${detail}`;
  if (!(error instanceof TelegramError)) return new ChannelSendError(message, { cause: error });
  const status = error.code;
  const retryAfter = error.parameters?.retry_after;
  return new ChannelSendError(message, {
    status,
    cause: error,
    permanent: status !== 429 && status < 500,
    ...(status === 429 && retryAfter !== undefined ? { retryAfterMs: retryAfter * 1000 } : {}),
  });
}
