import { metaSignature } from '../../src/channels/meta/meta-signature.js';
import { zaloSignature } from '../../src/channels/zalo/zalo-signature.js';
import { pick } from '../latency-stats.js';
import { benchCredentials as c } from './bench-credentials.js';
import type { FuzzContext, FuzzRoute } from './fuzz-routes.js';
import { rawHttp } from './raw-http.js';

/** The ways the fuzz spoils a request. */
export const fuzzKinds = ['percent-path', 'percent-query', 'deep-json', 'deep-query', 'odd-header', 'bad-date', 'wrong-type', 'over-long', 'bad-json', 'odd-method'] as const;
export type FuzzKind = (typeof fuzzKinds)[number];

/** One spoilt request: which route and how, and the bytes on the wire. */
export interface FuzzCase {
  route: string;
  kind: FuzzKind;
  variant: string;
  bytes: Buffer;
}

/** The staff session the fuzz sends where a route wants one. */
export interface FuzzSession {
  cookie: string;
  csrfToken: string;
}

const badEscapes = ['%', '%E0%A4%A', '%zz', '%c0%af', '%ff%fe', '%uD800', '%%', '%0', '%E0%80%80', '%F0%90%80'];
const wrongValues: unknown[] = [123, -1, 1e308, true, false, null, [], {}, '', [[1]], { $gt: '' }, { $where: 'sleep(1000)' }, ['a', 'b'], 0.5, '\u0000', '\ud800'];
const badDates = ['2026-13-45', '2026-02-30', '0000-00-00', '9999-99-99', '2026-1-1', 'yesterday', '-1', 'NaN', '1e400', '2026-11-31T25:61:00Z', '', '2026-00-10'];
const oddMethods = ['PUT', 'DELETE', 'PATCH', 'PROPFIND', 'TRACE', 'HEAD', 'OPTIONS', 'CONNECT', 'M-SEARCH', 'GETT'];

type Json = unknown;

/** Paths to every leaf (and object/array) of a JSON value. */
function slots(value: Json, path: (string | number)[] = []): (string | number)[][] {
  if (value === null || typeof value !== 'object') return [path];
  const entries = Array.isArray(value) ? value.map((item, i) => [i, item] as const) : Object.entries(value as Record<string, Json>);
  return [path, ...entries.flatMap(([key, item]) => slots(item, [...path, key]))];
}

function setAt(value: Json, path: (string | number)[], replacement: Json): Json {
  if (path.length === 0) return replacement;
  const copy = Array.isArray(value) ? [...value] : { ...(value as Record<string, Json>) };
  const [head, ...rest] = path;
  (copy as Record<string | number, Json>)[head!] = setAt((value as Record<string | number, Json>)[head!], rest, replacement);
  return copy;
}

function stringSlots(value: Json): (string | number)[][] {
  return slots(value).filter((path) => typeof path.reduce<Json>((at, key) => (at as Record<string | number, Json>)?.[key], value) === 'string');
}

const nested = (depth: number, object: boolean) => (object ? `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}` : `${'['.repeat(depth)}${']'.repeat(depth)}`);

/**
 * Builds spoilt requests for Careline's routes from a seeded random generator: bad `%`
 * escapes in paths and queries, deep nesting in JSON and query strings, odd and huge headers,
 * bad dates, wrong JSON types (and query operators), over-long texts, malformed JSON and odd
 * methods. Webhook bodies are signed the way their platform signs (most of the time), staff
 * routes carry the session and CSRF token, so that the spoilt part is what gets parsed.
 */
export class FuzzCases {
  constructor(
    private readonly random: () => number,
    private readonly context: FuzzContext,
    private readonly session: FuzzSession,
  ) {}

