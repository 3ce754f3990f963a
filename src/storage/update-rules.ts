import type { Filter, Update } from './document-store.js';
import { newId } from './new-id.js';

/** Throws unless every top-level key of an update is an update operator, as MongoDB requires. */
export function assertUpdateOperators(update: Update): void {
  const keys = Object.keys(update);
  if (keys.length === 0 || keys.some((key) => !key.startsWith('$'))) {
    throw new Error(`An update must use operators such as $set, got keys: ${keys.join(', ') || '(none)'}`);
  }
}

/**
 * Careline ids are strings it chooses, never server-made ObjectIds: an upsert whose filter
 * names no `_id` gets one in `$setOnInsert`, on both adapters.
 */
export function withUpsertId(filter: Filter, update: Update, prefix: string): Update {
  const setOnInsert = (update.$setOnInsert ?? {}) as Record<string, unknown>;
  if ('_id' in filter || '_id' in setOnInsert) return update;
  return { ...update, $setOnInsert: { ...setOnInsert, _id: newId(prefix) } };
}
