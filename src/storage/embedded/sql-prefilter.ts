import type { Filter, Sort } from '../document-store.js';
import { fieldExpression, type FieldKind } from './stored-columns.js';

type Scalar = string | number | boolean;
type SqlValue = string | number;

function isScalar(value: unknown): value is Scalar {
  return typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value));
}

// SQLite's json_extract gives JSON true/false back as 1/0.
function toSqlValue(value: Scalar): SqlValue {
  return typeof value === 'boolean' ? Number(value) : value;
}

const rangeOperators: Record<string, string> = { $lt: '<', $lte: '<=', $gt: '>', $gte: '>=' };

function isOperatorObject(condition: unknown): condition is Record<string, unknown> {
  return typeof condition === 'object' && condition !== null && !Array.isArray(condition) && !(condition instanceof Date);
}

function scalarClauses(expression: string, condition: unknown): [string, SqlValue[]] | null {
  if (isScalar(condition)) return [`${expression} = ?`, [toSqlValue(condition)]];
  if (!isOperatorObject(condition)) return null;
  const { $eq, $in } = condition;
  if (isScalar($eq)) return [`${expression} = ?`, [toSqlValue($eq)]];
  if (Array.isArray($in) && $in.length > 0 && $in.every(isScalar)) return [`${expression} IN (${$in.map(() => '?').join(', ')})`, $in.map(toSqlValue)];
  return null;
}

function dateClauses(expression: string, condition: unknown): [string, SqlValue[]] | null {
  if (condition instanceof Date) return [`${expression} = ?`, [condition.toISOString()]];
  if (!isOperatorObject(condition)) return null;
  const parts = Object.entries(condition).filter(([operator, operand]) => operator in rangeOperators && operand instanceof Date);
  if (parts.length === 0) return null;
  return [parts.map(([operator]) => `${expression} ${rangeOperators[operator]} ?`).join(' AND '), parts.map(([, operand]) => (operand as Date).toISOString())];
}

/**
 * A SQL condition that keeps every document the filter can match and drops most others:
 * top-level equality or `$in` on indexed scalar fields, equality or ranges on indexed date
 * fields. mingo then applies the whole filter, so this only has to be a superset.
 */
export function sqlPrefilter(filter: Filter, indexed: ReadonlyMap<string, FieldKind>): { where: string; params: SqlValue[] } {
  const clauses: string[] = [];
  const params: SqlValue[] = [];
  for (const [field, condition] of Object.entries(filter)) {
    const kind = field === '_id' ? 'scalar' : indexed.get(field);
    if (!kind) continue;
    const clause = kind === 'date' ? dateClauses(fieldExpression(field, kind), condition) : scalarClauses(fieldExpression(field, kind), condition);
    if (!clause) continue;
    clauses.push(clause[0]);
    params.push(...clause[1]);
  }
  return { where: clauses.length > 0 ? `WHERE ${clauses.join(' AND ')}` : '', params };
}

/**
 * An ORDER BY that yields rows in the sort's order when the sort is one indexed field, so a
 * limited query can stop reading early; null when the sort needs mingo.
 */
export function sqlOrder(sort: Sort | undefined, indexed: ReadonlyMap<string, FieldKind>): string | null {
  const entries = Object.entries(sort ?? {});
  if (entries.length !== 1) return null;
  const [field, direction] = entries[0]!;
  const kind = field === '_id' ? 'scalar' : indexed.get(field);
  return kind ? `ORDER BY ${fieldExpression(field, kind)} ${direction === -1 ? 'DESC' : 'ASC'}` : null;
}
