import { loadCarelineConfig } from '../../src/channels/careline-config.js';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { createCareline, type Careline } from '../../src/app/careline.js';
import type { Channel, SendReceipt } from '../../src/core/channel.js';
import { ChannelSendError } from '../../src/core/channel-send-error.js';
import type { OutboundMessage, PlatformAddress } from '../../src/core/messages.js';
import { EmbeddedDocumentStore } from '../../src/storage/embedded/embedded-document-store.js';
import { tempDir } from '../support/temp-dir.js';
import { settled } from '../support/settled.js';

/** What the fake platform answers to one send: a status and optional headers. */
type Answer = { status: number; headers?: Record<string, string> };

/**
 * A platform on 127.0.0.1 that answers sends from a script (then 200), and records each
 * request it got and each message it accepted, in arrival order.
 */
async function startFakePlatform() {
  const script: Answer[] = [];
  const requests: { messageId: string; text: string; status: number; at: number }[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      const message = JSON.parse(body) as OutboundMessage;
      const answer = script.shift() ?? { status: 200 };
      requests.push({ messageId: message.messageId!, text: message.text, status: answer.status, at: Date.now() });
      res.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
      res.end(JSON.stringify(answer.status === 200 ? { ok: true, id: `p-${requests.length}` } : { ok: false }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/send`;
  return {
    url,
    script,
    requests,
    /** The message ids the platform accepted, in order. */
    delivered: () => requests.filter((request) => request.status === 200).map((request) => request.messageId),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A channel like the real ones: POSTs the message and turns a failed answer into a ChannelSendError. */
class HttpTestChannel implements Channel {
  readonly id = 'telegram' as const;
  constructor(private readonly url: string) {}

  async send(_address: PlatformAddress, message: OutboundMessage): Promise<SendReceipt> {
    const response = await fetch(this.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(message) });
    if (!response.ok) throw ChannelSendError.fromHttp('fake sendMessage', response.status, { retryAfter: response.headers.get('retry-after') });
    return { platformMessageId: ((await response.json()) as { id: string }).id };
  }
}

const fastRetries = { OUTBOX_RETRY_BASE_MS: '20', OUTBOX_RETRY_MAX_MS: '80', OUTBOX_POLL_MS: '50', OUTBOX_MAX_ATTEMPTS: '50' };

/** Waits for what the worker does in the background (vitest's `expect.poll`, checked every 10 ms). */
const waitFor = (condition: () => boolean | Promise<boolean>, what: string, timeout = 15_000) => expect.poll(condition, { message: `waiting for ${what}`, timeout, interval: 10 }).toBe(true);

describe('OutboxWorker', () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function start(env: Record<string, string>, platformUrl: string, dataDir?: string) {
    const dir = dataDir ? null : tempDir('careline-outbox-');
    const config = loadCarelineConfig({ env: { DATA_DIR: dataDir ?? dir!.path, ...fastRetries, ...env } });
    const store = new EmbeddedDocumentStore(config.dataDir);
    await store.init();
    const careline = await createCareline({ config, store, logger: pino({ level: 'silent' }) });
    careline.channels.register(new HttpTestChannel(platformUrl));
    let closed = false;
    const close = async () => {
      if (closed) return;
      closed = true;
      await careline.stop();
      await store.close();
    };
    cleanups.push(async () => {
      await close();
      dir?.remove();
    });
    return { careline, store, dataDir: config.dataDir, close };
  }

  const say = (careline: Careline, text: string, id: string) =>
    careline.engine.handle({ channel: 'telegram', externalUserId: 'u1', text, platformMessageId: id, address: { chatId: 1 }, receivedAt: new Date() });

  /** The ids of the bot's lines in the transcript, in order: what the customer must get. */
  async function outgoing(careline: Careline, conversationId: string): Promise<string[]> {
    return (await careline.services.messages.transcript(conversationId)).filter((message) => message.direction === 'out').map((message) => message._id);
  }

  describe('when the platform answers 500 for a while and then recovers', () => {
    it('delivers every message once, in the order they were written', async () => {
      const platform = await startFakePlatform();
      cleanups.push(platform.close);
      // Two failures, then retries failing too while later replies are being written.
      platform.script.push({ status: 500 }, { status: 500 }, { status: 200 }, { status: 500 }, { status: 500 });
      const { careline } = await start({ OUTBOX_RETRY_BASE_MS: '150', OUTBOX_RETRY_MAX_MS: '300' }, platform.url);

      const texts = ['hello', 'How do I return an item?', 'shipping cost', 'thanks', 'opening hours'];
      let conversationId = '';
      for (const [i, text] of texts.entries()) conversationId = (await say(careline, text, `m${i}`)).conversation._id;
      const expected = await outgoing(careline, conversationId);
      expect(expected.length).toBeGreaterThanOrEqual(texts.length);

      await waitFor(() => platform.delivered().length >= expected.length, 'every reply to be delivered');
      await waitFor(async () => (await careline.services.outbox.pendingFor(conversationId)).length === 0, 'the outbox to empty');
      expect(platform.delivered()).toEqual(expected);
      expect(platform.requests.filter((request) => request.status === 500)).toHaveLength(4);
    });
  });

  describe('when Careline restarts with sends still pending', () => {
    it('delivers them after the restart, before anything newer for the conversation', async () => {
      const platform = await startFakePlatform();
      cleanups.push(platform.close);
      platform.script.push(...Array.from({ length: 1000 }, () => ({ status: 503 })));
      const first = await start({ OUTBOX_RETRY_BASE_MS: '60000', OUTBOX_RETRY_MAX_MS: '60000' }, platform.url);
      const turns = [await say(first.careline, 'hello', 'm1'), await say(first.careline, 'How do I return an item?', 'm2')];
      const conversationId = turns[0]!.conversation._id;
      const before = await outgoing(first.careline, conversationId);
      expect((await first.careline.services.outbox.pendingFor(conversationId)).map((entry) => entry.message.messageId)).toEqual(before);
      await first.close();

      platform.script.length = 0;
      const second = await start({}, platform.url, first.dataDir);
      // Due in a minute by the first run's backoff; the new message must still wait behind them.
      await second.careline.services.outbox.pending().then((entries) => Promise.all(entries.map((entry) => second.store.collection('outbox').updateOne({ _id: entry._id }, { $set: { dueAt: new Date() } }))));
      await say(second.careline, 'thanks', 'm3');
      const all = await outgoing(second.careline, conversationId);
      await waitFor(() => platform.delivered().length >= all.length, 'the pending replies and the new one');
      expect(platform.delivered()).toEqual(all);
    });
  });

  describe('idle()', () => {
    it('resolves once every first try and every due retry was made, not while a retry waits out its backoff', async () => {
      const platform = await startFakePlatform();
      cleanups.push(platform.close);
      platform.script.push({ status: 503 });
      const { careline, store } = await start({ OUTBOX_RETRY_BASE_MS: '60000', OUTBOX_RETRY_MAX_MS: '60000', OUTBOX_POLL_MS: '60000' }, platform.url);
      const turn = await say(careline, 'hello', 'm1');
      const replies = await outgoing(careline, turn.conversation._id);
      await careline.outboxWorker.idle();
      // Each reply was tried once; the refused one waits a minute, which idle() does not wait for.
      expect(platform.requests.map((request) => request.messageId)).toEqual(replies);
      const [waiting] = await careline.services.outbox.pendingFor(turn.conversation._id);
      expect(waiting!.dueAt.getTime()).toBeGreaterThan(Date.now() + 30_000);

      // Due now (its timer an hour away): idle() sends it before resolving.
      await store.collection('outbox').updateOne({ _id: waiting!._id }, { $set: { dueAt: new Date() } });
      await careline.outboxWorker.idle();
      expect(platform.requests).toHaveLength(replies.length + 1);
      expect(await careline.services.outbox.pendingFor(turn.conversation._id)).toEqual([]);
    });
  });

  describe('when the platform answers 429 with Retry-After', () => {
    it('waits at least that long before trying again', async () => {
      const platform = await startFakePlatform();
      cleanups.push(platform.close);
      platform.script.push({ status: 429, headers: { 'retry-after': '1' } });
      const { careline } = await start({}, platform.url);
      const turn = await say(careline, 'hello', 'm1');
      await waitFor(async () => (await careline.services.outbox.pendingFor(turn.conversation._id))[0]?.lastError !== undefined, 'the first try to fail');
      const [entry] = await careline.services.outbox.pendingFor(turn.conversation._id);
      expect(entry!.dueAt.getTime() - entry!.createdAt.getTime()).toBeGreaterThanOrEqual(1000);

      await waitFor(() => platform.delivered().length === 1, 'the retry');
      const [refused, accepted] = platform.requests;
      expect(refused!.status).toBe(429);
      expect(accepted!.messageId).toBe(refused!.messageId);
      expect(accepted!.at - refused!.at).toBeGreaterThanOrEqual(1000);
    });
  });

  describe('when the platform refuses a message with 403', () => {
    it('records it as failed, never retries it, and still delivers the next messages', async () => {
      const platform = await startFakePlatform();
      cleanups.push(platform.close);
      platform.script.push({ status: 403 });
      const { careline, store } = await start({}, platform.url);
      const turn = await say(careline, 'hello', 'm1');
      await waitFor(() => platform.requests.length > 0, 'the first send');
      const refusedId = platform.requests[0]!.messageId;
      await say(careline, 'thanks', 'm2');
      const later = (await outgoing(careline, turn.conversation._id)).filter((id) => id !== refusedId);
      await waitFor(async () => (await careline.services.outbox.pendingFor(turn.conversation._id)).length === 0, 'the later replies to be sent');
      expect(platform.delivered()).toEqual(later);

      // Every message passes through the outbox; the refused one is the only one not done.
      const entries = await store.collection<{ _id: string; status: string; lastError?: string; message: OutboundMessage }>('outbox').find({ status: { $ne: 'done' } });
      expect(entries).toEqual([expect.objectContaining({ status: 'failed', lastError: expect.stringContaining('403'), message: expect.objectContaining({ messageId: refusedId }) })]);
      // After the worker has looked at the outbox three more times, the refused message has still been tried only once.
      const outboxOf = careline.services.outbox;
      const lease = outboxOf.lease.bind(outboxOf);
      let looks = 0;
      outboxOf.lease = (...args) => {
        looks++;
        return lease(...args);
      };
      await waitFor(() => looks >= 3, 'three more looks at the outbox');
      await settled(careline);
      expect(platform.requests.filter((request) => request.messageId === refusedId)).toHaveLength(1);
    });
  });

  describe('when a send keeps failing', () => {
    it('marks it failed after the configured attempts', async () => {
      const platform = await startFakePlatform();
      cleanups.push(platform.close);
      platform.script.push(...Array.from({ length: 100 }, () => ({ status: 502 })));
      const { careline, store } = await start({ OUTBOX_MAX_ATTEMPTS: '3' }, platform.url);
      const turn = await say(careline, 'hello', 'm1');
      const outbox = store.collection<{ _id: string; status: string; attempts: number }>('outbox');
      await waitFor(async () => (await outbox.find({ status: 'failed' })).length === 1, 'the entry to be given up');
      expect(await outbox.find({})).toEqual([expect.objectContaining({ status: 'failed', attempts: 3 })]);
      expect(platform.requests).toHaveLength(3);
      expect(await careline.services.outbox.pendingFor(turn.conversation._id)).toEqual([]);
    });
  });
});
