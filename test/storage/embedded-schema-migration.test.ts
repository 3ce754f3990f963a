import { join } from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { csatReport } from '../../src/reports/csat-report.js';
import { operationsReport } from '../../src/reports/operations-report.js';
import { reportRange } from '../../src/reports/report-range.js';
import { collectionSpecs } from '../../src/storage/collections.js';
import { EmbeddedDocumentStore, embeddedDatabaseFile } from '../../src/storage/embedded/embedded-document-store.js';
import { ensureTableSchema } from '../../src/storage/embedded/table-schema.js';
import { seedReportFixture } from '../support/report-fixture.js';
import { tempDir } from '../support/temp-dir.js';

const dirs: { remove: () => void }[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => dir.remove()));

function directory(): string {
  const dir = tempDir('careline-migration-');
  dirs.push(dir);
  return dir.path;
}

const firstLayoutPath = (field: string, date: boolean) => (date ? `json_extract(doc, '$.${field}."$date"')` : `json_extract(doc, '$.${field}')`);

/** Writes every collection's rows into a file laid out as the first version of the embedded store did. */
function writeFirstLayout(file: string, rows: Map<string, { _id: string; doc: string }[]>): void {
  const db = new BetterSqlite3(file);
  db.pragma('journal_mode = WAL');
  for (const spec of collectionSpecs) {
    db.exec(`CREATE TABLE "c_${spec.name}" (_id TEXT PRIMARY KEY, doc TEXT NOT NULL) WITHOUT ROWID`);
    for (const index of spec.indexes) {
      const fields = Object.keys(index.keys);
      const dates: readonly string[] = 'dates' in index ? index.dates : [];
      const columns = fields.map((field) => firstLayoutPath(field, dates.includes(field))).join(', ');
      const partial = 'sparse' in index && index.sparse ? ` WHERE ${fields.map((field) => `${firstLayoutPath(field, dates.includes(field))} IS NOT NULL`).join(' AND ')}` : '';
      db.exec(`CREATE ${'unique' in index && index.unique ? 'UNIQUE ' : ''}INDEX "ix_${spec.name}_${fields.join('_')}" ON "c_${spec.name}" (${columns})${partial}`);
    }
    const insert = db.prepare(`INSERT INTO "c_${spec.name}" (_id, doc) VALUES (?, ?)`);
    for (const row of rows.get(spec.name) ?? []) insert.run(row._id, row.doc);
  }
  db.close();
}

function allRows(db: Database, table: (collection: string) => string): Map<string, { _id: string; doc: string }[]> {
  return new Map(collectionSpecs.map((spec) => [spec.name, db.prepare(`SELECT _id, doc FROM ${table(spec.name)} ORDER BY _id`).all() as { _id: string; doc: string }[]]));
}

