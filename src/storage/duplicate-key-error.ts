import { AppError } from '../core/app-error.js';

/** A write clashed with `_id` or a unique index; both adapters throw this, never their own. */
export class DuplicateKeyError extends AppError {
  constructor(
    readonly collection: string,
    detail: string,
  ) {
    super(409, 'duplicate_key', `A ${collection} record with the same key already exists (${detail}).`);
  }
}
