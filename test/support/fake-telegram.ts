import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One Bot API call the fake received. */
export interface TelegramCall {
  method: string;
  body: Record<string, unknown>;
  /** The fake has answered it (a held `sendMessage` has not). */
  answered: boolean;
  /** It succeeded (not a failure the fake was told to give, not rejected). */
  ok: boolean;
  /** When it arrived (ms since the epoch). */
  at: number;
}

/** A message the fake delivered: the chat, the text the customer sees, the HTML sent, the inline keyboard. */
export interface DeliveredTelegramMessage {
  chatId: number;
  text: string;
  html: string;
  keyboard: { text: string; callback_data: string }[][];
}

interface ErrorAnswer {
  error_code: number;
  description: string;
  parameters?: { retry_after?: number };
}

const allowedTags = new Set(['b', 'strong', 'i', 'em', 'u', 's', 'code', 'pre', 'a', 'blockquote', 'tg-spoiler']);

/**
 * Parses Telegram's HTML parse mode the way the Bot API does for what Careline uses:
 * only known tags, balanced; only `&lt; &gt; &amp; &quot;` and numeric entities. Returns
 * the plain text, or an error description like the real API's.
 */
function parseHtml(html: string): { text: string } | { error: string } {
  const stack: string[] = [];
  for (const match of html.matchAll(/<(\/?)([a-z-]+)([^>]*)>|<|&([^;\s]*);?/g)) {
    if (match[0] === '<') return { error: `Bad Request: can't parse entities: unexpected < at byte offset ${match.index}` };
    if (match[0].startsWith('&')) {
      if (!/^&(lt|gt|amp|quot|#\d+|#x[0-9a-f]+);$/i.test(match[0])) return { error: `Bad Request: can't parse entities: unsupported entity ${match[0]}` };
      continue;
    }
    const [, closing, tag] = match;
    if (!allowedTags.has(tag!)) return { error: `Bad Request: can't parse entities: unsupported start tag "${tag}"` };
    if (!closing) stack.push(tag!);
    else if (stack.pop() !== tag) return { error: `Bad Request: can't parse entities: can't find end tag corresponding to start tag "${tag}"` };
  }
  if (stack.length > 0) return { error: `Bad Request: can't parse entities: can't find end tag corresponding to start tag "${stack.at(-1)}"` };
  const text = html
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
  return { text };
}

/**
 * A fake Telegram Bot API on 127.0.0.1 for the real telegraf client: `POST
 * /bot{token}/{method}` with a JSON body, answered `{ ok, result }` or `{ ok: false,
 * error_code, description, parameters }` like the real one. It records every call, checks
 * what the real API would reject (HTML that does not parse, text over 4,096 characters,
 * `callback_data` over 64 bytes), serves `getUpdates` long polling from queued updates,
 * and can be told to fail the next calls of a method (e.g. a 429 with `retry_after`).
 */
export class FakeTelegram {
  readonly calls: TelegramCall[] = [];
  /** Files customers sent, by file_id, as getFile and the file download (`/file/bot<token>/<path>`) serve them. */
  readonly files = new Map<string, Buffer>();
  readonly me = { id: 7000001234, is_bot: true, first_name: 'An Phát Care', username: 'anphat_care_bot', can_join_groups: true, can_read_all_group_messages: false, supports_inline_queries: false };
  private readonly failures = new Map<string, ErrorAnswer[]>();
  private readonly queued: Record<string, unknown>[] = [];
  private readonly waiting = new Set<() => void>();
  private nextMessageId = 1;
  private held: Promise<void> | null = null;
  private release: (() => void) | null = null;

  private constructor(
    private readonly server: Server,
    readonly url: string,
    readonly token: string,
    private readonly prefix: string,
  ) {}

  /** Serves under `prefix` (e.g. `/telegram`, as behind a proxy); `url` includes it. */
  static async start(token = '7000001234:AAFakeTokenForCarelineTests_abcdefgh', prefix = ''): Promise<FakeTelegram> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const fake = new FakeTelegram(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}${prefix}`, token, prefix);
    server.on('request', (req, res) => void fake.serve(req, res));
    return fake;
  }

  /** The next `times` calls of `method` fail with this answer. */
  failNext(method: string, answer: ErrorAnswer, times = 1): void {
    this.failures.set(method, [...(this.failures.get(method) ?? []), ...Array.from({ length: times }, () => answer)]);
  }

  /** Holds every `sendMessage` call open until the returned function is called (a slow Bot API). */
  holdSends(): () => void {
    this.held = new Promise<void>((resolve) => (this.release = resolve));
    return () => {
      this.release?.();
      this.held = null;
    };
  }

  /** An update for the bot to receive by `getUpdates`. */
  queueUpdate(update: Record<string, unknown>): void {
    this.queued.push(update);
    for (const wake of this.waiting) wake();
  }

  /** The calls of one method, in order. */
  callsOf(method: string): TelegramCall[] {
    return this.calls.filter((call) => call.method === method);
  }

  /** The messages delivered to a chat (sends answered with success), as text the customer sees, with their inline keyboards. */
  sentTo(chatId: number): DeliveredTelegramMessage[] {
    return this.delivered().filter((message) => message.chatId === chatId);
  }

  /** The messages delivered to any chat, in order. */
  delivered(): DeliveredTelegramMessage[] {
    return this.callsOf('sendMessage')
      .filter((call) => call.answered && call.ok)
      .map((call) => {
        const html = String(call.body.text);
        const parsed = call.body.parse_mode === 'HTML' ? parseHtml(html) : { text: html };
        const markup = call.body.reply_markup as { inline_keyboard?: { text: string; callback_data: string }[][] } | undefined;
        return { chatId: Number(call.body.chat_id), text: 'text' in parsed ? parsed.text : html, html, keyboard: markup?.inline_keyboard ?? [] };
      });
  }

  /** Waits until `check` holds over the recorded calls (polls every 20 ms, fails after `ms`). */
  async waitFor(check: () => boolean, ms = 5000): Promise<void> {
    const until = Date.now() + ms;
    while (!check()) {
      if (Date.now() > until) throw new Error(`timed out; calls so far: ${this.calls.map((call) => call.method).join(', ')}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  async close(): Promise<void> {
    for (const wake of this.waiting) wake();
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  private async serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const answer = (status: number, body: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    const path = req.url?.startsWith(`${this.prefix}/`) ? req.url.slice(this.prefix.length) : '';
    const download = /^\/file\/bot([^/]+)\/files\/(.+)$/.exec(path);
    if (req.method === 'GET' && download) {
      const file = download[1] === this.token ? this.files.get(decodeURIComponent(download[2]!)) : undefined;
      return void (file ? res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': file.length }).end(file) : answer(404, { ok: false, error_code: 404, description: 'Not Found' }));
    }
    const match = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(path);
    if (req.method !== 'POST' || !match) return void answer(404, { ok: false, error_code: 404, description: 'Not Found' });
    if (match[1] !== this.token) return void answer(401, { ok: false, error_code: 401, description: 'Unauthorized' });
    let raw = '';
    for await (const chunk of req) raw += String(chunk);
    const body = (raw ? JSON.parse(raw) : {}) as Record<string, unknown>;
    const method = match[2]!;
    const call: TelegramCall = { method, body, answered: false, ok: false, at: Date.now() };
    this.calls.push(call);
    const failure = this.failures.get(method)?.shift();
    const result = failure ? null : await this.result(method, body);
    call.answered = true;
    call.ok = !failure && result !== null && !('error' in result);
    if (failure) return void answer(failure.error_code, { ok: false, ...failure });
    if (result && 'error' in result) return void answer(400, { ok: false, error_code: 400, description: result.error });
    answer(200, { ok: true, result: result!.value });
  }

  private async result(method: string, body: Record<string, unknown>): Promise<{ value: unknown } | { error: string }> {
    switch (method) {
      case 'getMe':
        return { value: this.me };
      case 'sendMessage':
        await this.held;
        return this.sendMessage(body);
      case 'getUpdates':
        return { value: await this.updates(body) };
      case 'getFile': {
        const file = this.files.get(String(body.file_id));
        return file ? { value: { file_id: body.file_id, file_unique_id: `u-${String(body.file_id)}`, file_size: file.length, file_path: `files/${String(body.file_id)}` } } : { error: 'Bad Request: invalid file_id' };
      }
      case 'sendChatAction':
      case 'answerCallbackQuery':
      case 'setWebhook':
      case 'deleteWebhook':
      case 'setMyCommands':
        return { value: true };
      default:
        return { error: `Bad Request: method ${method} is not implemented by the fake` };
    }
  }

  private sendMessage(body: Record<string, unknown>): { value: unknown } | { error: string } {
    const html = String(body.text ?? '');
    const parsed = body.parse_mode === 'HTML' ? parseHtml(html) : { text: html };
    if ('error' in parsed) return parsed;
    if (parsed.text.trim().length === 0) return { error: 'Bad Request: message text is empty' };
    if (parsed.text.length > 4096) return { error: 'Bad Request: message is too long' };
    const markup = body.reply_markup as { inline_keyboard?: { text: string; callback_data?: string }[][] } | undefined;
    for (const button of markup?.inline_keyboard?.flat() ?? []) {
      if (!button.callback_data || Buffer.byteLength(button.callback_data) > 64) return { error: 'Bad Request: BUTTON_DATA_INVALID' };
    }
    const chatId = Number(body.chat_id);
    return { value: { message_id: this.nextMessageId++, from: this.me, chat: { id: chatId, type: chatId < 0 ? 'supergroup' : 'private' }, date: Math.floor(Date.now() / 1000), text: parsed.text, ...(markup ? { reply_markup: markup } : {}) } };
  }

  private async updates(body: Record<string, unknown>): Promise<unknown[]> {
    const offset = Number(body.offset ?? 0);
    const limit = Number(body.limit ?? 100);
    const pending = () => this.queued.filter((update) => Number(update.update_id) >= offset).slice(0, limit);
    // Long polling: hold the request until an update arrives, at most `timeout` seconds (1 s here).
    if (pending().length === 0 && Number(body.timeout ?? 0) > 0) {
      await new Promise<void>((resolve) => {
        const wake = () => {
          this.waiting.delete(wake);
          clearTimeout(timer);
          resolve();
        };
        const timer = setTimeout(wake, 1000);
        this.waiting.add(wake);
      });
    }
    return pending();
  }
}
