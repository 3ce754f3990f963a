import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One call the fake took (sent or refused). */
export interface GraphCall {
  path: string;
  token: string;
  body: Record<string, any>;
  status: number;
  /** The message id the fake answered with (m_… or wamid.…). */
  messageId?: string;
}

const version = 'v21.0';

/** The `code` and `message` of a Graph error answer, e.g. `{ code: 551, message: "This person isn't available right now." }`. */
export interface GraphErrorCode {
  code: number;
  message: string;
}

/**
 * A local stand-in for the Graph API on 127.0.0.1 speaking its wire format:
 * `POST /v21.0/me/messages` (Messenger/Instagram Send API) and
 * `POST /v21.0/{phone-number-id}/messages` (WhatsApp Cloud API). It checks the bearer
 * token and the platforms' documented limits (answering 400 with a Graph error like the
 * real one), records every call, and can be told to fail with a status (e.g. 500).
 */
export class FakeGraphApi {
  readonly calls: GraphCall[] = [];
  /** WhatsApp media customers sent, by media id: `GET /{media-id}` names its download URL, which serves the bytes (bearer token needed for both). */
  readonly media = new Map<string, { bytes: Buffer; mimeType: string }>();
  private failure: { status: number; retryAfter?: string; error?: GraphErrorCode } | null = null;
  private server: Server | null = null;
  private counter = 0;
  url = '';
  /** Runs before a Send API message is answered (e.g. to deliver its echo first, as Meta sometimes does). */
  beforeAnswer: ((messageId: string, body: Record<string, any>) => Promise<void>) | null = null;

  constructor(private readonly tokens: string[]) {}

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      if (req.method === 'GET') return this.serveMedia(req, res);
      void this.handle(req).then(({ status, body, headers }) => res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body)));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/${version}`;
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => {
      this.server?.close(() => resolve());
      this.server?.closeAllConnections();
    });
  }

  /** Answers every call with `status` (and a Graph error, by default code 2, a temporary one) until `recover()`. */
  failWith(status: number, retryAfter?: string, error?: GraphErrorCode): void {
    this.failure = { status, ...(retryAfter ? { retryAfter } : {}), ...(error ? { error } : {}) };
  }

  recover(): void {
    this.failure = null;
  }

  /** Typing indicators accepted (Send API `sender_action`, WhatsApp read + `typing_indicator`). */
  get typing(): GraphCall[] {
    return this.calls.filter((call) => call.status === 200 && isTyping(call));
  }

  /** Messages accepted (typing indicators and refused calls left out), in order. */
  get sent(): GraphCall[] {
    return this.calls.filter((call) => call.status === 200 && !isTyping(call));
  }

  /** Waits until `count` messages were accepted (optionally for one recipient); returns them. */
  async waitForSent(count: number, recipient?: string): Promise<GraphCall[]> {
    for (let i = 0; i < 400; i++) {
      const found = this.sent.filter((call) => !recipient || recipientOf(call) === recipient);
      if (found.length >= count) return found;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error(`expected ${count} sends${recipient ? ` to ${recipient}` : ''}; got ${JSON.stringify(this.calls.map((call) => [call.status, call.body]))}`);
  }

  /** Waits for an accepted message matching `predicate`, among those after the first `skip`; returns it. */
  async waitFor(predicate: (call: GraphCall) => boolean, skip = 0): Promise<GraphCall> {
    for (let i = 0; i < 400; i++) {
      const found = this.sent.slice(skip).find(predicate);
      if (found) return found;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error(`no matching send; got ${JSON.stringify(this.calls.slice(skip).map((call) => [call.status, call.body]))}`);
  }

  private serveMedia(req: IncomingMessage, res: import('node:http').ServerResponse): void {
    const token = (req.headers.authorization ?? '').replace(/^Bearer /, '');
    if (!this.tokens.includes(token)) return void res.writeHead(401, { 'content-type': 'application/json' }).end(JSON.stringify(graphError(190, 'Invalid OAuth access token.')));
    const download = /^\/media-download\/(.+)$/.exec(req.url ?? '');
    const lookup = new RegExp(`^/${version}/([^/?]+)$`).exec(req.url ?? '');
    const id = decodeURIComponent((download ?? lookup)?.[1] ?? '');
    const item = this.media.get(id);
    if (!item) return void res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify(graphError(100, `Unsupported get request. Object with ID '${id}' does not exist`)));
    if (download) return void res.writeHead(200, { 'content-type': item.mimeType, 'content-length': item.bytes.length }).end(item.bytes);
    const origin = this.url.slice(0, -`/${version}`.length);
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ messaging_product: 'whatsapp', url: `${origin}/media-download/${encodeURIComponent(id)}`, mime_type: item.mimeType, file_size: item.bytes.length, id }));
  }

  private async handle(req: IncomingMessage): Promise<{ status: number; body: unknown; headers?: Record<string, string> }> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const token = (req.headers.authorization ?? '').replace(/^Bearer /, '');
    const path = req.url ?? '';
    let body: Record<string, any> = {};
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, any>;
    } catch (error) {
      return this.record({ path, token, body, status: 400 }, graphError(100, `bad JSON: ${(error as Error).message}`));
    }
    const call: GraphCall = { path, token, body, status: 200 };
    if (req.method !== 'POST') return this.record({ ...call, status: 405 }, graphError(100, 'only POST'));
    if (!this.tokens.includes(token)) return this.record({ ...call, status: 401 }, graphError(190, 'Invalid OAuth access token.'));
    if (this.failure) {
      const { code, message } = this.failure.error ?? { code: 2, message: 'An unexpected error has occurred. Please retry your request later.' };
      return this.record({ ...call, status: this.failure.status }, graphError(code, message), this.failure.retryAfter ? { 'retry-after': this.failure.retryAfter } : {});
    }
    const sendApi = path === `/${version}/me/messages`;
    const problem = sendApi ? sendApiProblem(body) : /^\/v21\.0\/[0-9]+\/messages$/.test(path) ? whatsappProblem(body) : `unknown path ${path}`;
    if (problem) return this.record({ ...call, status: 400 }, graphError(100, `(#100) ${problem}`));
    const id = ++this.counter;
    if (sendApi && !body.sender_action) await this.beforeAnswer?.(`m_fake${id}`, body);
    if (sendApi) return body.sender_action ? this.record(call, { recipient_id: body.recipient.id }) : this.record({ ...call, messageId: `m_fake${id}` }, { recipient_id: body.recipient.id ?? `psid-for-${body.recipient.user_ref}`, message_id: `m_fake${id}` });
    if (body.status === 'read') return this.record(call, { success: true });
    return this.record({ ...call, messageId: `wamid.FAKE${id}` }, { messaging_product: 'whatsapp', contacts: [{ input: body.to, wa_id: body.to }], messages: [{ id: `wamid.FAKE${id}` }] });
  }

  private record(call: GraphCall, body: unknown, headers: Record<string, string> = {}) {
    this.calls.push(call);
    return { status: call.status, body, headers };
  }
}

