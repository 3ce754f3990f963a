import { request } from 'node:http';
import { seeded } from '../../bench/answers/datasets.js';

/** One route the fuzzer starts from: a request that would be valid, and how to make it pass the door. */
export interface FuzzTarget {
  family: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  query?: Record<string, string>;
  body?: unknown;
  /** Send the staff session's cookie and CSRF token (most of the time). */
  staff?: boolean;
  /** Headers that make a changed body pass the route's signature or secret check. */
  sign?: (raw: string) => Record<string, string>;
}

/** One request the fuzzer sends, and what was changed to make it. */
export interface FuzzRequest {
  family: string;
  mutation: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: Buffer;
}

/** What came back. */
export interface FuzzResponse {
  status: number;
  contentType: string;
  body: string;
}

/** Percent escapes that do not decode: cut short, not hex, overlong or lone UTF-8. */
export const malformedEscapes = ['%', '%%', '%zz', '%E0%A4%A', '%C0%AF', '%ED%A0%80', '%FF', '%u0041', 'a%2', '%E2%82', '%00%', '..%2f..%2f%'];

/** Dates a `from`/`to` may carry that are not a day, or are days no report should span. */
export const badDates = ['abc', '2024-13-45', '2024-02-30', '2023-02-29', '0000-00-00', '0000-01-01', '1926-01-01', '9999-12-31', '+275760-09-13', '-000001-01-01', '2024-1-1', '', '2024-01-01T00:00:00Z', '1e999', '2024-06-31'];

const oddHeaders: [string, string][] = [
  ['cookie', 'careline_session=%zz'],
  ['cookie', 'careline_session=%E0%A4%A; other=%'],
  ['cookie', '=;;;=;careline_session'],
  ['cookie', `careline_session=${'a'.repeat(9000)}`],
  ['content-type', 'application/json; charset=utf-99'],
  ['content-type', 'application/json; charset'],
  ['content-type', 'text/plain'],
  ['content-type', 'application/x-www-form-urlencoded'],
  ['content-type', 'multipart/form-data; boundary='],
  ['content-type', ';;;'],
  ['content-encoding', 'gzip'],
  ['content-encoding', 'deflate'],
  ['content-encoding', 'br'],
  ['content-encoding', 'x-unknown'],
  ['accept-language', 'x'.repeat(4000)],
  ['accept', '*/*;q=abc'],
  ['x-request-id', 'bad id with spaces'],
  ['x-request-id', 'x'.repeat(8000)],
  ['x-forwarded-for', 'not-an-address, , ::zz'],
  ['x-forwarded-proto', 'gopher'],
  ['x-csrf-token', '%zz'],
  ['range', 'bytes=abc'],
  ['range', 'bytes=999999999-'],
  ['if-modified-since', 'yesterday'],
  ['if-none-match', '"' + 'x'.repeat(5000)],
  ['x-telegram-bot-api-secret-token', '\u00ff\u00fe'],
  ['x-hub-signature-256', 'sha256=zz'],
  ['x-zevent-signature', 'mac=%zz'],
  ['authorization', 'Bearer %zz.%zz.%zz'],
  ['expect', 'the-unexpected'],
  ['x-huge', 'h'.repeat(14_000)],
];

const wrongValues: unknown[] = [null, 0, -1, 1e308, true, [], {}, [1, [2]], { $gt: '' }, '', ' ', '\u0000', '%zz', 'x'.repeat(70_000), '2024-13-45'];

const oddBodies: (string | Buffer)[] = ['null', '123', '"text"', '[]', '{', '{"a":1}}', '{"a":"\\ud800"}', '\u0000', Buffer.from([0xff, 0xfe, 0xc3, 0x28]), '{"__proto__":{"x":1}}', ' ', ''];

function deepJson(depth: number, kind: 'array' | 'object'): string {
  return kind === 'array' ? '['.repeat(depth) + ']'.repeat(depth) : '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
}

/**
 * `count` requests made from `targets` in turn, each changed one or two ways (a malformed
 * escape, deep nesting, a bad date, a wrong type, an odd header); the same seed gives the
 * same requests.
 */
