import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { UserRepository } from '../../src/accounts/user-repository.js';
import { ConversationRepository } from '../../src/conversations/conversation-repository.js';
import { CsatRepository } from '../../src/csat/csat-repository.js';
import { csatReport } from '../../src/reports/csat-report.js';
import { latestCsatComments } from '../../src/reports/csat-comments.js';
import { operationsReport } from '../../src/reports/operations-report.js';
import { reportRange } from '../../src/reports/report-range.js';
import { reportFixtureComments, reportFixtureFigures, seedReportFixture, seedSurveyFixture, surveyFixtureFigures } from '../support/report-fixture.js';
import { surveyReport } from '../../src/reports/survey-report.js';
import { SurveyRepository } from '../../src/surveys/survey-repository.js';
import { ArticleRepository } from '../../src/knowledge/article-repository.js';
import { ArticleEmbeddingRepository, decodeVector, encodeVector } from '../../src/knowledge/openai/article-embedding-repository.js';
import type { CsatResponse } from '../../src/csat/csat-response.js';
import { CustomerRepository } from '../../src/customers/customer-repository.js';
import { inboundKeyOf } from '../../src/engine/conversation-log.js';
import { identityKey } from '../../src/customers/customer.js';
import { MessageRepository } from '../../src/conversations/message-repository.js';
import type { Message } from '../../src/conversations/message.js';
import { TicketRepository } from '../../src/handoff/ticket-repository.js';
import { JobQueue } from '../../src/jobs/job-queue.js';
import { Outbox } from '../../src/outbox/outbox.js';
import type { DocumentStore } from '../../src/storage/document-store.js';
import { DuplicateKeyError } from '../../src/storage/duplicate-key-error.js';
import { newId } from '../../src/storage/new-id.js';

interface Thing {
  _id: string;
  kind?: string | null;
  n?: number;
  tags?: string[];
  at?: Date;
  nested?: { a?: number };
  m?: number;
  address?: { chat: number };
}

/**
 * The storage contract: every adapter must pass this suite unchanged. `open` gives a fresh,
 * empty, initialised store for each test.
 */
