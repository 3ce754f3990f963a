import { loadCarelineConfig } from '../../src/channels/careline-config.js';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { createCareline } from '../../src/app/careline.js';
import type { InboundMessage } from '../../src/core/messages.js';
import { ConversationLog } from '../../src/engine/conversation-log.js';
import { EmbeddedDocumentStore } from '../../src/storage/embedded/embedded-document-store.js';
import { tempDir } from '../support/temp-dir.js';

const question = (messageId: string, sender = 'api-1'): InboundMessage => ({
  channel: 'rest',
  externalUserId: sender,
  text: 'bao hanh bao lau',
  platformMessageId: messageId,
  address: { sender },
  receivedAt: new Date(),
});

/** A Careline on a data directory that outlives it, as a process killed and started again. */
async function open(dataDir: string) {
  const config = loadCarelineConfig({ env: { DATA_DIR: dataDir } });
  const store = new EmbeddedDocumentStore(config.dataDir);
  await store.init();
  const careline = await createCareline({ config, store, logger: pino({ level: 'silent' }) });
  const log = new ConversationLog(careline.services.customers, careline.services.conversations, careline.services.messages);
  const botLines = async (conversationId: string) => (await careline.services.messages.transcript(conversationId)).filter((line) => line.author.kind === 'bot');
  return { careline, store, log, botLines, close: async () => (await careline.stop(), await store.close()) };
}

describe('a customer message stored before the process stopped, its turn not finished', () => {
  const dirs: { remove(): void }[] = [];
  afterEach(() => dirs.splice(0).forEach((dir) => dir.remove()));

  it('is answered when the process starts again', async () => {
    const dir = tempDir('careline-turns-');
    dirs.push(dir);
    const first = await open(dir.path);
    // Stored (the webhook was acknowledged), then the process died before the bot answered.
    const stored = await first.log.recordInbound(question('m-1'));
    await first.close();

    const second = await open(dir.path);
    await second.careline.engine.idle();
    const replies = await second.botLines(stored.conversation._id);
    expect(replies).toHaveLength(1);
    expect(replies[0]!.text).toContain(second.careline.knowledge.article('warranty-period', 'vi', 'vi')!.title);
    expect((await second.careline.services.messages.get(stored.message._id))!.turnPending).toBeUndefined();
    await second.close();
  });

  it('is answered when the platform delivers it again, and only then counts as a duplicate', async () => {
    const dir = tempDir('careline-turns-');
    dirs.push(dir);
    const world = await open(dir.path);
    const stored = await world.log.recordInbound(question('m-2'));

    const redelivered = await world.careline.engine.handle(question('m-2'));
    expect(redelivered.replies).toHaveLength(1);
    const again = await world.careline.engine.handle(question('m-2'));
    expect(again.duplicate).toBe(true);
    expect(again.replies).toEqual([]);
    expect(await world.botLines(stored.conversation._id)).toHaveLength(1);
    await world.close();
  });

  it('stores and sends each reply once when a turn that already replied runs again', async () => {
    const dir = tempDir('careline-turns-');
    dirs.push(dir);
    const world = await open(dir.path);
    const turn = await world.careline.engine.handle(question('m-3'));
    // The process died after the reply was written, before the turn was marked finished.
    await world.store.collection('messages').updateOne({ _id: turn.message._id }, { $set: { turnPending: true } });

    const rerun = await world.careline.engine.handle(question('m-3'));
    expect(rerun.replies.map((reply) => reply._id)).toEqual(turn.replies.map((reply) => reply._id));
    expect(await world.botLines(turn.conversation._id)).toHaveLength(1);
    expect(await world.store.collection('outbox').find({})).toHaveLength(1);
    await world.close();
  });

  it('keeps two senders who use the same message id apart', async () => {
    const dir = tempDir('careline-turns-');
    dirs.push(dir);
    const world = await open(dir.path);
    const [a, b] = [await world.careline.engine.handle(question('same', 'api-a')), await world.careline.engine.handle({ ...question('same', 'api-b'), text: 'phi ship bao nhieu' })];
    expect([a.duplicate, b.duplicate]).toEqual([false, false]);
    expect(b.message.text).toBe('phi ship bao nhieu');
    expect(b.conversation._id).not.toBe(a.conversation._id);
    await world.close();
  });
});
