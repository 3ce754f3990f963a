import { isDeepStrictEqual } from 'node:util';
import type { Filter, Update } from '../document-store.js';
import type { FieldKind } from './stored-columns.js';

type Doc = Record<string, unknown>;

const isPlainField = (key: string) => key.length > 0 && !key.includes('.') && !key.startsWith('$');

/**
 * Whether the SQL prefilter of `filter` is already exact: every condition is a string
 * equality on `_id` or an indexed scalar field (index fields hold scalars, and SQLite
 * compares text as MongoDB does), so mingo need not test the rows again.
 */
export function isExactFilter(filter: Filter, indexed: ReadonlyMap<string, FieldKind>): boolean {
  for (const field in filter) {
    if (typeof filter[field] !== 'string') return false;
    if (field !== '_id' && indexed.get(field) !== 'scalar') return false;
  }
  return true;
}

function copyValue(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  return value instanceof Date ? new Date(value.getTime()) : structuredClone(value);
}

/**
 * Applies an update made only of `$set`, `$unset` and `$inc` on top-level fields (the
 * updates Careline makes on every message) directly, with MongoDB's result; returns whether
 * the document changed, or null when the update needs mingo (dotted paths, other operators).
 */
export function applyPlainUpdate(doc: Doc, update: Update): boolean | null {
  for (const operator in update) {
    if (operator !== '$set' && operator !== '$unset' && operator !== '$inc' && operator !== '$setOnInsert') return null;
    const fields = update[operator];
    if (typeof fields !== 'object' || fields === null) return null;
    for (const key in fields as Doc) {
      const value = (fields as Doc)[key];
      if (!isPlainField(key) || value === undefined) return null;
      if (operator === '$inc' && (typeof value !== 'number' || (doc[key] !== undefined && typeof doc[key] !== 'number'))) return null;
    }
  }
  let changed = false;
  for (const [key, value] of Object.entries((update.$set ?? {}) as Doc)) {
    if (key in doc && isDeepStrictEqual(doc[key], value)) continue;
    doc[key] = copyValue(value);
    changed = true;
  }
  for (const key of Object.keys((update.$unset ?? {}) as Doc)) {
    if (!(key in doc)) continue;
    delete doc[key];
    changed = true;
  }
  for (const [key, value] of Object.entries((update.$inc ?? {}) as Record<string, number>)) {
    if (value === 0 && key in doc) continue;
    doc[key] = ((doc[key] as number | undefined) ?? 0) + value;
    changed = true;
  }
  return changed;
}