export function fuzzRequests(targets: FuzzTarget[], session: { cookie: string; csrfToken: string }, seed: number, count: number): FuzzRequest[] {
  const random = seeded(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const requests: FuzzRequest[] = [];
  for (let i = 0; i < count; i++) {
    const target = targets[i % targets.length]!;
    const query = new Map(Object.entries(target.query ?? {}));
    let path = target.path;
    let body: string | Buffer | undefined = target.body === undefined ? undefined : JSON.stringify(target.body);
    const headers: Record<string, string> = {};
    if (target.staff && random() < 0.85) Object.assign(headers, { cookie: session.cookie, 'x-csrf-token': session.csrfToken });
    let rawQuery = '';
    const mutation = pick(['path-escape', 'query-escape', 'query-deep', 'bad-date', 'body-deep', 'body-type', 'body-shape', 'header', 'header', 'mixed'] as const);
    const mutations = mutation === 'mixed' ? [pick(['path-escape', 'query-escape', 'bad-date'] as const), pick(['body-deep', 'body-type', 'header'] as const)] : [mutation];
    for (const step of mutations) {
      switch (step) {
        case 'path-escape': {
          const segments = path.split('/');
          const at = 1 + Math.floor(random() * (segments.length - 1));
          segments[at] = random() < 0.5 ? pick(malformedEscapes) : `${segments[at]}${pick(malformedEscapes)}`;
          path = segments.join('/');
          break;
        }
        case 'query-escape':
          if (random() < 0.5 && query.size > 0) query.set(pick([...query.keys()]), pick(malformedEscapes));
          else rawQuery = `${pick(malformedEscapes)}=${pick(malformedEscapes)}&q=${pick(malformedEscapes)}`;
          break;
        case 'query-deep': {
          const depth = pick([10, 100, 2000]);
          rawQuery = random() < 0.5 ? `a${'[a]'.repeat(depth)}=1` : Array.from({ length: depth }, (_, n) => `${pick([...query.keys(), 'a'])}=${n}`).join('&');
          break;
        }
        case 'bad-date': {
          // The route's own date fields when it has any (a strict query refuses unknown ones first).
          const dateKeys = [...query.keys()].filter((key) => /^(from|to|since|until)$/.test(key));
          for (const key of dateKeys.length > 0 ? dateKeys : ['from']) if (random() < 0.7 || dateKeys.length === 0) query.set(key, pick(badDates));
          break;
        }
        case 'body-deep': {
          const deep = deepJson(pick([500, 5000, 50_000]), pick(['array', 'object'] as const));
          const fields = target.body && typeof target.body === 'object' ? Object.keys(target.body) : [];
          body = fields.length > 0 && random() < 0.7 ? JSON.stringify({ ...(target.body as object), [pick(fields)]: '@@' }).replace('"@@"', deep) : deep;
          break;
        }
        case 'body-type': {
          const base = target.body && typeof target.body === 'object' && !Array.isArray(target.body) ? { ...(target.body as Record<string, unknown>) } : { text: 'x' };
          const key = pick([...Object.keys(base), 'extra', '__proto__', 'constructor']);
          body = JSON.stringify({ ...base, [key]: pick(wrongValues) });
          break;
        }
        case 'body-shape':
          body = pick(oddBodies);
          break;
        case 'header': {
          const [name, value] = pick(oddHeaders);
          headers[name] = value;
          break;
        }
      }
    }
    if (body !== undefined && !headers['content-type']) headers['content-type'] = 'application/json';
    if (target.sign && body !== undefined && random() < 0.8) Object.assign(headers, target.sign(body.toString()));
    const search = [...query].map(([key, value]) => `${encodeURIComponent(key)}=${/%/.test(value) ? value : encodeURIComponent(value)}`).join('&');
    const fullQuery = [search, rawQuery].filter(Boolean).join('&');
    requests.push({ family: target.family, mutation: mutations.join('+'), method: target.method, path: fullQuery ? `${path}?${fullQuery}` : path, headers, ...(body !== undefined ? { body: Buffer.from(body) } : {}) });
  }
  return requests;
}

/** Sends one request as it is (no normalization of the path); an event stream is cut after its head. */
export function send(baseUrl: string, fuzz: FuzzRequest): Promise<FuzzResponse> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const req = request({ host: hostname, port, method: fuzz.method, path: fuzz.path, headers: { ...fuzz.headers, ...(fuzz.body ? { 'content-length': String(fuzz.body.length) } : {}) }, agent: false }, (res) => {
      const contentType = String(res.headers['content-type'] ?? '');
      if (contentType.startsWith('text/event-stream')) {
        res.destroy();
        resolve({ status: res.statusCode ?? 0, contentType, body: '' });
        return;
      }
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, contentType, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.setTimeout(20_000, () => req.destroy(new Error(`no answer in 20 s to ${fuzz.method} ${fuzz.path.slice(0, 200)}`)));
    req.on('error', reject);
    req.end(fuzz.body);
  });
}

/** Whether a 4xx says what was wrong: a JSON `{ error: { message } }` with a message. */
export function namesTheProblem(response: FuzzResponse): boolean {
  if (!response.contentType.includes('application/json')) return false;
  try {
    const message = (JSON.parse(response.body) as { error?: { message?: unknown } }).error?.message;
    return typeof message === 'string' && message.length > 0;
  } catch {
    return false;
  }
}