/** The recipient of a Send API or Cloud API call. */
export function recipientOf(call: GraphCall): string {
  return call.body.recipient?.id ?? call.body.recipient?.user_ref ?? call.body.to;
}

/** The text a customer sees of a call (message text or interactive body). */
export function textOf(call: GraphCall): string {
  return call.body.message?.text ?? call.body.text?.body ?? call.body.interactive?.body?.text ?? '';
}

function graphError(code: number, message: string) {
  return { error: { message, type: code === 190 ? 'OAuthException' : 'GraphMethodException', code, fbtrace_id: 'AbCdEfFake' } };
}

function sendApiProblem(body: Record<string, any>): string | null {
  if (Boolean(body.recipient?.id) === Boolean(body.recipient?.user_ref)) return 'recipient needs exactly one of id and user_ref';
  if (body.recipient.user_ref && body.sender_action) return 'sender actions need a page-scoped id';
  if (body.sender_action) return ['typing_on', 'typing_off', 'mark_seen'].includes(body.sender_action) ? null : 'bad sender_action';
  if (!['RESPONSE', 'UPDATE', 'MESSAGE_TAG'].includes(body.messaging_type)) return 'messaging_type is required';
  const message = body.message;
  if (typeof message?.text !== 'string' || !message.text) return 'message.text is required';
  if (message.text.length > 2000) return 'message.text is longer than 2000 characters';
  const replies = message.quick_replies ?? [];
  if (replies.length > 13) return 'at most 13 quick replies';
  for (const reply of replies) {
    if (reply.content_type !== 'text' || !reply.title || !reply.payload) return 'a text quick reply needs a title and a payload';
    if ([...reply.title].length > 20) return `quick reply title "${reply.title}" is longer than 20 characters`;
  }
  return null;
}

function isTyping(call: GraphCall): boolean {
  return Boolean(call.body.sender_action || call.body.typing_indicator);
}

function whatsappProblem(body: Record<string, any>): string | null {
  if (body.messaging_product !== 'whatsapp') return 'messaging_product must be whatsapp';
  if (body.status === 'read') return typeof body.message_id === 'string' && (!body.typing_indicator || body.typing_indicator.type === 'text') ? null : 'message_id is required';
  if (!/^[0-9]{6,15}$/.test(body.to ?? '')) return 'to must be a phone number';
  if (body.type === 'text') return body.text?.body && body.text.body.length <= 4096 ? null : 'text.body is required (at most 4096)';
  if (body.type !== 'interactive') return `unsupported type ${body.type}`;
  const { type, body: text, action } = body.interactive ?? {};
  if (!text?.text || text.text.length > 1024) return 'interactive.body.text is required (at most 1024)';
  if (type === 'button') {
    const buttons = action?.buttons ?? [];
    if (buttons.length < 1 || buttons.length > 3) return 'interactive buttons: 1 to 3';
    for (const button of buttons) if (button.type !== 'reply' || !button.reply?.id || [...(button.reply?.title ?? '')].length > 20 || !button.reply.title) return 'a reply button needs an id and a title of at most 20 characters';
    return null;
  }
  if (type === 'list') {
    if (!action?.button || [...action.button].length > 20) return 'list button text is required (at most 20)';
    const rows = (action.sections ?? []).flatMap((section: { rows?: unknown[] }) => section.rows ?? []);
    if (rows.length < 1 || rows.length > 10) return 'a list has 1 to 10 rows';
    for (const row of rows as { id?: string; title?: string; description?: string }[]) {
      if (!row.id || row.id.length > 200 || !row.title || [...row.title].length > 24 || (row.description && [...row.description].length > 72)) return 'a row needs an id (200), a title (24), an optional description (72)';
    }
    return null;
  }
  return `unsupported interactive type ${type}`;
}

/** The payloads of a call's buttons: quick replies, reply buttons or list rows. */
export function payloadsOf(call: GraphCall): string[] {
  const quickReplies: { payload: string }[] = call.body.message?.quick_replies ?? [];
  const interactive = call.body.interactive;
  const buttons: { reply: { id: string } }[] = interactive?.type === 'button' ? interactive.action.buttons : [];
  const rows: { id: string }[] = interactive?.type === 'list' ? interactive.action.sections.flatMap((section: { rows: { id: string }[] }) => section.rows) : [];
  return [...quickReplies.map((reply) => reply.payload), ...buttons.map((button) => button.reply.id), ...rows.map((row) => row.id)];
}
