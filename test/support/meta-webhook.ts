import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { metaSignature } from '../../src/channels/meta/meta-signature.js';

/** A payload fixture from test/fixtures/meta/, a fresh copy each time. */
export function metaFixture<T = any>(name: string): T {
  return JSON.parse(readFileSync(join(import.meta.dirname, '..', 'fixtures', 'meta', `${name}.json`), 'utf8')) as T;
}

/** POSTs `body` to a Meta webhook as Meta does: raw JSON signed with X-Hub-Signature-256 (unless `signature` overrides it; null sends none). */
export function postSigned(url: string, body: unknown, appSecret: string, signature?: string | null): Promise<Response> {
  const raw = typeof body === 'string' ? body : JSON.stringify(body);
  const header = signature === undefined ? metaSignature(raw, appSecret) : signature;
  return fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...(header ? { 'x-hub-signature-256': header } : {}) }, body: raw });
}

/** A documented example payload from test/fixtures/<platform>/ (see the README there), a fresh copy each time. */
export function platformFixture<T = any>(platform: 'messenger' | 'instagram' | 'whatsapp', name: string): T {
  return JSON.parse(readFileSync(join(import.meta.dirname, '..', 'fixtures', platform, `${name}.json`), 'utf8')) as T;
}
