import { ChannelSendError } from '../../core/channel-send-error.js';

/** The parts of @azure/core-rest-pipeline's RestError, which the connector client throws. */
interface RestErrorLike {
  statusCode: number;
  message: string;
  response?: { headers?: { get?: (name: string) => string | undefined } };
}

function isRestError(error: unknown): error is RestErrorLike {
  return typeof error === 'object' && error !== null && typeof (error as RestErrorLike).statusCode === 'number';
}

/**
 * Classifies a connector failure for the outbox, after the connector client's own three
 * retries of 429 and 5xx (its HTTP pipeline always has them): 429 and 5xx are retryable
 * (after Retry-After when given), other 4xx are permanent (the conversation is gone, the
 * bot was removed), and a failure without a status (network, token) is retryable.
 */
export function sendErrorOf(error: unknown): ChannelSendError {
  if (!isRestError(error)) return new ChannelSendError(`Bot Framework send failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  return ChannelSendError.fromHttp('Bot Framework send', error.statusCode, { retryAfter: error.response?.headers?.get?.('retry-after') ?? null, detail: error.message });
}