export function storeContract(adapter: string, open: () => Promise<{ store: DocumentStore; dispose: () => Promise<void> }>): void {
  describe(`DocumentStore contract: ${adapter}`, () => {
    let store: DocumentStore;
    const disposals: (() => Promise<void>)[] = [];

    beforeEach(async () => {
      const opened = await open();
      store = opened.store;
      disposals.push(opened.dispose);
    });
    afterAll(async () => {
      for (const dispose of disposals) await dispose();
    });

    const things = () => store.collection<Thing>('contract_things');

    describe('basic documents', () => {
      it('gives back what was inserted, dates as dates', async () => {
        const at = new Date('2026-01-02T03:04:05.678Z');
        await things().insertOne({ _id: 'a', kind: 'x', n: 1, tags: ['p', 'q'], at, nested: { a: 2 } });
        const found = await things().findOne({ _id: 'a' });
        expect(found).toEqual({ _id: 'a', kind: 'x', n: 1, tags: ['p', 'q'], at, nested: { a: 2 } });
        expect(found?.at).toBeInstanceOf(Date);
      });

      it('refuses a second document with the same _id', async () => {
        await things().insertOne({ _id: 'a' });
        await expect(things().insertOne({ _id: 'a' })).rejects.toBeInstanceOf(DuplicateKeyError);
      });

      it('inserts many in order and stops at the first clash', async () => {
        await expect(things().insertMany([{ _id: 'a' }, { _id: 'b' }, { _id: 'a' }, { _id: 'c' }])).rejects.toBeInstanceOf(DuplicateKeyError);
        expect((await things().find({}, { sort: { _id: 1 } })).map((t) => t._id)).toEqual(['a', 'b']);
      });

      it('filters, sorts, skips and limits like MongoDB', async () => {
        await things().insertMany([
          { _id: 'a', kind: 'x', n: 3 },
          { _id: 'b', kind: 'y', n: 1 },
          { _id: 'c', kind: 'x', n: 2 },
          { _id: 'd', n: 4 },
        ]);
        expect((await things().find({ kind: 'x' }, { sort: { n: 1 } })).map((t) => t._id)).toEqual(['c', 'a']);
        expect((await things().find({ n: { $gte: 2 } }, { sort: { n: -1 }, skip: 1, limit: 2 })).map((t) => t._id)).toEqual(['a', 'c']);
        expect((await things().find({ kind: { $in: ['y', 'z'] } })).map((t) => t._id)).toEqual(['b']);
        expect(await things().countDocuments({ kind: 'x' })).toBe(2);
        expect(await things().countDocuments()).toBe(4);
      });

      it('matches a missing field with null and treats $ne on arrays as MongoDB does', async () => {
        await things().insertMany([{ _id: 'a', kind: null, tags: ['p'] }, { _id: 'b', tags: ['q'] }, { _id: 'c', kind: 'x', tags: ['p', 'q'] }]);
        expect((await things().find({ kind: null }, { sort: { _id: 1 } })).map((t) => t._id)).toEqual(['a', 'b']);
        expect((await things().find({ tags: 'p' }, { sort: { _id: 1 } })).map((t) => t._id)).toEqual(['a', 'c']);
        expect((await things().find({ tags: { $ne: 'p' } })).map((t) => t._id)).toEqual(['b']);
        expect((await things().find({ tags: { $nin: ['q'] } })).map((t) => t._id)).toEqual(['a']);
      });

      it('updates one or many with operators and reports counts', async () => {
        await things().insertMany([{ _id: 'a', kind: 'x', n: 1 }, { _id: 'b', kind: 'x', n: 1 }, { _id: 'c', kind: 'y', n: 1 }]);
        expect(await things().updateOne({ kind: 'x' }, { $inc: { n: 5 } })).toMatchObject({ matchedCount: 1, modifiedCount: 1, upsertedId: null });
        expect(await things().updateMany({ kind: 'x' }, { $set: { 'nested.a': 7 }, $push: { tags: 't' } })).toMatchObject({ matchedCount: 2, modifiedCount: 2 });
        expect(await things().updateOne({ kind: 'zzz' }, { $set: { n: 0 } })).toMatchObject({ matchedCount: 0, modifiedCount: 0 });
        const all = await things().find({}, { sort: { _id: 1 } });
        expect(all.map((t) => [t._id, t.n, t.nested?.a, t.tags])).toEqual([
          ['a', 6, 7, ['t']],
          ['b', 1, 7, ['t']],
          ['c', 1, undefined, undefined],
        ]);
      });

      it('reports a $set to the value already stored as not modified, and applies $unset and $inc of a missing field', async () => {
        const at = new Date('2026-05-01T10:00:00Z');
        await things().insertOne({ _id: 'a', kind: 'x', n: 1, at, address: { chat: 1 } });
        expect(await things().updateOne({ _id: 'a' }, { $set: { kind: 'x', at: new Date(at.getTime()), address: { chat: 1 } } })).toMatchObject({ matchedCount: 1, modifiedCount: 0 });
        const address = { chat: 2 };
        expect(await things().updateOne({ _id: 'a' }, { $set: { address }, $unset: { kind: '' }, $inc: { m: 2 } })).toMatchObject({ matchedCount: 1, modifiedCount: 1 });
        address.chat = 3; // the stored document does not share the caller's object
        expect(await things().findOne({ _id: 'a' })).toEqual({ _id: 'a', n: 1, m: 2, at, address: { chat: 2 } });
        expect(await things().updateOne({ _id: 'a' }, { $unset: { kind: '' } })).toMatchObject({ matchedCount: 1, modifiedCount: 0 });
      });

      it('refuses an update without operators', async () => {
        await things().insertOne({ _id: 'a' });
        await expect(things().updateOne({ _id: 'a' }, { n: 1 })).rejects.toThrow(/operators/);
      });

      it('upserts from the filter, applies $setOnInsert only on insert, and gives string ids', async () => {
        const first = await things().updateOne({ kind: 'k' }, { $inc: { n: 1 }, $setOnInsert: { tags: ['new'] } }, { upsert: true });
        expect(first.upsertedId).toEqual(expect.any(String));
        await things().updateOne({ kind: 'k' }, { $inc: { n: 1 }, $setOnInsert: { tags: ['again'] } }, { upsert: true });
        const found = await things().find({ kind: 'k' });
        expect(found).toEqual([{ _id: first.upsertedId, kind: 'k', n: 2, tags: ['new'] }]);
      });

      it('finds and updates atomically, returning the after or before version', async () => {
        await things().insertMany([{ _id: 'a', kind: 'x', n: 2 }, { _id: 'b', kind: 'x', n: 1 }]);
        const after = await things().findOneAndUpdate({ kind: 'x' }, { $set: { kind: 'done' } }, { sort: { n: 1 } });
        expect(after).toMatchObject({ _id: 'b', kind: 'done' });
        const before = await things().findOneAndUpdate({ kind: 'x' }, { $set: { kind: 'done' } }, { returnDocument: 'before' });
        expect(before).toMatchObject({ _id: 'a', kind: 'x' });
        expect(await things().findOneAndUpdate({ kind: 'x' }, { $set: { kind: 'done' } })).toBeNull();
      });

      it('replaces a whole document and deletes one or many', async () => {
        await things().insertMany([{ _id: 'a', kind: 'x', n: 1 }, { _id: 'b', kind: 'x' }, { _id: 'c', kind: 'y' }]);
        expect((await things().replaceOne({ _id: 'a' }, { _id: 'a', n: 9 })).matchedCount).toBe(1);
        expect(await things().findOne({ _id: 'a' })).toEqual({ _id: 'a', n: 9 });
        expect(await things().deleteOne({ kind: 'x' })).toBe(1);
        expect(await things().deleteMany({ kind: { $in: ['x', 'y'] } })).toBe(1);
        expect((await things().find({})).map((t) => t._id)).toEqual(['a']);
      });

      it('answers ping, and keeps data in separate collections', async () => {
        await store.ping();
        await things().insertOne({ _id: 'a' });
        expect(await store.collection<Thing>('contract_others').countDocuments()).toBe(0);
      });
    });

    describe('tickets', () => {
      it('numbers tickets without gaps or duplicates when 40 are opened at once', async () => {
        const tickets = new TicketRepository(store);
        const created = await Promise.all(
          Array.from({ length: 40 }, (_, i) => tickets.create({ conversationId: `c${i}`, customerId: 'u', reason: 'customer_request', priority: 'normal' })),
        );
        expect(created.map((t) => t.number).sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
      });

      it('numbers past tickets stored beyond the counter (restored or imported data) instead of failing every handoff', async () => {
        const tickets = new TicketRepository(store);
        const first = await tickets.create({ conversationId: 'c0', customerId: 'u', reason: 'customer_request', priority: 'normal' });
        // A restore brings tickets #2-#5 without the counter.
        for (let number = first.number + 1; number <= first.number + 4; number++) await store.collection<typeof first>('tickets').insertOne({ ...first, _id: `tkt_restored_${number}`, number, conversationId: `r${number}` });
        const next = await tickets.create({ conversationId: 'c1', customerId: 'u', reason: 'complaint', priority: 'high' });
        expect(next.number).toBe(first.number + 5);
        expect((await tickets.createOnce('tkt_handoff_x', { conversationId: 'c2', customerId: 'u', reason: 'complaint', priority: 'high', handoff: 1 })).number).toBe(first.number + 6);
      });

      it('lets exactly one of two agents claiming at once own the ticket', async () => {
        const tickets = new TicketRepository(store);
        const ticket = await tickets.create({ conversationId: 'c', customerId: 'u', reason: 'complaint', priority: 'high' });
        const results = await Promise.all([tickets.claim(ticket._id, 'agent-1'), tickets.claim(ticket._id, 'agent-2'), tickets.claim(ticket._id, 'agent-3')]);
        const winners = results.filter((result) => result !== null);
        expect(winners).toHaveLength(1);
        expect((await tickets.get(ticket._id))?.assigneeId).toBe(winners[0]!.assigneeId);
        expect(await tickets.waiting()).toEqual([]);
      });
    });

    describe('messages and customers', () => {
      const message = (platformMessageId?: string, sender = 'u1'): Message => ({
        _id: newId('msg'),
        conversationId: 'c1',
        customerId: 'u1',
        channel: 'telegram',
        direction: 'in',
        author: { kind: 'customer' },
        text: 'xin chào',
        buttons: [],
        createdAt: new Date(),
        ...(platformMessageId ? { platformMessageId, inboundKey: inboundKeyOf({ channel: 'telegram', externalUserId: sender, platformMessageId }) } : {}),
      });

      it('stores a platform message once however often it is delivered', async () => {
        const messages = new MessageRepository(store);
        const results = await Promise.all([messages.insertOnce(message('42')), messages.insertOnce(message('42')), messages.insertOnce(message('42'))]);
        expect(results.filter((r) => !r.duplicate)).toHaveLength(1);
        expect(new Set(results.map((r) => r.message._id)).size).toBe(1);
        expect(await messages.transcript('c1')).toHaveLength(1);
      });

      it('keeps the same platform id from two senders apart', async () => {
        const messages = new MessageRepository(store);
        const results = await Promise.all([messages.insertOnce(message('42', 'u1')), messages.insertOnce(message('42', 'u2'))]);
        expect(results.map((r) => r.duplicate)).toEqual([false, false]);
        expect(await messages.transcript('c1')).toHaveLength(2);
      });

      it('stores messages without a platform id every time', async () => {
        const messages = new MessageRepository(store);
        await messages.insertOnce(message());
        await messages.insertOnce(message());
        expect(await messages.transcript('c1')).toHaveLength(2);
      });

      it('gives an identity whose customer was never written (a process stopped between the two) a customer again', async () => {
        const customers = new CustomerRepository(store);
        await store.collection('customer_identities').insertOne({ _id: identityKey('zalo', 'z-orphan'), customerId: 'cus_orphan', channel: 'zalo', externalId: 'z-orphan', createdAt: new Date() } as never);
        const customer = await customers.findOrCreateByIdentity('zalo', 'z-orphan');
        expect(customer._id).toBe('cus_orphan');
        expect(await customers.get('cus_orphan')).not.toBeNull();
      });

      it('makes one customer from racing first messages of one identity', async () => {
        const customers = new CustomerRepository(store);
        const results = await Promise.all(Array.from({ length: 5 }, () => customers.findOrCreateByIdentity('zalo', 'z-1', { displayName: 'Lan' })));
        expect(new Set(results.map((c) => c._id)).size).toBe(1);
        expect(await customers.identitiesOf(results[0]!._id)).toMatchObject([{ channel: 'zalo', externalId: 'z-1' }]);
      });
    });

    describe('conversations', () => {
      it('keeps one open conversation per customer and channel, even when messages race', async () => {
        const conversations = new ConversationRepository(store);
        const opened = await Promise.all(Array.from({ length: 5 }, (_, i) => conversations.openFor('cus-1', 'telegram', { chatId: i })));
        expect(new Set(opened.map((c) => c._id)).size).toBe(1);
        const other = await conversations.openFor('cus-1', 'zalo', { userId: 'z' });
        expect(other._id).not.toBe(opened[0]!._id);
        expect((await conversations.get(opened[0]!._id))?.state).toBe('bot');
      });

      it('moves state only from the guarded state, and opens a new conversation after resolving', async () => {
        const conversations = new ConversationRepository(store);
        const first = await conversations.openFor('cus-2', 'webchat', { visitor: 'v' });
        expect(await conversations.transition(first._id, { state: 'with_agent' }, { $set: { state: 'resolved' } })).toBeNull();
        expect(await conversations.transition(first._id, { state: 'bot' }, { $set: { state: 'resolved', resolvedAt: new Date() } })).toMatchObject({ state: 'resolved' });
        const second = await conversations.openFor('cus-2', 'webchat', { visitor: 'v' });
        expect(second._id).not.toBe(first._id);
        expect((await conversations.listByCustomer('cus-2')).map((c) => c.state).sort()).toEqual(['bot', 'resolved']);
      });
    });

    describe('articles and users', () => {
      const content = { title: 'Bảo hành bao lâu?', questions: ['bao hanh bao lau'], answer: '12 tháng.', category: 'warranty', tags: [], status: 'published' as const };

      it('keeps every saved version of an article as a revision', async () => {
        const articles = new ArticleRepository(store);
        const first = await articles.save('warranty-period', 'vi', content, { source: 'file' });
        const second = await articles.save('warranty-period', 'vi', { ...content, answer: '24 tháng.' }, { source: 'editor', editedBy: 'usr-1' });
        expect(second).toMatchObject({ _id: first._id, revision: 2, answer: '24 tháng.', updatedBy: 'usr-1' });
        expect((await articles.history(first._id)).map((r) => [r.revision, r.answer])).toEqual([[2, '24 tháng.'], [1, '12 tháng.']]);
        expect((await articles.published()).map((a) => a.slug)).toEqual(['warranty-period']);
        expect(await articles.find('warranty-period', 'en')).toBeNull();
      });

      it('refuses a second user with the same e-mail in any letter case', async () => {
        const users = new UserRepository(store);
        await users.create({ email: 'Lan@Shop.vn', displayName: 'Lan', roles: ['agent'], passwordHash: 'x' });
        await expect(users.create({ email: 'lan@shop.vn', displayName: 'Lan 2', roles: ['admin'], passwordHash: 'y' })).rejects.toBeInstanceOf(DuplicateKeyError);
        expect((await users.findByEmail('LAN@shop.vn'))?.displayName).toBe('Lan');
        expect(await users.count()).toBe(1);
      });

      it('changes a customer profile with validation', async () => {
        const customers = new CustomerRepository(store);
        const customer = await customers.findOrCreateByIdentity('webchat', 'v-1');
        expect(customer.segment).toBe('new');
        expect(await customers.update(customer._id, { segment: 'vip', email: 'a@b.vn' })).toMatchObject({ segment: 'vip', email: 'a@b.vn' });
        await expect(customers.update(customer._id, { email: 'not-an-email' })).rejects.toThrow();
        expect((await customers.get(customer._id))?.email).toBe('a@b.vn');
      });
    });

    describe('article embeddings (the OpenAI embedding cache)', () => {
      const embedding = (articleId: string, model: string, contentHash: string, values: number[]) => ({
        articleId,
        slug: 'warranty-period',
        locale: 'vi' as const,
        model,
        contentHash,
        texts: ['Bảo hành bao lâu?'],
        vectors: [encodeVector(new Float32Array(values))],
        updatedAt: new Date('2026-11-24T10:00:00Z'),
      });

      it('keeps one entry per article and model, replaced when the article is embedded again, with its vectors intact', async () => {
        const cache = new ArticleEmbeddingRepository(store);
        await cache.save(embedding('art_1', 'text-embedding-3-small', 'hash-1', [0.25, -0.5, 1e-7]));
        await cache.save(embedding('art_1', 'other-model', 'hash-1', [1, 0, 0]));
        await cache.save(embedding('art_1', 'text-embedding-3-small', 'hash-2', [0.5, 0.5, 0.5]));
        await cache.save(embedding('art_2', 'text-embedding-3-small', 'hash-9', [0, 1, 0]));
        const found = await cache.find('text-embedding-3-small', ['art_1', 'art_3']);
        expect(found).toHaveLength(1);
        expect(found[0]).toMatchObject({ articleId: 'art_1', contentHash: 'hash-2', texts: ['Bảo hành bao lâu?'] });
        expect([...decodeVector(found[0]!.vectors[0]!)]).toEqual([0.5, 0.5, 0.5]);
        const other = await cache.find('other-model', ['art_1']);
        expect([...decodeVector(other[0]!.vectors[0]!)]).toEqual([1, 0, 0]);
        expect(await store.collection('article_embeddings').countDocuments()).toBe(3);
      });
    });

    describe('jobs and outbox', () => {
      it('leases a due job to one worker and again after the lease expires', async () => {
        const jobs = new JobQueue(store);
        const now = new Date('2026-05-01T10:00:00Z');
        const job = await jobs.schedule({ type: 'csat.prompt', dueAt: new Date(now.getTime() - 1000), payload: { conversationId: 'c' } });
        await jobs.schedule({ type: 'later', dueAt: new Date(now.getTime() + 60_000) });
        const leased = await Promise.all([jobs.lease('w1', now, 30_000), jobs.lease('w2', now, 30_000)]);
        expect(leased.filter(Boolean).map((j) => j!._id)).toEqual([job._id]);
        expect(await jobs.lease('w3', new Date(now.getTime() + 29_000), 30_000)).toBeNull();
        const retaken = await jobs.lease('w3', new Date(now.getTime() + 31_000), 30_000);
        expect(retaken).toMatchObject({ _id: job._id, leasedBy: 'w3', attempts: 2 });
        const firstHolder = leased.find(Boolean)!.leasedBy!;
        expect(await jobs.complete(retaken!, firstHolder)).toBe(false);
        expect(await jobs.complete(retaken!, 'w3')).toBe(true);
        expect(await jobs.lease('w4', new Date(now.getTime() + 40_000))).toBeNull();
      });

      it('keeps one pending job per dedupe key', async () => {
        const jobs = new JobQueue(store);
        const first = await jobs.schedule({ type: 'csat.prompt', dueAt: new Date(), dedupeKey: 'csat:c1' });
        const second = await jobs.schedule({ type: 'csat.prompt', dueAt: new Date(), dedupeKey: 'csat:c1' });
        expect(second._id).toBe(first._id);
        expect(await jobs.cancel('csat:c1')).toBe(true);
        const third = await jobs.schedule({ type: 'csat.prompt', dueAt: new Date(), dedupeKey: 'csat:c1' });
        expect(third._id).not.toBe(first._id);
      });

      it('retries a failed send later and gives up after the last attempt', async () => {
        const outbox = new Outbox(store);
        const now = new Date('2026-05-01T10:00:00Z');
        await outbox.enqueue({ channel: 'telegram', conversationId: 'c', address: { chatId: 1 }, message: { kind: 'text', text: 'hi', buttons: [] }, dueAt: now });
        const first = await outbox.lease('w', now);
        expect(await outbox.markFailed(first!, 'w', 'HTTP 502', new Date(now.getTime() + 2000), 2)).toBe(true);
        expect(await outbox.lease('w', new Date(now.getTime() + 1000))).toBeNull();
        const second = await outbox.lease('w', new Date(now.getTime() + 2000));
        expect(second?.attempts).toBe(2);
        await outbox.markFailed(second!, 'w', 'HTTP 502', new Date(now.getTime() + 4000), 2);
        expect(await outbox.lease('w', new Date(now.getTime() + 10_000))).toBeNull();
        expect(await outbox.pendingFor('c')).toEqual([]);
      });

      it('marks a delivered send done with its platform id', async () => {
        const outbox = new Outbox(store);
        const entry = await outbox.enqueue({ channel: 'zalo', conversationId: 'c', address: {}, message: { kind: 'text', text: 'hi', buttons: [] } });
        const leased = await outbox.lease('w');
        expect(leased?._id).toBe(entry._id);
        expect(await outbox.markSent(leased!, 'w', 'zmsg-1')).toBe(true);
        expect(await outbox.pendingFor('c')).toEqual([]);
      });

      it('lists a conversation\'s pending sends in the order they were queued, and puts one back untried', async () => {
        const outbox = new Outbox(store);
        const now = new Date('2026-05-01T10:00:00Z');
        const first = await outbox.enqueue({ channel: 'telegram', conversationId: 'c', address: {}, message: { kind: 'text', text: 'one', buttons: [] }, dueAt: new Date(now.getTime() + 5000), attempts: 1 });
        const second = await outbox.enqueue({ channel: 'telegram', conversationId: 'c', address: {}, message: { kind: 'text', text: 'two', buttons: [] }, dueAt: now });
        await outbox.enqueue({ channel: 'telegram', conversationId: 'c', address: {}, message: { kind: 'text', text: 'refused', buttons: [] }, status: 'failed', attempts: 1, lastError: 'HTTP 403' });
        expect((await outbox.pendingFor('c')).map((entry) => entry._id)).toEqual([first._id, second._id]);
        const leased = await outbox.lease('w', now);
        expect(leased).toMatchObject({ _id: second._id, attempts: 1 });
        expect(await outbox.release(leased!, 'w', new Date(now.getTime() + 5001))).toBe(true);
        expect(await outbox.lease('w', now)).toBeNull();
        expect(await outbox.nextDueAt()).toEqual(new Date(now.getTime() + 5000));
        const head = await outbox.lease('w', new Date(now.getTime() + 6000));
        expect(head).toMatchObject({ _id: first._id, attempts: 2 });
        expect(await outbox.markRejected(head!, 'w', 'HTTP 400')).toBe(true);
        expect(await outbox.get(first._id)).toMatchObject({ status: 'failed', lastError: 'HTTP 400' });
        expect(await outbox.get(second._id)).toMatchObject({ status: 'pending', attempts: 0 });
      });
    });

    describe('sorted and limited queries on indexed fields', () => {
      it('return the earliest matches by date, skipping non-matching ones', async () => {
        const outbox = store.collection<{ _id: string; status: string; dueAt: Date; channel?: string }>('outbox');
        const base = Date.UTC(2026, 0, 1);
        await outbox.insertMany(
          Array.from({ length: 20 }, (_, i) => ({ _id: `o${i}`, status: i % 3 === 0 ? 'done' : 'pending', dueAt: new Date(base + (20 - i) * 60_000), ...(i % 2 ? { channel: 'zalo' } : {}) })),
        );
        const due = await outbox.find({ status: 'pending', dueAt: { $lte: new Date(base + 15 * 60_000) }, channel: 'zalo' }, { sort: { dueAt: 1 }, skip: 1, limit: 3 });
        expect(due.map((d) => d._id)).toEqual(['o17', 'o13', 'o11']);
        const latest = await outbox.findOne({ status: 'pending' }, { sort: { dueAt: -1 } });
        expect(latest?._id).toBe('o1');
      });
    });

    describe('survey answers (NPS, CES)', () => {
      it('stores one answer per conversation with its comment added later', async () => {
        const surveys = new SurveyRepository(store);
        const at = new Date('2026-03-03T05:00:00Z');
        const answer = { kind: 'nps' as const, score: 9, conversationId: 'cnv_1', customerId: 'cus_1', channel: 'telegram' as const, handledBy: 'agent' as const, agentId: 'ann', segment: 'vip' as const, locale: 'cs' as const, promptedAt: at, answeredAt: at };
        await surveys.record(answer);
        await expect(surveys.record({ ...answer, score: 3 })).rejects.toBeInstanceOf(DuplicateKeyError);
        await surveys.addComment('cnv_1', 'rychlé');
        expect(await surveys.forConversation('cnv_1')).toMatchObject({ ...answer, comment: 'rychlé' });
        await expect(surveys.record({ ...answer, conversationId: 'cnv_2', kind: 'ces', score: 9 })).rejects.toThrow();
      });
    });

    describe('reports', () => {
      const week = () => reportRange({ from: '2026-03-02', to: '2026-03-08', bucket: 'day' }, 'Asia/Ho_Chi_Minh');

      it('computes CSAT overall, per channel, agent, segment, bot or agent and day, and the response rate, in the store', async () => {
        await seedReportFixture(store);
        const report = await csatReport(store, week());
        const expected = reportFixtureFigures.csat;
        expect(report.overall).toEqual(expected.overall);
        expect(report.byChannel).toEqual(expected.byChannel);
        expect(report.byAgent).toEqual(expected.byAgent);
        expect(report.bySegment).toEqual(expected.bySegment);
        expect(report.byHandledBy).toEqual(expected.byHandledBy);
        expect(report.series).toEqual(expected.series);
        expect(report.responseRate.overall).toEqual(expected.responseRate);
        expect(report.responseRate.byHandledBy).toEqual([
          { key: 'agent', prompted: 4, answered: 3, responseRate: 0.75 },
          { key: 'bot', prompted: 2, answered: 1, responseRate: 0.5 },
        ]);
        const weekly = await csatReport(store, reportRange({ from: '2026-03-02', to: '2026-03-15', bucket: 'week' }, 'Asia/Ho_Chi_Minh'));
        expect(weekly.series.map(({ key, responses }) => ({ key, responses }))).toEqual([{ key: '2026-W10', responses: 4 }, { key: '2026-W11', responses: 1 }]);
      });

      it('lists the week\'s survey comments, newest first, and at most as many as asked', async () => {
        await seedReportFixture(store);
        const comments = await latestCsatComments(store, week());
        expect(comments.map((comment) => ({ ...comment, answeredAt: comment.answeredAt.toISOString() }))).toEqual(reportFixtureComments);
        expect((await latestCsatComments(store, week(), 1)).map((comment) => comment.conversationId)).toEqual(['cnv_r3']);
      });

      it('computes response and resolution times, first-contact and bot resolution, escalation, volume and unanswered questions', async () => {
        await seedReportFixture(store);
        const report = await operationsReport(store, week());
        expect(report).toMatchObject(reportFixtureFigures.operations);
      });

      it('computes NPS (% promoters − % detractors) and the CES average and distribution over survey_responses, by local day, split by channel and agent, with response rates from survey_prompts', async () => {
        await seedSurveyFixture(store);
        expect(await surveyReport(store, week())).toEqual(surveyFixtureFigures);
      });

      it('gives empty figures for a period without data', async () => {
        const noRates = { overall: null, byChannel: [], byAgent: [] };
        expect(await surveyReport(store, week())).toEqual({
          nps: null, ces: null, npsSplits: { byChannel: [], byAgent: [] }, cesSplits: { byChannel: [], byAgent: [] }, responseRate: { nps: noRates, ces: noRates },
        });
        const report = await csatReport(store, week());
        expect(report.overall).toBeNull();
        expect(report.byChannel).toEqual([]);
        expect((await operationsReport(store, week())).escalationRate).toBeNull();
      });
    });
  });
}
