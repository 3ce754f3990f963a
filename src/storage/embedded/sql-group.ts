import type { Filter, Pipeline } from '../document-store.js';
import { fieldExpression, sqlPrefilter, type FieldKind } from './sql-prefilter.js';

type SqlValue = string | number;

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
}

/** A group key: a declared group field, or `$dateToString` of a date field with a fixed offset. */
function keyColumn(expression: unknown, groupFields: ReadonlyMap<string, GroupFieldKind>): Column | null {
  if (typeof expression === 'string' && fieldPattern.test(expression)) {
    const kind = groupFields.get(expression.slice(1));
    return kind ? { value: fieldExpression(expression.slice(1)), kind } : null;
  }
  if (!isPlainObject(expression) || Object.keys(expression).length !== 1 || !isPlainObject(expression.$dateToString)) return null;
  const { format, date, timezone, ...rest } = expression.$dateToString;
  if (Object.keys(rest).length > 0 || typeof format !== 'string' || !supportedFormat.test(format) || typeof date !== 'string' || !fieldPattern.test(date)) return null;
  let modifier = '';
  if (timezone !== undefined) {
    const offset = typeof timezone === 'string' ? timezone.match(offsetPattern) : null;
    if (!offset) return null;
    const minutes = (Number(offset[2]) * 60 + Number(offset[3])) * (offset[1] === '-' ? -1 : 1);
    modifier = `, '${minutes >= 0 ? '+' : ''}${minutes} minutes'`;
  }
  return { value: `strftime('${format}', ${fieldExpression(date.slice(1), 'date')}${modifier})`, kind: 'date' };
}

const numeric = (path: string) => `CASE WHEN json_type(doc, '$.${path}') IN ('integer', 'real') THEN ${fieldExpression(path)} END`;
const millis = (path: string) => `unixepoch(${fieldExpression(path, 'date')}, 'subsec') * 1000`;

/** The SQL operand of `$sum`/`$avg`: a numeric field, or the difference of two date fields in ms. */
function operand(expression: unknown): string | null {
  if (typeof expression === 'string' && fieldPattern.test(expression)) return numeric(expression.slice(1));
  if (!isPlainObject(expression) || !Array.isArray(expression.$subtract) || Object.keys(expression).length !== 1) return null;
  const [left, right] = expression.$subtract as unknown[];
  if (typeof left !== 'string' || typeof right !== 'string' || !fieldPattern.test(left) || !fieldPattern.test(right)) return null;
  return `ROUND(${millis(left.slice(1))} - ${millis(right.slice(1))})`;
}

function accumulator(spec: unknown): string | null {
  if (!isPlainObject(spec) || Object.keys(spec).length !== 1) return null;
  const [[name, expression]] = Object.entries(spec) as [[string, unknown]];
  if (name === '$sum' && typeof expression === 'number' && Number.isFinite(expression)) return `COUNT(*) * ${expression}`;
  const sql = operand(expression);
  if (!sql) return null;
  if (name === '$sum') return `COALESCE(SUM(${sql}), 0)`;
  if (name === '$avg') return `AVG(${sql})`;
  return null;
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
 * Plans a pipeline that starts with `$group` (optionally after a `$match` on indexed fields)
 * as one SQL `GROUP BY`, so a report over a million documents never decodes them: keys are
 * the collection's declared `groupFields` or `$dateToString` of a date (formats %Y %m %d %G
 * %V %H, UTC or a fixed `+07:00` offset); accumulators are `$sum` of a constant or a numeric field and `$sum`/`$avg` of a
 * field or of the difference of two dates. Anything else returns null and mingo runs the
 * pipeline as before; the results are the same either way (checked by the contract suite).
 */
export function planSqlGroup(pipeline: Pipeline, table: string, indexed: ReadonlyMap<string, FieldKind>, groupFields: ReadonlyMap<string, GroupFieldKind>): SqlGroupPlan | null {
  const hasMatch = pipeline[0] !== undefined && '$match' in pipeline[0];
  const match = (hasMatch ? pipeline[0]!.$match : {}) as Filter;
  const group = pipeline[hasMatch ? 1 : 0]?.$group;
  if (!isPlainObject(match) || !isPlainObject(group) || !isExactPrefilter(match, indexed)) return null;
  const { _id: id, ...accumulators } = group;
  const keyEntries: [string | null, Column][] = [];
  if (typeof id === 'string' || (isPlainObject(id) && '$dateToString' in id)) {
    const column = keyColumn(id, groupFields);
    if (!column) return null;
    keyEntries.push([null, column]);
  } else if (isPlainObject(id)) {
    for (const [name, expression] of Object.entries(id)) {
      const column = keyColumn(expression, groupFields);
      if (!column || name.startsWith('$') || name.includes('.')) return null;
      keyEntries.push([name, column]);
    }
  } else if (id !== null) {
    return null;
  }
  const accumulatorSql: [string, string][] = [];
  for (const [name, spec] of Object.entries(accumulators)) {
    const sql = accumulator(spec);
    if (!sql || name.includes('.') || name.startsWith('$')) return null;
    accumulatorSql.push([name, sql]);
  }
  const { where, params } = sqlPrefilter(match, indexed);
  const single = keyEntries.length === 1 && keyEntries[0]![0] === null;
  const selects = [...keyEntries.map(([, column], index) => `${column.value} AS k${index}`), ...accumulatorSql.map(([, sql], index) => `${sql} AS a${index}`)];
  const groupBy = keyEntries.length > 0 ? `GROUP BY ${keyEntries.map((_, index) => `k${index}`).join(', ')}` : '';
  const sql = `SELECT ${selects.length > 0 ? selects.join(', ') : '1'} FROM ${table} ${where} ${groupBy}`;
  return {
    sql,
    params,
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
