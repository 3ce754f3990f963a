import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { csatReport } from '../../src/reports/csat-report.js';
import { operationsReport } from '../../src/reports/operations-report.js';
import { reportRange } from '../../src/reports/report-range.js';
import { DatabaseUnavailableError } from '../../src/storage/database-unavailable-error.js';
import { DuplicateKeyError } from '../../src/storage/duplicate-key-error.js';
import { EmbeddedDocumentStore, embeddedDatabaseFile } from '../../src/storage/embedded/embedded-document-store.js';
import { seedReportFixture } from '../support/report-fixture.js';
import { tempDir } from '../support/temp-dir.js';
import { storeContract } from './store-contract.js';
import { openTempStore } from '../support/temp-store.js';

storeContract('embedded (SQLite + mingo)', () => openTempStore());

describe('EmbeddedDocumentStore report pipelines', () => {
  it('give the same results through SQL GROUP BY as through mingo alone (booleans, absent keys, time zones with and without DST, half-hour offsets)', async () => {
    const dir = tempDir('careline-sqlgroup-');
    const fast = new EmbeddedDocumentStore(dir.path);
    const plain = new EmbeddedDocumentStore(dir.path, { sqlGroups: false });
    try {
      await fast.init();
      await seedReportFixture(fast);
      for (const bucket of ['day', 'week'] as const) {
        for (const timezone of ['Asia/Ho_Chi_Minh', 'Europe/Prague', 'UTC', 'Asia/Kolkata', 'America/St_Johns']) {
          for (const [from, to] of [['2026-02-20', '2026-03-31'], ['2025-11-01', '2026-10-31']]) {
            const range = reportRange({ from: from!, to: to!, bucket }, timezone);
            expect(await csatReport(fast, range)).toEqual(await csatReport(plain, range));
            expect(await operationsReport(fast, range)).toEqual(await operationsReport(plain, range));
          }
        }
      }
    } finally {
      await fast.close();
      await plain.close();
      dir.remove();
    }
  });
});

describe('EmbeddedDocumentStore group commit', () => {
  it('commits the writes of one event-loop turn together; a failing one undoes only itself; each is on disk when it resolves', async () => {
    const dir = tempDir('careline-store-');
    const store = new EmbeddedDocumentStore(dir.path);
    await store.init();
    const notes = store.collection<{ _id: string; n: number }>('notes');
    await notes.insertOne({ _id: 'taken', n: 0 });
    const results = await Promise.allSettled([
      notes.insertOne({ _id: 'a', n: 1 }),
      notes.insertOne({ _id: 'taken', n: 2 }),
      notes.updateOne({ _id: 'taken' }, { $inc: { n: 10 } }),
      notes.insertMany([{ _id: 'b', n: 3 }, { _id: 'a', n: 4 }, { _id: 'c', n: 5 }]),
    ]);
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'rejected']);
    expect((results[1] as PromiseRejectedResult).reason).toBeInstanceOf(DuplicateKeyError);

    // A second connection (as another process would) sees exactly what was acknowledged.
    const other = new BetterSqlite3(join(dir.path, embeddedDatabaseFile), { readonly: true });
    const rows = other.prepare('SELECT _id, doc FROM "c2_notes" ORDER BY _id').all() as { _id: string; doc: string }[];
    expect(rows.map((row) => [row._id, JSON.parse(row.doc).n])).toEqual([['a', 1], ['b', 3], ['taken', 10]]);
    other.close();
    await store.close();
    dir.remove();
  });
});

describe('EmbeddedDocumentStore when another process holds the write lock past the busy timeout', () => {
  it('fails the write with DatabaseUnavailableError (503), and writes again once the lock is free', async () => {
    const dir = tempDir('careline-busy-');
    // The write waits out the busy timeout: 300 ms here instead of the default 5 s.
    const store = new EmbeddedDocumentStore(dir.path, { busyTimeoutMs: 300 });
    await store.init();
    // Another process's long write transaction on the same file.
    const other = new BetterSqlite3(join(dir.path, embeddedDatabaseFile));
    other.prepare('BEGIN IMMEDIATE').run();
    try {
      const failure = await store.collection('tickets').insertOne({ _id: 't1' }).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(DatabaseUnavailableError);
      expect(failure).toMatchObject({ status: 503, retryAfterSeconds: 5 });
    } finally {
      other.prepare('ROLLBACK').run();
      other.close();
    }
    await store.collection('tickets').insertOne({ _id: 't1' });
    expect(await store.collection('tickets').countDocuments()).toBe(1);
    await store.close();
    dir.remove();
  }, 20_000);
});
