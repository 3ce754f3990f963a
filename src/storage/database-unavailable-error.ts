import { AppError } from '../core/app-error.js';

/** Seconds a client is told to wait before retrying (a replica set elects a new primary in about 12 s). */
const retryAfterSeconds = 5;

/**
 * The store did not answer in time or has no server to talk to (MongoDB frozen, down,
 * electing a primary; the embedded store's file locked by another process). Both adapters
 * throw this, never their driver's error; the HTTP error handler answers 503
 * `database_unavailable` with `Retry-After`, so clients and platforms send the request again.
 * The answer names no host: `where` and `detail` are for the log.
 */
export class DatabaseUnavailableError extends AppError {
  constructor(
    readonly where: string,
    readonly detail: string,
    options?: { cause?: unknown },
  ) {
    super(503, 'database_unavailable', 'The database did not answer in time; try again in a few seconds.', undefined, retryAfterSeconds);
    if (options?.cause !== undefined) this.cause = options.cause;
  }
}
