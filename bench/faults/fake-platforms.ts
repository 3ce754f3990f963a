import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The platforms whose APIs the fake stands in for. */
export type PlatformName = 'telegram' | 'messenger' | 'instagram' | 'whatsapp' | 'zalo' | 'botframework';

/** How a platform's send API behaves right now. */
export type PlatformBehaviour =
  | { kind: 'ok' }
  /** Reads the request and never answers (until the behaviour changes; then the socket is dropped). */
  | { kind: 'hang' }
  /** Answers every send with this status (an outage). */
  | { kind: 'fail'; status: number }
  /** Answers after this many ms. */
  | { kind: 'slow'; ms: number };

/** One outbound message that reached the fake (typing indicators and receipts left out). */
export interface PlatformSend {
  platform: PlatformName;
  /** The chat, PSID, IGSID, phone, Zalo user or Bot Framework conversation it was sent to. */
  recipient: string;
  /** The text the customer sees (Telegram HTML reduced to text). */
  text: string;
  receivedAt: number;
  /** The status the fake answered, null while (or because) it was held. */
  status: number | null;
  answeredAt: number | null;
}

/** Tokens the fake tells Messenger from Instagram by (both post to `/me/messages`). */
export interface FakeTokens {
  telegramBotToken: string;
  messengerToken: string;
  instagramToken: string;
  whatsappPhoneNumberId: string;
}

const graphVersion = 'v21.0';
const channelTokenIssuer = 'https://api.botframework.com';

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function parseJson(raw: string): Record<string, any> {
  try {
    return raw ? (JSON.parse(raw) as Record<string, any>) : {};
  } catch {
    return {};
  }
}

/** Telegram HTML parse mode as the customer reads it. */
export function telegramHtmlText(html: string): string {
  return html
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&amp;/g, '&');
}

function base64url(value: string | Buffer): string {
  return Buffer.from(value).toString('base64url');
}

/**
 * One local HTTP server on 127.0.0.1 standing in for every platform Careline sends to:
 * the Telegram Bot API (`/bot{token}/{method}`), the Graph API (`/v21.0/me/messages` for
 * Messenger and Instagram, `/v21.0/{phone-number-id}/messages` for WhatsApp), the Zalo OA API
 * (`/v3.0/oa/message/cs`, `/v4/oa/access_token`), a Bot Framework connector
 * (`/v3/conversations/{id}/activities[/{replyToId}]`) and the Bot Framework OpenID metadata
 * with one signing key. Records every customer-visible send, and can make one platform hang,
 * fail or slow down. It lives in the bench process, so it outlasts every Careline restart.
 */
export class FakePlatforms {
  readonly sends: PlatformSend[] = [];
  url = '';
  private server: Server | null = null;
  private readonly behaviours = new Map<PlatformName, PlatformBehaviour>();
  private readonly held = new Set<ServerResponse>();
  private readonly signingKey: KeyObject;
  private readonly publicJwk: { n?: string; e?: string };
  private counter = 0;
  readonly kid = 'careline-bench-key';

  constructor(readonly tokens: FakeTokens) {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    this.signingKey = privateKey;
    this.publicJwk = publicKey.export({ format: 'jwk' });
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.serve(req, res));
    this.server.keepAliveTimeout = 30_000;
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  get graphApiBase(): string {
    return `${this.url}/${graphVersion}`;
  }

  get openIdMetadataUrl(): string {
    return `${this.url}/v1/.well-known/openidconfiguration`;
  }

  /** Sets how `platform` answers from now on; leaving `hang` drops the requests it held. */
  setBehaviour(platform: PlatformName, behaviour: PlatformBehaviour): void {
    const was = this.behaviours.get(platform);
    this.behaviours.set(platform, behaviour);
    if (was?.kind === 'hang' && behaviour.kind !== 'hang') {
      for (const res of this.held) res.destroy();
      this.held.clear();
    }
  }

  /** Every send to `platform` (optionally one recipient) that the fake answered 2xx, in arrival order. */
  delivered(platform: PlatformName, recipient?: string): PlatformSend[] {
    return this.sends.filter((send) => send.platform === platform && (recipient === undefined || send.recipient === recipient) && send.status !== null && send.status < 300);
  }

  /** Every send that arrived, answered or not. */
  arrived(platform: PlatformName, recipient?: string): PlatformSend[] {
    return this.sends.filter((send) => send.platform === platform && (recipient === undefined || send.recipient === recipient));
  }

