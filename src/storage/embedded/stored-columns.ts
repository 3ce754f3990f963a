import type { CollectionSpec } from '../collections.js';

/** How the embedded store keeps a field in a column: plain scalars, or dates (kept as `{ $date: ISO }`, the column holds the ISO text). */
export type FieldKind = 'scalar' | 'date';

const pathPattern = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;

function checkedPath(field: string): string {
  if (!pathPattern.test(field)) throw new Error(`Field name "${field}" is not a plain dotted path`);
  return field;
}

/** The field read from JSON document text (`doc`, or a bound parameter such as `@doc`); parses it. */
export function jsonExpression(field: string, kind: FieldKind = 'scalar', source = 'doc'): string {
  checkedPath(field);
  // ISO-8601 strings of the same shape sort like the instants they name.
  return kind === 'date' ? `json_extract(${source}, '$.${field}."$date"')` : `json_extract(${source}, '$.${field}')`;
}

/**
 * The column holding a field the collection declares (indexed, or grouped by in reports).
 * Columns are plain SQLite columns the store writes with each document (see
 * `storedColumns`), so indexes on them can answer queries and GROUP BYs alone; SQLite never
 * reads generated columns from an index. The kind is part of the name, so a field that
 * changes kind gets a new column instead of a stale one.
 */
export function fieldExpression(field: string, kind: FieldKind = 'scalar'): string {
  if (checkedPath(field) === '_id') return '_id';
  return `"${kind === 'date' ? 'd' : 'f'}:${field}"`;
}

/** The column holding the UTC hour (`YYYY-MM-DDTHH`) of a report date field. */
export function hourColumn(field: string): string {
  return `"h:${checkedPath(field)}"`;
}

/** The indexed fields of a collection and their kinds (what the SQL prefilter may use). */
export function indexedFieldKinds(spec: CollectionSpec): Map<string, FieldKind> {
  const kinds = new Map<string, FieldKind>();
  for (const index of spec.indexes) {
    for (const field of Object.keys(index.keys)) kinds.set(field, index.dates?.includes(field) ? 'date' : 'scalar');
  }
  return kinds;
}

/**
 * Date fields reports bucket by: the indexed dates of a collection that declares group
 * fields. Each gets an hour column and a report index (see `indexStatements`).
 */
export function reportDateFields(spec: CollectionSpec): string[] {
  if (!spec.groupFields || Object.keys(spec.groupFields).length === 0) return [];
  return [...indexedFieldKinds(spec)].flatMap(([field, kind]) => (kind === 'date' ? [field] : []));
}

/** The name of the report index of a date field. */
export function reportIndexName(collection: string, dateField: string): string {
  return `rx_${collection}_${dateField.replaceAll('.', '_')}`;
}

/** One stored column: its quoted name and the SQL computing it from document text (`source`). */
export interface StoredColumn {
  name: string;
  value(source: string): string;
}

/** The columns a collection's table keeps beside `_id` and `doc`, computed from the document on every write. */
export function storedColumns(spec: CollectionSpec): StoredColumn[] {
  const kinds = indexedFieldKinds(spec);
  for (const field of Object.keys(spec.groupFields ?? {})) if (!kinds.has(field)) kinds.set(field, 'scalar');
  kinds.delete('_id');
  const columns: StoredColumn[] = [...kinds].map(([field, kind]) => ({ name: fieldExpression(field, kind), value: (source) => jsonExpression(field, kind, source) }));
  for (const field of reportDateFields(spec)) columns.push({ name: hourColumn(field), value: (source) => `substr(${jsonExpression(field, 'date', source)}, 1, 13)` });
  return columns;
}

/**
 * The `CREATE INDEX` statements of a collection, by index name: the spec's indexes on the
 * stored columns, and for each report date field a report index on (hour, group fields…,
 * date). A report's `$group` by period and group fields walks that index in its order, so
 * SQLite counts each hour's groups as it reads them, without parsing or sorting documents.
 */
export function indexStatements(spec: CollectionSpec, table: string): Map<string, string> {
  const statements = new Map<string, string>();
  const kinds = indexedFieldKinds(spec);
  for (const index of spec.indexes) {
    const fields = Object.keys(index.keys);
    const name = `ix_${spec.name}_${fields.join('_').replaceAll('.', '_')}`;
    const columns = fields.map((field) => fieldExpression(field, kinds.get(field))).join(', ');
    // SQLite treats NULLs as distinct in unique indexes, so absent keys never clash; MongoDB
    // needs a partial index for the same effect (see the MongoDB adapter).
    const partial = index.sparse ? ` WHERE ${fields.map((field) => `${fieldExpression(field, kinds.get(field))} IS NOT NULL`).join(' AND ')}` : '';
    statements.set(name, `CREATE ${index.unique ? 'UNIQUE ' : ''}INDEX "${name}" ON ${table} (${columns})${partial}`);
  }
  const grouped = Object.keys(spec.groupFields ?? {}).map((field) => fieldExpression(field, kinds.get(field)));
  for (const field of reportDateFields(spec)) {
    const name = reportIndexName(spec.name, field);
    statements.set(name, `CREATE INDEX "${name}" ON ${table} (${[hourColumn(field), ...grouped.filter((column) => column !== fieldExpression(field, 'date')), fieldExpression(field, 'date')].join(', ')})`);
  }
  return statements;
}
