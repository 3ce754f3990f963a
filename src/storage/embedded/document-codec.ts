/**
 * JSON with dates: the embedded store keeps documents as JSON text and must give back
 * `Date` objects where MongoDB would, so `Date` values travel as `{ "$date": ISO }`.
 */
interface DateBox {
  $date: string;
}

function isDateBox(value: unknown): value is DateBox {
  return typeof value === 'object' && value !== null && Object.keys(value).length === 1 && typeof (value as DateBox).$date === 'string';
}

export function encodeDocument(doc: object): string {
  return JSON.stringify(doc, function encodeDates(this: Record<string, unknown>, key, value: unknown) {
    const raw = this[key];
    return raw instanceof Date ? { $date: raw.toISOString() } : value;
  });
}

export function decodeDocument<T>(text: string): T {
  return JSON.parse(text, (_key, value: unknown) => (isDateBox(value) ? new Date(value.$date) : value)) as T;
}
