import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { zaloSignature } from '../../src/channels/zalo/zalo-signature.js';
import { postJson } from './post-json.js';

/** A message the fake Zalo OA API accepted, as the OA sent it. */
export interface ZaloSent {
  userId: string;
  text: string;
  buttons: { title: string; type: string; payload: string }[];
  accessToken: string;
}

/** A fixture from `test/fixtures/zalo/`, parsed. */
export function zaloFixture<T = Record<string, unknown>>(name: string): T {
  return JSON.parse(readFileSync(join(import.meta.dirname, '..', 'fixtures', 'zalo', `${name}.json`), 'utf8')) as T;
}

const readBody = (req: IncomingMessage) =>
  new Promise<string>((resolve) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });

/** What the fake's media CDN serves for `GET /media/<name>`, by extension. */
const mediaTypes: Record<string, string> = { jpg: 'image/jpeg', gif: 'image/gif', mp4: 'video/mp4', amr: 'audio/amr', pdf: 'application/pdf' };

/**
 * A local stand-in for Zalo on 127.0.0.1 speaking its wire format: `POST
 * /v3.0/oa/message/cs` (header `access_token`; errors as HTTP 200 with `error != 0`) and
 * `POST /v4/oa/access_token` (header `secret_key`, form body; each refresh token works once).
 * `failWith` makes sends fail (an HTTP status or a Zalo error code) until cleared. Its CDN
 * serves `GET /media/<name>` without a token, as Zalo's does. After `echoTo(appUrl)` it posts
 * the signed `oa_send_text` echo of each accepted message to that webhook, as Zalo does, and
 * (the race Careline must survive) before it answers the send.
 */
export class FakeZalo {
  readonly sent: ZaloSent[] = [];
  readonly refreshes: { refreshToken: string; appId: string }[] = [];
  sendAttempts = 0;
  accessToken = 'access-0';
  refreshToken = 'refresh-0';
  expiresIn = 90_000;
  /** An HTTP status (with a Retry-After header when `retryAfter` is set) or a Zalo error code. */
  failWith: { status: number; retryAfter?: string } | { error: number; message: string } | null = null;
  /** Each echo posted to the webhook, with Careline's answer status. */
  readonly echoes: Promise<number>[] = [];
  private echoUrl: string | null = null;
  private tokenCounter = 0;
  private server: Server | null = null;
  url = '';

  constructor(readonly appSecret = 'app-secret') {}

