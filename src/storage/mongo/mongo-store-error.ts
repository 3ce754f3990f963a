import { mongo } from 'mongoose';
import { DatabaseUnavailableError } from '../database-unavailable-error.js';
import { DuplicateKeyError } from '../duplicate-key-error.js';

// Server answers that mean "no usable server now": a time limit hit (MaxTimeMSExpired,
// ExceededTimeLimit), a primary stepping down or shutting down, a node recovering.
const unavailableCodes = new Set([6, 7, 50, 89, 91, 189, 262, 9001, 10107, 11600, 11602, 13435, 13436]);

// Driver errors that are not MongoNetworkError or MongoServerSelectionError but mean the same.
const unavailableNames = new Set(['MongoWaitQueueTimeoutError', 'MongoPoolClosedError', 'MongoNotConnectedError', 'MongoTopologyClosedError', 'MongoOperationTimeoutError', 'MongooseServerSelectionError']);

/** Whether a MongoDB failure means the database cannot serve now (a retry later may succeed). */
function isMongoUnavailable(error: unknown): boolean {
  if (error instanceof mongo.MongoNetworkError || error instanceof mongo.MongoServerSelectionError) return true;
  if (!(error instanceof Error)) return false;
  if (unavailableNames.has(error.name)) return true;
  // insertMany goes through a bulk write, which wraps the driver's error in a MongoBulkWriteError.
  const wrapped = error instanceof mongo.MongoBulkWriteError ? error.errorResponse : undefined;
  if (wrapped instanceof Error && wrapped !== error && isMongoUnavailable(wrapped)) return true;
  return error instanceof mongo.MongoError && typeof error.code === 'number' && unavailableCodes.has(error.code);
}

/**
 * A mongoose or driver error as the storage port's: `DuplicateKeyError` for a clash on a
 * unique key, `DatabaseUnavailableError` for a timeout or a missing server, else unchanged.
 */
export function storeErrorOf(collection: string, error: unknown): unknown {
  if ((error as { code?: unknown } | null)?.code === 11000) return new DuplicateKeyError(collection, (error as Error).message);
  if (isMongoUnavailable(error)) return new DatabaseUnavailableError(collection, (error as Error).message, { cause: error });
  return error;
}