  next(route: FuzzRoute, kind: FuzzKind): FuzzCase {
    const r = this.random;
    let path = this.fillParams(route.path);
    const query: [string, string][] = Object.entries(route.query ?? {}).map(([key, value]) => [encodeURIComponent(key), encodeURIComponent(this.fillParams(value))]);
    let body: Json = route.body?.(this.context);
    let raw: string | null = null;
    let method = route.method;
    const headers: Record<string, string> = {};
    let variant = '';
    switch (kind) {
      case 'percent-path': {
        const escape = pick(r, badEscapes);
        const segments = path.split('/');
        const at = 1 + Math.floor(r() * Math.max(1, segments.length - 1));
        segments[at] = r() < 0.5 ? escape : `${segments[at] ?? ''}${escape}`;
        path = segments.join('/');
        variant = escape;
        break;
      }
      case 'percent-query': {
        const escape = pick(r, badEscapes);
        if (query.length > 0 && r() < 0.7) query[Math.floor(r() * query.length)]![1] = escape;
        else query.push(r() < 0.5 ? [escape, '1'] : ['q', escape]);
        variant = escape;
        break;
      }
      case 'deep-json': {
        const depth = pick(r, [500, 5000, 20_000, 60_000]);
        const nest = nested(depth, r() < 0.5);
        const inner = body === undefined ? [] : slots(body).filter((at) => at.length > 0);
        if (inner.length > 0 && r() < 0.6) {
          const where = pick(r, inner);
          raw = JSON.stringify(setAt(body, where, '\u0001NEST\u0001')).replace('"\\u0001NEST\\u0001"', nest);
        } else raw = nest;
        if (method === 'GET') method = 'POST';
        variant = `depth ${depth}`;
        break;
      }
      case 'deep-query': {
        const depth = pick(r, [50, 500, 3000]);
        const name = pick(r, ['q', 'from', 'token', 'sender', 'a']);
        const shape = Math.floor(r() * 3);
        if (shape === 0) query.push([`${name}${'[a]'.repeat(depth)}`, '1']);
        else if (shape === 1) for (let i = 0; i < Math.min(depth, 1000); i++) query.push([`${name}[]`, String(i)]);
        else for (let i = 0; i < Math.min(depth, 1000); i++) query.push([name, String(i)]);
        variant = ['nested', 'array', 'repeated'][shape]!;
        break;
      }
      case 'odd-header':
        variant = this.oddHeader(headers);
        break;
      case 'bad-date': {
        const date = pick(r, badDates);
        if (route.path.startsWith('/api/reports')) query.splice(0, query.length, [r() < 0.5 ? 'from' : 'to', encodeURIComponent(date)]);
        else if (body !== undefined) {
          const dated = slots(body).filter((at) => /date|time|timestamp/i.test(String(at.at(-1))));
          body = setAt(body, dated.length > 0 ? pick(r, dated) : ['timestamp'], r() < 0.5 ? date : Number(date) || -1e20);
        } else headers[pick(r, ['If-Modified-Since', 'If-Unmodified-Since', 'Date'])] = date || 'Tue, 99 Foo 2026';
        variant = date || '(empty)';
        break;
      }
      case 'wrong-type': {
        const value = pick(r, wrongValues);
        if (body !== undefined) body = setAt(body, pick(r, slots(body)), value);
        else if (query.length > 0) query[Math.floor(r() * query.length)]![0] += '[]';
        else body = value;
        if (body !== undefined && method === 'GET') method = 'POST';
        variant = JSON.stringify(value);
        break;
      }
      case 'over-long': {
        const length = pick(r, [2001, 4097, 8001, 9000, 100_000]);
        const text = 'bao hanh '.repeat(Math.ceil(length / 9)).slice(0, length);
        const strings = body === undefined ? [] : stringSlots(body);
        if (strings.length > 0 && r() < 0.7) body = setAt(body, pick(r, strings), text);
        else if (r() < 0.5) query.push(['q', 'x'.repeat(Math.min(length, 60_000))]);
        else path = `${path}/${'a'.repeat(Math.min(length, 60_000))}`;
        variant = `${length} chars`;
        break;
      }
      case 'bad-json':
        raw = pick(r, ['{', '{"a":', '[1,2', '{"text":"\\x"}', '{"a":1}garbage', '\ufeff{"a":1}', 'null', '"just a string"', '{"__proto__":{"admin":true}}', '{"constructor":{"prototype":{"x":1}}}', '', '\u00ff\u00fe\u0000{']);
        if (method === 'GET') method = 'POST';
        variant = JSON.stringify(raw.slice(0, 20));
        break;
      case 'odd-method':
        method = pick(r, oddMethods);
        variant = method;
        break;
    }
    const bodyText = raw ?? (body === undefined ? '' : JSON.stringify(body));
    if (bodyText && !Object.keys(headers).some((name) => name.toLowerCase() === 'content-type')) headers['Content-Type'] = 'application/json';
    this.authenticate(route, bodyText, headers);
    const target = `${path}${query.length > 0 ? `?${query.map(([key, value]) => `${key}=${value}`).join('&')}` : ''}`;
    return { route: `${route.method} ${route.path}`, kind, variant, bytes: rawHttp(method, target, headers, Buffer.from(bodyText, kind === 'bad-json' ? 'latin1' : 'utf8')) };
  }

