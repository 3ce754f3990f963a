/**
 * JSON with dates: the embedded store keeps documents as JSON text and must give back
 * `Date` objects where MongoDB would, so `Date` values travel as `{ "$date": ISO }`.
 *
 * Both directions walk the document in plain JS instead of using JSON's replacer/reviver
 * callbacks, which cost a call from C++ into JS per key (measured ~3x slower on messages).
 */
interface DateBox {
  $date: string;
}

function isDateBox(value: object): value is DateBox {
  let keys = 0;
  for (const key in value) {
    if (key !== '$date' || ++keys > 1) return false;
  }
  return keys === 1 && typeof (value as DateBox).$date === 'string';
}

/** A copy of `value` with every Date replaced by its box; other values as JSON would see them. */
function boxDates(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Date) return { $date: value.toISOString() };
  if (Array.isArray(value)) return value.map(boxDates);
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return value;
  // No prototype: a key named __proto__ stays a plain key, as JSON.stringify would keep it.
  const copy = Object.create(null) as Record<string, unknown>;
  for (const key in value) {
    if (Object.hasOwn(value, key)) copy[key] = boxDates((value as Record<string, unknown>)[key]);
  }
  return copy;
}

/** Replaces date boxes by Dates, in place (the object was just parsed, nobody else holds it). */
function unboxDates(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = unboxDates(value[i]);
    return value;
  }
  if (isDateBox(value)) return new Date(value.$date);
  const record = value as Record<string, unknown>;
  for (const key in record) {
    const inner = record[key];
    if (inner === null || typeof inner !== 'object') continue;
    const unboxed = unboxDates(inner);
    if (unboxed !== inner) record[key] = unboxed;
  }
  return record;
}

export function encodeDocument(doc: object): string {
  return JSON.stringify(boxDates(doc));
}

export function decodeDocument<T>(text: string): T {
  return unboxDates(JSON.parse(text)) as T;
}
