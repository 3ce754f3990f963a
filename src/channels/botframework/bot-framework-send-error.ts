/** A failed Bot Framework send: whether retrying can help, and when. */
export class BotFrameworkSendError extends Error {
  constructor(
    message: string,
    readonly details: { status?: number; retryAfterMs?: number; permanent: boolean },
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'BotFrameworkSendError';
  }
}

/** The parts of @azure/core-rest-pipeline's RestError, which the connector client throws. */
interface RestErrorLike {
  statusCode: number;
  response?: { headers?: { get?: (name: string) => string | undefined } };
}

function isRestError(error: unknown): error is RestErrorLike {
  return typeof error === 'object' && error !== null && typeof (error as RestErrorLike).statusCode === 'number';
}

function retryAfterMs(header: string | undefined): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

/**
 * Classifies a connector failure, after the connector client's own three retries of 429
 * and 5xx (its HTTP pipeline always has them): 429 and 5xx are worth retrying (after Retry-After when
 * given), other 4xx are permanent (the conversation is gone, the bot was removed), and a
 * failure without a status (network, token) is retried.
 */
export function sendErrorOf(error: unknown): BotFrameworkSendError {
  const cause = error instanceof Error ? error.message : String(error);
  if (!isRestError(error)) return new BotFrameworkSendError(`Bot Framework send failed: ${cause}`, { permanent: false }, { cause: error });
  const status = error.statusCode;
  const permanent = status >= 400 && status < 500 && status !== 429;
  const wait = retryAfterMs(error.response?.headers?.get?.('retry-after'));
  return new BotFrameworkSendError(`Bot Framework connector answered ${status}: ${cause}`, { status, permanent, ...(wait !== undefined ? { retryAfterMs: wait } : {}) }, { cause: error });
}
