import type { Filter, Pipeline } from '../document-store.js';
import { sqlPrefilter } from './sql-prefilter.js';
import { fieldExpression, hourColumn, jsonExpression, type FieldKind } from './stored-columns.js';
import { isTimeZoneName } from '../../core/zone-offset.js';
import { isWholeHours, offsetModifierSql, offsetSpans } from './zone-hours.js';

type SqlValue = string | number;

/** What a collection's table offers a GROUP BY: indexed fields, declared group fields, report indexes by date field. */
export interface GroupSchema {
  indexed: ReadonlyMap<string, FieldKind>;
  groupFields: ReadonlyMap<string, GroupFieldKind>;
  /** The report index (hour, group fields…, date) of each report date field. */
  reportIndexes: ReadonlyMap<string, string>;
}

/** A leading `$match` + `$group` turned into one SQL query, and how to turn its rows back into group documents. */
export interface SqlGroupPlan {
  sql: string;
  params: SqlValue[];
  /** The group document of a row. */
  toDocument(row: Record<string, unknown>): Record<string, unknown>;
  /** How many pipeline stages the SQL replaces (1 or 2). */
  consumed: number;
}

const fieldPattern = /^\$[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;
const supportedFormat = /^(%[YmdGVH]|[-: W])*$/;
const offsetPattern = /^([+-])(\d{2}):?(\d{2})$/;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

/** How a group key comes out of SQL: a declared scalar or boolean field, or a formatted date. */
type GroupFieldKind = 'scalar' | 'boolean';

interface Column {
  /** SQL giving the value. */
  value: string;
  kind: GroupFieldKind | 'date';
  /** The declared field (scalar and boolean keys). */
  field?: string;
  /**
   * `$dateToString` parts (date keys): the date field, the format, and a fixed offset in
   * minutes or a zone name (a zone with DST has no plain SQL `value`; only `hourPlan` can group by it).
   */
  date?: { field: string; format: string; offset: number } | { field: string; format: string; zone: string };
}

/** A date field: its column when the collection indexes it as a date, else read from the document. */
function dateExpression(path: string, indexed: ReadonlyMap<string, FieldKind>): string {
  return indexed.get(path) === 'date' ? fieldExpression(path, 'date') : jsonExpression(path, 'date');
}

/** A group key: a declared group field, or `$dateToString` of a date field with a fixed offset. */
function keyColumn(expression: unknown, groupFields: ReadonlyMap<string, GroupFieldKind>, indexed: ReadonlyMap<string, FieldKind>): Column | null {
  if (typeof expression === 'string' && fieldPattern.test(expression)) {
    const kind = groupFields.get(expression.slice(1));
    return kind ? { value: fieldExpression(expression.slice(1)), kind, field: expression.slice(1) } : null;
  }
  if (!isPlainObject(expression) || Object.keys(expression).length !== 1 || !isPlainObject(expression.$dateToString)) return null;
  const { format, date, timezone, ...rest } = expression.$dateToString;
  if (Object.keys(rest).length > 0 || typeof format !== 'string' || !supportedFormat.test(format) || typeof date !== 'string' || !fieldPattern.test(date)) return null;
  let minutes = 0;
  if (timezone !== undefined) {
    if (typeof timezone !== 'string') return null;
    const offset = timezone.match(offsetPattern);
    if (!offset) return isTimeZoneName(timezone) ? { value: '', kind: 'date', date: { field: date.slice(1), format, zone: timezone } } : null;
    minutes = (Number(offset[2]) * 60 + Number(offset[3])) * (offset[1] === '-' ? -1 : 1);
  }
  return { value: `strftime('${format}', ${dateExpression(date.slice(1), indexed)}, '${minutes >= 0 ? '+' : ''}${minutes} minutes')`, kind: 'date', date: { field: date.slice(1), format, offset: minutes } };
}

const numeric = (path: string) => `CASE WHEN json_type(doc, '$.${path}') IN ('integer', 'real') THEN ${jsonExpression(path)} END`;
const millis = (path: string, indexed: ReadonlyMap<string, FieldKind>) => `unixepoch(${dateExpression(path, indexed)}, 'subsec') * 1000`;

/** The SQL operand of `$sum`/`$avg`: a numeric field, or the difference of two date fields in ms. */
function operand(expression: unknown, indexed: ReadonlyMap<string, FieldKind>): string | null {
  if (typeof expression === 'string' && fieldPattern.test(expression)) return numeric(expression.slice(1));
  if (!isPlainObject(expression) || !Array.isArray(expression.$subtract) || Object.keys(expression).length !== 1) return null;
  const [left, right] = expression.$subtract as unknown[];
  if (typeof left !== 'string' || typeof right !== 'string' || !fieldPattern.test(left) || !fieldPattern.test(right)) return null;
  return `ROUND(${millis(left.slice(1), indexed)} - ${millis(right.slice(1), indexed)})`;
}

/** An accumulator's SQL; `count` is the constant of a `$sum` of a constant (a count times it). */
interface Accumulator {
  sql: string;
  count?: number;
}

function accumulator(spec: unknown, indexed: ReadonlyMap<string, FieldKind>): Accumulator | null {
  if (!isPlainObject(spec) || Object.keys(spec).length !== 1) return null;
  const [[name, expression]] = Object.entries(spec) as [[string, unknown]];
  if (name === '$sum' && typeof expression === 'number' && Number.isFinite(expression)) return { sql: `COUNT(*) * ${expression}`, count: expression };
  const sql = operand(expression, indexed);
  if (!sql) return null;
  if (name === '$sum') return { sql: `COALESCE(SUM(${sql}), 0)` };
  if (name === '$avg') return { sql: `AVG(${sql})` };
  return null;
}

/**
 * The UTC hours a range condition on a date field spans, as bounds on its hour column, and
 * the range's ends (when given); null unless it is a range or equality.
 */
function hourBounds(condition: unknown): { sql: string[]; params: string[]; lower?: Date; upper?: Date } | null {
  const bounds = condition instanceof Date ? { $gte: condition, $lte: condition } : isPlainObject(condition) ? condition : null;
  if (!bounds) return null;
  const found: { sql: string[]; params: string[]; lower?: Date; upper?: Date } = { sql: [], params: [] };
  for (const [operator, operand] of Object.entries(bounds)) {
    if (!(operand instanceof Date) || Number.isNaN(operand.getTime())) return null;
    if (operator === '$gte' || operator === '$gt') {
      found.sql.push('>= ?');
      found.lower = operand;
    } else if (operator === '$lte' || operator === '$lt') {
      found.sql.push('<= ?');
      found.upper = operand;
    } else {
      return null;
    }
    found.params.push(operand.toISOString().slice(0, 13));
  }
  return found.sql.length > 0 ? found : null;
}

/** strftime's modifier for a date key over the hour column: its fixed offset, or the zone's offset hour by hour; null when a UTC hour could span two local periods. */
function hourModifier(date: NonNullable<Column['date']>, range: { lower?: Date; upper?: Date }): string | null {
  if ('offset' in date) return date.offset % 60 === 0 ? `'${date.offset >= 0 ? '+' : ''}${date.offset} minutes'` : null;
  const spans = range.lower && range.upper ? offsetSpans(date.zone, range.lower, range.upper) : null;
  return spans && isWholeHours(spans) ? offsetModifierSql(spans, 'hk', 13) : null;
}

/**
 * The report-index form of a count over a date range: every key a group field or
 * `$dateToString` of the matched date with a whole-hour offset, every accumulator a count.
 * With a period key, an inner GROUP BY counts (hour, fields) in the report index's own order
 * (no sort, no document read) and an outer one folds the hours into periods, which is exact
 * because a whole-hour offset never splits a UTC hour between two local periods.
 */
function hourPlan(table: string, match: Filter, keys: Column[], accumulators: Accumulator[], schema: GroupSchema): { sql: string; params: SqlValue[] } | null {
  const [dateField, ...others] = Object.keys(match);
  const index = dateField === undefined ? undefined : schema.reportIndexes.get(dateField);
  if (dateField === undefined || others.length > 0 || !index || accumulators.some((entry) => entry.count === undefined)) return null;
  if (keys.some((key) => key.date && key.date.field !== dateField)) return null;
  const hours = hourBounds(match[dateField]);
  if (!hours) return null;
  const modifiers = keys.map((key) => (key.date ? hourModifier(key.date, hours) : ''));
  if (modifiers.some((modifier) => modifier === null)) return null;
  const hour = hourColumn(dateField);
  const { where, params } = sqlPrefilter(match, schema.indexed);
  const filter = `WHERE ${hours.sql.map((bound) => `${hour} ${bound}`).join(' AND ')} AND ${where.replace(/^WHERE /, '')}`;
  const allParams = [...hours.params, ...params];
  const source = `${table} INDEXED BY "${index}" ${filter}`;
  const keyNames = keys.map((_, position) => `k${position}`);
  const groupBy = (names: string[]) => (names.length > 0 ? `GROUP BY ${names.join(', ')}` : '');
  if (!keys.some((key) => key.date)) {
    const selects = [...keys.map((key, position) => `${key.value} AS k${position}`), ...accumulators.map((entry, position) => `${entry.sql} AS a${position}`)];
    return { sql: `SELECT ${selects.join(', ') || '1'} FROM ${source} ${groupBy(keyNames)}`, params: allParams };
  }
  // The inner GROUP BY lists the fields in the index's order so SQLite can stream it.
  const declared = [...schema.groupFields.keys()];
  const scalars = keys.flatMap((key, position) => (key.date ? [] : [{ key, position }])).sort((a, b) => declared.indexOf(a.key.field!) - declared.indexOf(b.key.field!));
  const inner = `SELECT ${[`${hour} AS hk`, ...scalars.map(({ key, position }) => `${key.value} AS k${position}`), 'COUNT(*) AS n'].join(', ')} FROM ${source} GROUP BY ${['hk', ...scalars.map(({ position }) => `k${position}`)].join(', ')}`;
  const outer = [
    ...keys.map((key, position) => (key.date ? `strftime('${key.date.format}', hk || ':00', ${modifiers[position]}) AS k${position}` : `k${position}`)),
    ...accumulators.map((entry, position) => `SUM(n) * ${entry.count} AS a${position}`),
  ];
  return { sql: `SELECT ${outer.join(', ')} FROM (${inner}) ${groupBy(keyNames)}`, params: allParams };
}

/** Whether the whole filter is exactly what the SQL prefilter enforces (so mingo need not check it again). */
function isExactPrefilter(filter: Filter, indexed: ReadonlyMap<string, FieldKind>): boolean {
  return Object.keys(filter).every((field) => sqlPrefilter({ [field]: filter[field] }, indexed).where !== '');
}

/** A key's value as MongoDB gives it: booleans back from 1/0, undefined for an absent field. */
function restore(value: unknown, kind: Column['kind']): unknown {
  if (kind === 'date') return value ?? null;
  if (value === null || value === undefined) return undefined;
  return kind === 'boolean' ? value === 1 : value;
}

/**
 * A date key in a named zone, formatted row by row with the offset in force at each date:
 * the zone's changes within the `$match` range of that date become a CASE. Null when the
 * range is not bounded on both ends (mingo then runs the pipeline).
 */
function withZoneValue(key: Column, match: Filter, indexed: ReadonlyMap<string, FieldKind>): Column | null {
  if (!key.date || !('zone' in key.date)) return key;
  const range = hourBounds(match[key.date.field]);
  const spans = range?.lower && range.upper ? offsetSpans(key.date.zone, range.lower, range.upper) : null;
  if (!spans) return null;
  const date = dateExpression(key.date.field, indexed);
  return { ...key, value: `strftime('${key.date.format}', ${date}, ${offsetModifierSql(spans, date)})` };
}

/** One GROUP BY straight over the table, reading keys from stored columns (or the document for undeclared dates). */
function plainPlan(table: string, match: Filter, resolved: (Column | null)[], accumulators: Accumulator[], indexed: ReadonlyMap<string, FieldKind>): { sql: string; params: SqlValue[] } | null {
  if (resolved.some((key) => key === null)) return null;
  const keys = resolved as Column[];
  const { where, params } = sqlPrefilter(match, indexed);
  const selects = [...keys.map((key, position) => `${key.value} AS k${position}`), ...accumulators.map((entry, position) => `${entry.sql} AS a${position}`)];
  const groupBy = keys.length > 0 ? `GROUP BY ${keys.map((_, position) => `k${position}`).join(', ')}` : '';
  return { sql: `SELECT ${selects.length > 0 ? selects.join(', ') : '1'} FROM ${table} ${where} ${groupBy}`, params };
}

/**
 * Plans a pipeline that starts with `$group` (optionally after a `$match` on indexed fields)
 * as one SQL `GROUP BY`, so a report over a million documents never decodes them: keys are
 * the collection's declared `groupFields` or `$dateToString` of a date (formats %Y %m %d %G
 * %V %H, UTC or a fixed `+07:00` offset); accumulators are `$sum` of a constant or a
 * numeric field and `$sum`/`$avg` of a field or of the difference of two dates. Counts over
 * a range of a report date field read only the report index (see `hourPlan`). Anything else
 * returns null and mingo runs the pipeline as before; the results are the same either way
 * (checked by the contract suite).
 */
export function planSqlGroup(pipeline: Pipeline, table: string, schema: GroupSchema): SqlGroupPlan | null {
  const { indexed, groupFields } = schema;
  const hasMatch = pipeline[0] !== undefined && '$match' in pipeline[0];
  const match = (hasMatch ? pipeline[0]!.$match : {}) as Filter;
  const group = pipeline[hasMatch ? 1 : 0]?.$group;
  if (!isPlainObject(match) || !isPlainObject(group) || !isExactPrefilter(match, indexed)) return null;
  const { _id: id, ...accumulators } = group;
  const keyEntries: [string | null, Column][] = [];
  if (typeof id === 'string' || (isPlainObject(id) && '$dateToString' in id)) {
    const column = keyColumn(id, groupFields, indexed);
    if (!column) return null;
    keyEntries.push([null, column]);
  } else if (isPlainObject(id)) {
    for (const [name, expression] of Object.entries(id)) {
      const column = keyColumn(expression, groupFields, indexed);
      if (!column || name.startsWith('$') || name.includes('.')) return null;
      keyEntries.push([name, column]);
    }
  } else if (id !== null) {
    return null;
  }
  const accumulatorSql: [string, Accumulator][] = [];
  for (const [name, spec] of Object.entries(accumulators)) {
    const sql = accumulator(spec, indexed);
    if (!sql || name.includes('.') || name.startsWith('$')) return null;
    accumulatorSql.push([name, sql]);
  }
  const single = keyEntries.length === 1 && keyEntries[0]![0] === null;
  const keys = keyEntries.map(([, column]) => column);
  const counted = accumulatorSql.map(([, entry]) => entry);
  const planned = hourPlan(table, match, keys, counted, schema) ?? plainPlan(table, match, keys.map((key) => withZoneValue(key, match, indexed)), counted, indexed);
  if (!planned) return null;
  return {
    ...planned,
    consumed: hasMatch ? 2 : 1,
    toDocument(row) {
      const keys = keyEntries.map(([, column], index) => restore(row[`k${index}`], column.kind));
      // Inside an object key an absent field is left out, as MongoDB does; a lone key is null.
      const _id = keyEntries.length === 0 ? null : single ? (keys[0] ?? null) : Object.fromEntries(keyEntries.flatMap(([name], index) => (keys[index] === undefined ? [] : [[name!, keys[index]]])));
      const doc: Record<string, unknown> = { _id };
      accumulatorSql.forEach(([name], index) => {
        doc[name] = row[`a${index}`] ?? null;
      });
      return doc;
    },
  };
}
