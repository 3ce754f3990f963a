import type { Filter } from '../document-store.js';

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split('.');
  let node = target;
  for (const part of parts.slice(0, -1)) {
    if (!isPlainObject(node[part])) node[part] = {};
    node = node[part] as Record<string, unknown>;
  }
  node[parts.at(-1)!] = value;
}

function isOperatorObject(value: Record<string, unknown>): boolean {
  return Object.keys(value).some((key) => key.startsWith('$'));
}

/**
 * The document MongoDB starts an upsert from: the filter's equality conditions
 * (`{ a: 1 }`, `{ a: { $eq: 1 } }`, and those inside a top-level `$and`).
 */
export function upsertSeed(filter: Filter): Record<string, unknown> {
  const seed: Record<string, unknown> = {};
  const visit = (conditions: Filter) => {
    for (const [field, condition] of Object.entries(conditions)) {
      if (field === '$and' && Array.isArray(condition)) {
        condition.forEach((part) => visit(part as Filter));
      } else if (field.startsWith('$')) {
        continue;
      } else if (isPlainObject(condition) && isOperatorObject(condition)) {
        if ('$eq' in condition) setPath(seed, field, condition.$eq);
      } else {
        setPath(seed, field, structuredClone(condition));
      }
    }
  };
  visit(filter);
  return seed;
}