  /** A Bot Framework channel token signed with the published key (or `key`, to forge one). */
  channelToken(claims: Record<string, unknown>, options: { key?: KeyObject; kid?: string } = {}): string {
    const now = Math.floor(Date.now() / 1000);
    const header = base64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid: options.kid ?? this.kid }));
    const payload = base64url(JSON.stringify({ iss: channelTokenIssuer, nbf: now - 60, exp: now + 3600, ...claims }));
    const signature = sign('RSA-SHA256', Buffer.from(`${header}.${payload}`), options.key ?? this.signingKey);
    return `${header}.${payload}.${base64url(signature)}`;
  }

  async close(): Promise<void> {
    for (const res of this.held) res.destroy();
    await new Promise<void>((resolve) => {
      this.server?.close(() => resolve());
      this.server?.closeAllConnections();
    });
  }

  private async serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = parseJson(await readBody(req).catch(() => ''));
    const path = (req.url ?? '').split('?')[0]!;
    const json = (status: number, value: unknown): void => void res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(value));
    if (path === '/v1/.well-known/openidconfiguration') return json(200, { issuer: channelTokenIssuer, authorization_endpoint: `${this.url}/v1/authorize`, jwks_uri: `${this.url}/v1/.well-known/keys`, id_token_signing_alg_values_supported: ['RS256'], token_endpoint_auth_methods_supported: ['private_key_jwt'] });
    if (path === '/v1/.well-known/keys') return json(200, { keys: [{ kty: 'RSA', use: 'sig', kid: this.kid, n: this.publicJwk.n, e: this.publicJwk.e, endorsements: ['msteams', 'webchat', 'emulator', 'directline'] }] });
    if (path === '/v4/oa/access_token') return json(200, { access_token: `zalo-access-${++this.counter}`, refresh_token: `zalo-refresh-${this.counter}`, expires_in: '90000' });
    const send = this.sendOf(path, req, body);
    if (send === 'ignored') return json(200, this.answerFor(path, body, 'typing'));
    if (!send) return json(404, { error: { message: `no route ${req.method} ${path}` } });
    const record: PlatformSend = { ...send, receivedAt: Date.now(), status: null, answeredAt: null };
    this.sends.push(record);
    const behaviour = this.behaviours.get(send.platform) ?? { kind: 'ok' };
    if (behaviour.kind === 'hang') {
      this.held.add(res);
      res.on('close', () => this.held.delete(res));
      return;
    }
    if (behaviour.kind === 'slow') await new Promise((resolve) => setTimeout(resolve, behaviour.ms));
    const status = behaviour.kind === 'fail' ? behaviour.status : 200;
    if (res.destroyed) return;
    record.status = status;
    record.answeredAt = Date.now();
    if (status >= 300) return json(status, send.platform === 'telegram' ? { ok: false, error_code: status, description: 'Service Unavailable' } : { error: { message: 'Service temporarily unavailable', code: 2, is_transient: true } });
    json(200, this.answerFor(path, body, send.platform));
  }

  /** What a customer-visible send is, 'ignored' for typing and setup calls, null for an unknown route. */
  private sendOf(path: string, req: IncomingMessage, body: Record<string, any>): Omit<PlatformSend, 'receivedAt' | 'status' | 'answeredAt'> | 'ignored' | null {
    const telegram = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(path);
    if (telegram) return telegram[2] === 'sendMessage' ? { platform: 'telegram', recipient: String(body.chat_id), text: telegramHtmlText(String(body.text ?? '')) } : 'ignored';
    if (path === `/${graphVersion}/me/messages`) {
      if (body.sender_action) return 'ignored';
      const token = (req.headers.authorization ?? '').replace(/^Bearer /, '');
      return { platform: token === this.tokens.instagramToken ? 'instagram' : 'messenger', recipient: String(body.recipient?.id), text: String(body.message?.text ?? '') };
    }
    if (path === `/${graphVersion}/${this.tokens.whatsappPhoneNumberId}/messages`) {
      if (body.status === 'read' || body.typing_indicator) return 'ignored';
      return { platform: 'whatsapp', recipient: String(body.to), text: String(body.text?.body ?? body.interactive?.body?.text ?? '') };
    }
    if (path === '/v3.0/oa/message/cs') return { platform: 'zalo', recipient: String(body.recipient?.user_id), text: String(body.message?.text ?? '') };
    const connector = /^\/v3\/conversations\/([^/]+)\/activities(?:\/[^/]+)?$/.exec(path);
    if (connector) return body.type === 'message' ? { platform: 'botframework', recipient: decodeURIComponent(connector[1]!), text: String(body.text ?? '') } : 'ignored';
    return null;
  }

  /** The success body each platform answers with. */
  private answerFor(path: string, body: Record<string, any>, kind: PlatformName | 'typing'): unknown {
    const id = ++this.counter;
    if (path.startsWith('/bot')) {
      const method = path.split('/').pop();
      if (method === 'getMe') return { ok: true, result: { id: Number(this.tokens.telegramBotToken.split(':')[0]), is_bot: true, first_name: 'Bench Care', username: 'bench_care_bot', can_join_groups: true, can_read_all_group_messages: false, supports_inline_queries: false } };
      if (method === 'sendMessage') return { ok: true, result: { message_id: id, chat: { id: Number(body.chat_id), type: 'private' }, date: Math.floor(Date.now() / 1000), text: telegramHtmlText(String(body.text ?? '')) } };
      return { ok: true, result: true };
    }
    if (kind === 'whatsapp') return { messaging_product: 'whatsapp', contacts: [{ input: body.to, wa_id: body.to }], messages: [{ id: `wamid.BENCH${id}` }] };
    if (kind === 'zalo') return { error: 0, message: 'Success', data: { message_id: `zmsg-${id}`, user_id: body.recipient?.user_id } };
    if (kind === 'botframework') return { id: `bench-activity-${id}` };
    if (path.endsWith('/messages') && !path.includes('/me/')) return { success: true };
    return { recipient_id: body.recipient?.id, message_id: `m_bench${id}` };
  }
}
