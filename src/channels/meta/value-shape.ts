/**
 * The shape of a webhook item without its values (`{ message: { text: 'string' } }`), so a
 * skipped event can be logged for debugging without writing what the customer said, their
 * phone number or their name into the logs.
 */
export function shapeOf(value: unknown, depth = 3): unknown {
  if (Array.isArray(value)) return value.length === 0 ? [] : [shapeOf(value[0], depth - 1)];
  if (value === null) return 'null';
  if (typeof value !== 'object') return typeof value;
  if (depth <= 0) return 'object';
  return Object.fromEntries(Object.entries(value as Record<string, unknown>).slice(0, 30).map(([key, child]) => [key, shapeOf(child, depth - 1)]));
}