describe('EmbeddedDocumentStore opening a file written by the first layout', () => {
  it('keeps every document, answers lookups and reports as a fresh store does, and leaves nothing to do on the next open', async () => {
    const freshDir = directory();
    const fresh = new EmbeddedDocumentStore(freshDir);
    await fresh.init();
    await seedReportFixture(fresh);
    const rows = allRows(fresh.db, (name) => `"c2_${name}"`);

    const oldDir = directory();
    writeFirstLayout(join(oldDir, embeddedDatabaseFile), rows);
    const upgraded = new EmbeddedDocumentStore(oldDir);
    await upgraded.init();
    try {
      expect(allRows(upgraded.db, (name) => `"c2_${name}"`)).toEqual(rows);
      const tables = upgraded.db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'c\\_%' ESCAPE '\\'`).pluck().all();
      expect(tables).toEqual([]);
      // Lookups through the new indexes find the old documents.
      expect((await upgraded.collection('messages').find({ conversationId: 'cnv_c1' })).map((message) => message._id)).toHaveLength(7);
      expect(await upgraded.collection('csat_responses').findOne({ conversationId: 'cnv_r3' })).toMatchObject({ score: 2, agentId: 'bob', answeredAt: new Date('2026-03-04T05:00:00Z') });
      for (const bucket of ['day', 'week'] as const) {
        const range = reportRange({ from: '2026-03-02', to: '2026-03-08', bucket }, 'Asia/Ho_Chi_Minh');
        expect(await csatReport(upgraded, range)).toEqual(await csatReport(fresh, range));
        expect(await operationsReport(upgraded, range)).toEqual(await operationsReport(fresh, range));
      }
      for (const spec of collectionSpecs) {
        expect(ensureTableSchema(upgraded.db, spec.name, spec)).toEqual({ created: false, copiedFromLegacy: 0, addedColumns: [], droppedIndexes: [], createdIndexes: [] });
      }
    } finally {
      await upgraded.close();
      await fresh.close();
    }
  });

  it('refuses to open, changing nothing, when a document cannot move into the new layout', async () => {
    const dir = directory();
    const twin = (id: string) => ({ _id: id, doc: JSON.stringify({ _id: id, channel: 'telegram', platformMessageId: '77', inboundKey: '["telegram","1","77"]', direction: 'in', createdAt: { $date: '2026-03-02T03:00:00.000Z' } }) });
    // The first layout's unique index was on JSON text; two rows it let through now clash.
    writeFirstLayout(join(dir, embeddedDatabaseFile), new Map([['messages', [twin('msg_a')]]]));
    const raw = new BetterSqlite3(join(dir, embeddedDatabaseFile));
    raw.exec(`DROP INDEX "ix_messages_inboundKey"`);
    raw.prepare(`INSERT INTO "c_messages" (_id, doc) VALUES (?, ?)`).run(twin('msg_b')._id, twin('msg_b').doc);
    raw.close();

    const store = new EmbeddedDocumentStore(dir);
    await expect(store.init()).rejects.toThrow(/UNIQUE/);
    await store.close();
    const after = new BetterSqlite3(join(dir, embeddedDatabaseFile), { readonly: true });
    expect(after.prepare(`SELECT _id FROM "c_messages" ORDER BY _id`).pluck().all()).toEqual(['msg_a', 'msg_b']);
    expect(after.prepare(`SELECT name FROM sqlite_master WHERE name LIKE 'c2\\_%' ESCAPE '\\'`).pluck().all()).toEqual([]);
    after.close();
  });

  it('moves over rows an earlier version wrote after the upgrade, and fills a column a newer spec declares', async () => {
    const dir = directory();
    const store = new EmbeddedDocumentStore(dir);
    await store.init();
    await store.collection('messages').insertOne({ _id: 'msg_new', conversationId: 'cnv_1', channel: 'webchat', direction: 'in', createdAt: new Date('2026-03-02T02:00:00Z') } as never);
    await store.close();

    const db = new BetterSqlite3(join(dir, embeddedDatabaseFile));
    // An earlier version started again: it makes its own table and writes to it.
    db.exec(`CREATE TABLE "c_messages" (_id TEXT PRIMARY KEY, doc TEXT NOT NULL) WITHOUT ROWID`);
    db.prepare(`INSERT INTO "c_messages" (_id, doc) VALUES (?, ?)`).run('msg_old', JSON.stringify({ _id: 'msg_old', conversationId: 'cnv_1', channel: 'telegram', direction: 'out', createdAt: { $date: '2026-03-02T03:00:00.000Z' } }));
    // A column the spec declares is missing (as after a spec gained a field).
    db.exec(`DROP INDEX "ix_messages_customerId"`);
    db.exec(`ALTER TABLE "c2_messages" DROP COLUMN "f:customerId"`);
    db.close();

    const reopened = new EmbeddedDocumentStore(dir);
    await reopened.init();
    try {
      expect((await reopened.collection('messages').find({ conversationId: 'cnv_1' }, { sort: { createdAt: 1 } })).map((message) => message._id)).toEqual(['msg_new', 'msg_old']);
      await reopened.collection('messages').updateOne({ _id: 'msg_new' }, { $set: { customerId: 'cus_9' } });
      expect((await reopened.collection('messages').find({ customerId: 'cus_9' })).map((message) => message._id)).toEqual(['msg_new']);
    } finally {
      await reopened.close();
    }
  });
});

describe('EmbeddedDocumentStore report queries', () => {
  it('count messages per channel, direction and week from the report index alone, in a zone with DST too', async () => {
    const dir = directory();
    const store = new EmbeddedDocumentStore(dir);
    await store.init();
    try {
      await seedReportFixture(store);
      const plans: string[] = [];
      const statement = store.statement.bind(store);
      store.statement = (sql: string) => {
        if (sql.includes('GROUP BY')) plans.push(...(store.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...Array(sql.split('?').length - 1).fill('')) as { detail: string }[]).map((row) => row.detail));
        return statement(sql);
      };
      for (const timezone of ['Asia/Ho_Chi_Minh', 'Europe/Prague']) {
        plans.length = 0;
        // Prague changes to summer time on 29 March: the range spans it.
        await operationsReport(store, reportRange({ from: '2026-03-02', to: '2026-04-05', bucket: 'week' }, timezone));
        const messagePlan = plans.filter((detail) => detail.includes('c2_messages'));
        expect(messagePlan).toEqual([expect.stringContaining('USING COVERING INDEX rx_messages_createdAt')]);
      }
    } finally {
      await store.close();
    }
  });
});
