import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
// The real one even where a test fakes the global timers: a commit must never wait on a fake clock.
import { setImmediate as afterThisTurn } from 'node:timers';
import BetterSqlite3, { type Database, type Statement } from 'better-sqlite3';
import { collectionSpec, collectionSpecs, type CollectionSpec } from '../collections.js';
import type { DocumentCollection, DocumentStore, StoredDocument } from '../document-store.js';
import { EmbeddedCollection, type EmbeddedCollectionContext } from './embedded-collection.js';
import { fieldExpression, type FieldKind } from './sql-prefilter.js';

/** The file the embedded store keeps everything in, inside the data directory. */
export const embeddedDatabaseFile = 'careline.sqlite';

function indexedFieldKinds(spec: CollectionSpec): Map<string, FieldKind> {
  const kinds = new Map<string, FieldKind>();
  for (const index of spec.indexes) {
    for (const field of Object.keys(index.keys)) kinds.set(field, index.dates?.includes(field) ? 'date' : 'scalar');
  }
  return kinds;
}

function tableName(collection: string): string {
  if (!/^[a-z][a-z0-9_]*$/.test(collection)) throw new Error(`Collection name "${collection}" must be lowercase snake_case`);
  return `"c_${collection}"`;
}

/**
 * The zero-setup store: one SQLite file (WAL, synchronous=FULL, so every acknowledged write
 * survives a crash or `kill -9`) under the data directory, queried in MongoDB's language.
 * Several processes may open the same directory; SQLite's locks keep writes atomic.
 *
 * Group commit: the writes made during one turn of the event loop share one transaction
 * (each in its own savepoint, so one failing undoes only itself) and one fsync, made before
 * the next turn; a write's promise resolves only once that commit is on disk. Concurrent
 * conversations thus share fsyncs instead of each blocking the loop for its own.
 */
export class EmbeddedDocumentStore implements DocumentStore, EmbeddedCollectionContext {
  readonly kind = 'embedded' as const;
  readonly location: string;
  readonly db: Database;
  private readonly statements = new Map<string, Statement>();
  private readonly ensured = new Set<string>();
  /** Writes made in the open group transaction, waiting for its commit. */
  private waiting: { resolve: () => void; reject: (error: unknown) => void }[] = [];
  private commitPlanned = false;

  /** `sqlGroups: false` makes every pipeline run in mingo (to check the SQL path gives the same results). */
  constructor(
    dataDir: string,
    readonly options: { sqlGroups?: boolean } = {},
  ) {
    mkdirSync(dataDir, { recursive: true });
    this.location = join(dataDir, embeddedDatabaseFile);
    this.db = new BetterSqlite3(this.location);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('busy_timeout = 5000');
  }

  collection<T extends StoredDocument>(name: string): DocumentCollection<T> {
    this.ensureTable(name);
    return new EmbeddedCollection<T>(name, this);
  }

  async init(): Promise<void> {
    for (const spec of collectionSpecs) this.ensureTable(spec.name);
  }

  async ping(): Promise<void> {
    this.statement('SELECT 1').get();
  }

  async close(): Promise<void> {
    if (!this.db.open) return;
    this.commit();
    this.db.close();
  }

  write<R>(work: () => R): Promise<R> {
    if (!this.db.inTransaction) this.statement('BEGIN IMMEDIATE').run();
    this.planCommit();
    // A savepoint inside the group transaction: a failing write undoes only itself.
    this.statement('SAVEPOINT write').run();
    let result: R;
    try {
      result = work();
    } catch (error) {
      this.statement('ROLLBACK TO write').run();
      this.statement('RELEASE write').run();
      return Promise.reject(error);
    }
    this.statement('RELEASE write').run();
    return new Promise<R>((resolve, reject) => this.waiting.push({ resolve: () => resolve(result), reject }));
  }

  private planCommit(): void {
    if (this.commitPlanned) return;
    this.commitPlanned = true;
    afterThisTurn(() => this.commit());
  }

  /** Commits the group transaction (one fsync) and settles the writes made in it. */
  private commit(): void {
    this.commitPlanned = false;
    const settled = this.waiting;
    this.waiting = [];
    if (!this.db.open || !this.db.inTransaction) {
      for (const write of settled) write.reject(new Error('The embedded store was closed before the write was committed'));
      return;
    }
    try {
      this.statement('COMMIT').run();
    } catch (error) {
      if (this.db.inTransaction) this.statement('ROLLBACK').run();
      for (const write of settled) write.reject(error);
      return;
    }
    for (const write of settled) write.resolve();
  }

  get sqlGroups(): boolean {
    return this.options.sqlGroups ?? true;
  }

  statement(sql: string): Statement {
    let prepared = this.statements.get(sql);
    if (!prepared) {
      prepared = this.db.prepare(sql);
      this.statements.set(sql, prepared);
    }
    return prepared;
  }

  tableName(collection: string): string {
    this.ensureTable(collection);
    return tableName(collection);
  }

  groupFields(collection: string): ReadonlyMap<string, 'scalar' | 'boolean'> {
    return new Map(Object.entries(collectionSpec(collection).groupFields ?? {}));
  }

  indexedFields(collection: string): ReadonlyMap<string, FieldKind> {
    return indexedFieldKinds(collectionSpec(collection));
  }

  private ensureTable(collection: string): void {
    if (this.ensured.has(collection)) return;
    const table = tableName(collection);
    const statements = [`CREATE TABLE IF NOT EXISTS ${table} (_id TEXT PRIMARY KEY, doc TEXT NOT NULL) WITHOUT ROWID`];
    for (const index of collectionSpec(collection).indexes) {
      const fields = Object.keys(index.keys);
      const name = `"ix_${collection}_${fields.join('_').replaceAll('.', '_')}"`;
      const kinds = indexedFieldKinds({ name: collection, indexes: [index] });
      const columns = fields.map((field) => fieldExpression(field, kinds.get(field))).join(', ');
      // SQLite treats NULLs as distinct in unique indexes, so absent keys never clash; MongoDB
      // needs a partial index for the same effect (see the MongoDB adapter).
      const partial = index.sparse ? ` WHERE ${fields.map((field) => `${fieldExpression(field, kinds.get(field))} IS NOT NULL`).join(' AND ')}` : '';
      statements.push(`CREATE ${index.unique ? 'UNIQUE ' : ''}INDEX IF NOT EXISTS ${name} ON ${table} (${columns})${partial}`);
    }
    this.db.transaction(() => statements.forEach((sql) => this.db.exec(sql)))();
    this.ensured.add(collection);
  }
}