  async start(): Promise<this> {
    this.server = createServer(async (req, res) => {
      const body = await readBody(req);
      const reply = (status: number, json: unknown, headers: Record<string, string> = {}) => {
        res.writeHead(status, { 'content-type': 'application/json', ...headers });
        res.end(JSON.stringify(json));
      };
      if (req.method === 'POST' && req.url === '/v3.0/oa/message/cs') {
        this.sendAttempts++;
        if (this.failWith && 'status' in this.failWith) return reply(this.failWith.status, { error: -1, message: 'Internal error' }, this.failWith.retryAfter ? { 'retry-after': this.failWith.retryAfter } : {});
        if (this.failWith) return reply(200, { error: this.failWith.error, message: this.failWith.message });
        if (req.headers['access_token'] !== this.accessToken) return reply(200, { error: -216, message: 'Access token is invalid' });
        const { recipient, message } = JSON.parse(body) as { recipient: { user_id: string }; message: { text: string; attachment?: { payload: { buttons: ZaloSent['buttons'] } } } };
        const problem = messageProblem(message);
        if (problem) return reply(200, { error: -201, message: `Parameters are invalid: ${problem}` });
        this.sent.push({ userId: recipient.user_id, text: message.text, buttons: message.attachment?.payload.buttons ?? [], accessToken: this.accessToken });
        const messageId = `zmsg-${this.sent.length}`;
        if (this.echoUrl) {
          this.echoes.push(postZaloEvent(this.echoUrl, zaloEventFor('oa_send_text', recipient.user_id, { text: message.text, msg_id: messageId })).then((response) => response.status));
          await new Promise((resolve) => setTimeout(resolve, 30));
        }
        return reply(200, { ...zaloFixture<Record<string, unknown>>('send-message-response'), data: { message_id: messageId, user_id: recipient.user_id } });
      }
      const media = req.method === 'GET' && /^\/media\/[\w.-]+\.(\w+)$/.exec(req.url ?? '');
      if (media) {
        res.writeHead(200, { 'content-type': mediaTypes[media[1]!] ?? 'application/octet-stream' });
        res.end(Buffer.from(`bytes of ${req.url}`));
        return;
      }
      if (req.method === 'POST' && req.url === '/v4/oa/access_token') {
        const form = new URLSearchParams(body);
        if (req.headers['secret_key'] !== this.appSecret) return reply(200, { error: -14002, error_name: 'Invalid secret key', error_description: 'secret_key is invalid' });
        if (form.get('grant_type') !== 'refresh_token' || form.get('refresh_token') !== this.refreshToken) {
          return reply(200, { error: -14014, error_name: 'Invalid refresh token', error_description: 'Refresh token is invalid or used' });
        }
        this.refreshes.push({ refreshToken: form.get('refresh_token')!, appId: form.get('app_id')! });
        this.tokenCounter++;
        this.accessToken = `access-${this.tokenCounter}`;
        this.refreshToken = `refresh-${this.tokenCounter}`;
        return reply(200, { access_token: this.accessToken, refresh_token: this.refreshToken, expires_in: String(this.expiresIn) });
      }
      reply(404, { error: -404, message: 'not found' });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  /** Posts the `oa_send_text` echo of every message accepted from now on to the webhook of the app at `appUrl`. */
  echoTo(appUrl: string): void {
    this.echoUrl = appUrl;
  }

  /** Waits until `count` messages were accepted (polling; the webhook answers before the bot does). */
  async waitForSent(count: number, timeoutMs = 30_000): Promise<ZaloSent[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.sent.length < count) {
      if (Date.now() > deadline) throw new Error(`expected ${count} Zalo messages, got ${this.sent.length}: ${JSON.stringify(this.sent.map((m) => m.text))}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return this.sent.slice(0, count);
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => {
      this.server?.close(() => resolve());
      this.server?.closeAllConnections();
    });
  }
}

/**
 * What Zalo refuses in a customer-service message: text over 2,000 characters (its
 * documented limit), more than 5 buttons or a button title over 100 characters.
 */
function messageProblem(message: { text?: string; attachment?: { payload: { buttons: ZaloSent['buttons'] } } }): string | null {
  if (!message.text) return 'text is required';
  if ([...message.text].length > 2000) return 'text is longer than 2000 characters';
  const buttons = message.attachment?.payload.buttons ?? [];
  if (buttons.length > 5) return 'at most 5 buttons';
  if (buttons.some((button) => !button.title || [...button.title].length > 100)) return 'a button title has 1 to 100 characters';
  return null;
}

/** The environment that points Careline's Zalo channel at `fake`. */
export function zaloEnv(fake: FakeZalo): Record<string, string> {
  return {
    ZALO_APP_ID: zaloFixture<{ app_id: string }>('user_send_text').app_id,
    ZALO_OA_SECRET_KEY: 'oa-secret-key',
    ZALO_APP_SECRET: fake.appSecret,
    ZALO_ACCESS_TOKEN: fake.accessToken,
    ZALO_REFRESH_TOKEN: fake.refreshToken,
    ZALO_API_BASE: fake.url,
    ZALO_OAUTH_BASE: fake.url,
  };
}

/** Posts a webhook event the way Zalo does: the raw JSON signed with `X-ZEvent-Signature`, unless `signature` overrides it (null: none). */
export function postZaloEvent(appUrl: string, event: Record<string, unknown>, options: { secret?: string; signature?: string | null } = {}): Promise<Response> {
  const raw = JSON.stringify(event);
  const signature = options.signature !== undefined ? options.signature : zaloSignature(String(event.app_id), raw, String(event.timestamp), options.secret ?? 'oa-secret-key');
  return postJson(`${appUrl}/webhooks/zalo`, raw, signature === null ? {} : { 'x-zevent-signature': signature });
}

let counter = 0;

/**
 * The fixture `name` as an event about `userId` sent just now: the follower is the sender of
 * `user_send_*` events and reactions, the recipient of `oa_send_*` ones; `message` fields
 * replace the fixture's.
 */
export function zaloEventFor(name: string, userId: string, message: Record<string, unknown> = {}): Record<string, unknown> {
  const event = zaloFixture<Record<string, any>>(name);
  const party = name.startsWith('oa_send_') ? 'recipient' : 'sender';
  return { ...event, [party]: { ...event[party], id: userId }, message: { ...event.message, ...message }, timestamp: String(Date.now()) };
}

/** A `user_send_text` event from the documented example with this follower, text and a fresh `msg_id`. */
export function zaloText(userId: string, text: string, msgId = `msg-${Date.now()}-${++counter}`): Record<string, unknown> {
  const event = zaloFixture('user_send_text');
  return { ...event, sender: { id: userId }, message: { text, msg_id: msgId }, timestamp: String(Date.now()) };
}
