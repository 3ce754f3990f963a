import { APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import type { Logger } from 'pino';
import { ZodError } from 'zod';
import { ModelTimeoutError } from './model-deadline.js';

/** The provider answered, but not with what the wire format promises. */
export class ModelResponseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ModelResponseError';
  }
}

/** A short, secret-free reason for a failed provider call, for logs and "try it". */
export function describeModelFailure(error: unknown): string {
  if (error instanceof ModelTimeoutError) return `timed out (${error.message})`;
  if (error instanceof APIConnectionTimeoutError || error instanceof APIUserAbortError) return 'timed out';
  if (error instanceof APIError && error.status) return `HTTP ${error.status}`;
  if (error instanceof SyntaxError) return 'malformed JSON';
  if (error instanceof ZodError) return `unexpected response shape (${error.issues[0]?.path.join('.') || 'body'}: ${error.issues[0]?.message ?? ''})`;
  if (error instanceof ModelResponseError) return error.message;
  if (error instanceof APIError) return `unreachable (${error.message})`;
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/**
 * Logs provider failures once per outage, not once per customer turn: the first failure of
 * a stage (embeddings, wording, article embeddings) after a success is a warning with the
 * reason, the rest are counted, and the stage's first success after them says how many
 * calls fell back to the offline path.
 */
export class ModelFailureLog {
  private readonly failuresInARow = new Map<string, number>();

  constructor(private readonly logger: Logger) {}

  /** Records a failed call of `stage`; returns its reason. */
  failed(stage: string, error: unknown): string {
    const reason = describeModelFailure(error);
    const count = this.failuresInARow.get(stage) ?? 0;
    if (count === 0) this.logger.warn({ stage, reason }, `OpenAI ${stage} failed (${reason}); using the offline answer until it recovers`);
    this.failuresInARow.set(stage, count + 1);
    return reason;
  }

  /** Records a successful call of `stage`. */
  succeeded(stage: string): void {
    const count = this.failuresInARow.get(stage) ?? 0;
    if (count === 0) return;
    this.logger.info({ stage, failures: count }, `OpenAI ${stage} answers again after ${count} failed call(s)`);
    this.failuresInARow.delete(stage);
  }
}
