/*
 * Checks what the API sent against the JSON Schemas the server serves at /api/schemas (made
 * from the same zod schemas the server builds its answers with). A subset of JSON Schema, the
 * part that says what shape the data has: type, enum, const, properties, required, items,
 * anyOf / oneOf / allOf, and additionalProperties given as a schema (a record's values, e.g.
 * an article's translations by language). Extra fields are allowed (additionalProperties:
 * false is not enforced), and
 * string formats, patterns, lengths and bounds are not checked: a page reads fields, it does
 * not re-validate them. For that reason oneOf is read as anyOf. No DOM: it runs in Node too.
 */

/**
 * @typedef {{ type?: string | string[]; enum?: unknown[]; const?: unknown; properties?: Record<string, JsonSchema>; additionalProperties?: JsonSchema; required?: string[]; items?: JsonSchema; anyOf?: JsonSchema[]; oneOf?: JsonSchema[]; allOf?: JsonSchema[] } | boolean} JsonSchema
 * @typedef {{ path: string; problem: string }} Mismatch
 */

const join = (/** @type {string} */ path, /** @type {string} */ key) => (path ? `${path}.${key}` : key);
const typeOf = (/** @type {unknown} */ value) => (value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value);
const hasType = (/** @type {unknown} */ value, /** @type {string} */ type) => (type === 'integer' ? Number.isInteger(value) : type === 'number' ? typeof value === 'number' && Number.isFinite(value) : typeOf(value) === type);
const shown = (/** @type {unknown} */ value) => (typeOf(value) === 'object' || typeOf(value) === 'array' ? typeOf(value) : JSON.stringify(value) ?? 'nothing');

/**
 * What in `value` does not fit `schema`, each with its path below `path`
 * (`check({ type: 'object', required: ['state'] }, {}, 'conversation')` → `[{ path: 'conversation.state', problem: 'missing' }]`).
 * @param {JsonSchema} schema
 * @param {unknown} value
 * @returns {Mismatch[]}
 */
export const check = (schema, value, path = '') => {
  if (schema === true || schema === undefined) return [];
  if (schema === false) return [{ path, problem: 'not allowed here' }];
  if (schema.type !== undefined) {
    const types = [schema.type].flat();
    if (!types.some((type) => hasType(value, type))) return [{ path, problem: `expected ${types.join(' or ')}, got ${shown(value)}` }];
  }
  if (schema.enum && !schema.enum.includes(value)) return [{ path, problem: `expected one of ${schema.enum.map((option) => JSON.stringify(option)).join(', ')}, got ${shown(value)}` }];
  if ('const' in schema && schema.const !== value) return [{ path, problem: `expected ${JSON.stringify(schema.const)}, got ${shown(value)}` }];
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) {
    const tries = alternatives.map((alternative) => check(alternative, value, path));
    // None fits: tell what the closest one (the one that got deepest into the value) found.
    if (!tries.some((found) => found.length === 0)) return tries.reduce((best, found) => (found[0].path.length > best[0].path.length ? found : best));
  }
  /** @type {Mismatch[]} */
  const mismatches = (schema.allOf ?? []).flatMap((part) => check(part, value, path));
  if (typeOf(value) === 'object') {
    const record = /** @type {Record<string, unknown>} */ (value);
    for (const key of schema.required ?? []) if (record[key] === undefined) mismatches.push({ path: join(path, key), problem: 'missing' });
    for (const [key, property] of Object.entries(schema.properties ?? {})) if (record[key] !== undefined) mismatches.push(...check(property, record[key], join(path, key)));
    const others = schema.additionalProperties;
    if (typeof others === 'object') for (const [key, item] of Object.entries(record)) if (!(key in (schema.properties ?? {}))) mismatches.push(...check(others, item, join(path, key)));
  }
  if (Array.isArray(value) && schema.items !== undefined) value.forEach((item, index) => mismatches.push(...check(schema.items, item, `${path}[${index}]`)));
  return mismatches;
};

/**
 * The documents found in `body` at each place `expect` names (`'queue[].ticket'`: the
 * `ticket` of every item of `queue`; `''`: the whole body), each with its path (`queue[2].ticket`).
 * @param {unknown} body
 * @param {string} place
 * @param {Mismatch[]} mismatches where a list that is not one is noted
 * @returns {{ path: string; value: unknown }[]}
 */
const documentsAt = (body, place, mismatches) => {
  let found = [{ path: '', value: body }];
  for (const step of place === '' ? [] : place.split('.')) {
    const list = step.endsWith('[]');
    const key = list ? step.slice(0, -2) : step;
    found = found.flatMap(({ path, value }) => {
      const child = { path: join(path, key), value: value === null || typeof value !== 'object' ? undefined : value[key] };
      if (!list) return [child];
      if (Array.isArray(child.value)) return child.value.map((item, index) => ({ path: `${child.path}[${index}]`, value: item }));
      mismatches.push({ path: child.path, problem: `expected array, got ${shown(child.value)}` });
      return [];
    });
  }
  return found;
};

/**
 * What in an API answer does not fit the documents it should carry: `expect` maps places in
 * the body to schema names, a name ending in `?` where the document may be null or absent
 * (`{ conversation: 'conversation', ticket: 'ticket?', 'messages[]': 'message' }`).
 * @param {unknown} body
 * @param {Record<string, string>} expect
 * @param {Record<string, JsonSchema>} schemas
 * @returns {Mismatch[]}
 */
export const checkResponse = (body, expect, schemas) => {
  /** @type {Mismatch[]} */
  const mismatches = [];
  for (const [place, wanted] of Object.entries(expect)) {
    const optional = wanted.endsWith('?');
    const name = optional ? wanted.slice(0, -1) : wanted;
    if (!(name in schemas)) {
      mismatches.push({ path: place, problem: `the server has no schema named ${name}` });
      continue;
    }
    for (const { path, value } of documentsAt(body, place, mismatches)) {
      if (value === null || value === undefined) {
        if (!optional) mismatches.push({ path, problem: 'missing' });
      } else mismatches.push(...check(schemas[name], value, path));
    }
  }
  return mismatches;
};