  private fillParams(text: string): string {
    const ids: Record<string, string> = { conversationId: this.context.conversationId, customerId: this.context.customerId, ticketId: this.context.ticketId, widgetToken: this.context.widgetToken };
    return text.replace(/:(\w+)/g, (whole, name: string) => ids[name] ?? whole);
  }

  /** Adds a platform's signature (85 % of the time), or the staff session and CSRF token (90 %). */
  private authenticate(route: FuzzRoute, body: string, headers: Record<string, string>): void {
    const r = this.random;
    if (route.auth === 'staff' && r() < 0.9) Object.assign(headers, { Cookie: headers.Cookie ?? this.session.cookie, 'X-CSRF-Token': this.session.csrfToken });
    if (r() >= 0.85) return;
    if (route.auth === 'meta') headers['X-Hub-Signature-256'] ??= metaSignature(body, c.metaAppSecret);
    if (route.auth === 'telegram') headers['X-Telegram-Bot-Api-Secret-Token'] ??= c.telegramWebhookSecret;
    if (route.auth === 'rest') headers.Authorization ??= `Bearer ${c.restApiKey}`;
    if (route.auth === 'zalo') {
      let timestamp = '';
      try {
        const json = JSON.parse(body) as unknown;
        timestamp = json && typeof json === 'object' && 'timestamp' in json ? String((json as { timestamp: unknown }).timestamp) : '';
      } catch {
        timestamp = '';
      }
      headers['X-ZEvent-Signature'] ??= zaloSignature(c.zaloAppId, body, timestamp, c.zaloOaSecretKey);
    }
  }

  /** One odd or huge header set; returns its name. */
  private oddHeader(headers: Record<string, string>): string {
    const r = this.random;
    const choices: [string, () => void][] = [
      ['huge header', () => (headers['X-Huge'] = 'x'.repeat(pick(r, [8000, 20_000, 70_000])))],
      ['many headers', () => Array.from({ length: pick(r, [200, 2000]) }, (_, i) => (headers[`X-Many-${i}`] = String(i)))],
      ['cookie with a bad escape', () => (headers.Cookie = `careline_session=${pick(r, badEscapes)}`)],
      ['cookie soup', () => (headers.Cookie = ';;;=;careline_session;=careline_session=;a=%')],
      ['content-type charset', () => (headers['Content-Type'] = pick(r, ['application/json; charset=utf-7', 'application/json; charset=nope', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/json; boundary=%']))],
      ['content-encoding', () => (headers['Content-Encoding'] = pick(r, ['gzip', 'deflate', 'br', 'zstd', 'identity, gzip']))],
      ['bad authorization', () => (headers.Authorization = pick(r, ['Bearer', 'Bearer ', 'Basic %%%', `Bearer ${'A'.repeat(9000)}`, 'Bearer a.b.c']))],
      ['bad x-forwarded-for', () => (headers['X-Forwarded-For'] = pick(r, ['not-an-ip', ':::::', '999.999.999.999', '1.1.1.1, %', '', '[::1]:99999']))],
      ['bad signature header', () => Object.assign(headers, { 'X-Hub-Signature-256': pick(r, ['sha256=zz', 'sha256=', 'sha1=abc', 'x'.repeat(5000)]), 'X-ZEvent-Signature': pick(r, ['mac=', 'mac=%', 'x'.repeat(5000)]), 'X-Telegram-Bot-Api-Secret-Token': pick(r, ['', ' ', 'x'.repeat(5000)]) })],
      ['accept-language', () => (headers['Accept-Language'] = pick(r, ['*;q=abc', 'vi-VN;q=1.5,en;q=-1', 'x'.repeat(5000), ',,,;;;']))],
      ['range', () => (headers.Range = pick(r, ['bytes=999999999-', 'bytes=-0', 'bytes=5-1', 'bytes=a-b,1-2,3-4']))],
      ['x-request-id', () => (headers['X-Request-Id'] = pick(r, ['../../etc', 'x'.repeat(5000), '\u00ff\u00fe']))],
      ['bad content-length', () => (headers['Content-Length'] = pick(r, ['-1', 'abc', '1e3', '0, 5']))],
      ['no host', () => (headers.Host = '')],
      ['latin1 header value', () => (headers['X-Latin'] = '\u00e9\u00ff\u0080')],
      ['transfer-encoding', () => (headers['Transfer-Encoding'] = pick(r, ['chunked', 'gzip, chunked', 'bogus']))],
    ];
    const [name, apply] = pick(r, choices);
    apply();
    return name;
  }
}
