import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
// The real one even where a test fakes the global timers: a commit must never wait on a fake clock.
import { setImmediate as afterThisTurn } from 'node:timers';
import BetterSqlite3, { type Database, type Statement } from 'better-sqlite3';
import { collectionSpec, collectionSpecs } from '../collections.js';
import { DatabaseUnavailableError } from '../database-unavailable-error.js';
import type { DocumentCollection, DocumentStore, StoredDocument } from '../document-store.js';
import { EmbeddedCollection, type EmbeddedCollectionContext } from './embedded-collection.js';
import type { GroupSchema } from './sql-group.js';
import { indexedFieldKinds, reportDateFields, reportIndexName, type FieldKind } from './stored-columns.js';
import { ensureTableSchema, tableNames, tableWrites, type TableWrites } from './table-schema.js';

/** How long a write waits for another process's write lock before it fails. */
const defaultBusyTimeoutMs = 5000;

/** The file the embedded store keeps everything in, inside the data directory. */
export const embeddedDatabaseFile = 'careline.sqlite';

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

  /**
   * `sqlGroups: false` makes every pipeline run in mingo (to check the SQL path gives the same
   * results); `busyTimeoutMs` is how long a write waits for another process's write lock
   * (default 5000; tests that wait it out use less).
   */
  constructor(
    dataDir: string,
    readonly options: { sqlGroups?: boolean; busyTimeoutMs?: number } = {},
  ) {
    mkdirSync(dataDir, { recursive: true });
    this.location = join(dataDir, embeddedDatabaseFile);
    this.db = new BetterSqlite3(this.location);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.pragma(`busy_timeout = ${this.busyTimeoutMs}`);
  }

  collection<T extends StoredDocument>(name: string): DocumentCollection<T> {
    this.ensureTable(name);
    return new EmbeddedCollection<T>(name, this);
  }

  async init(): Promise<void> {
    // One transaction (one fsync) for every table, instead of one each.
    try {
      this.db.transaction(() => collectionSpecs.forEach((spec) => this.ensureTable(spec.name))).immediate();
    } catch (error) {
      // Rolled back: no table counts as ready.
      this.ensured.clear();
      throw error;
    }
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
    if (!this.db.inTransaction) this.begin();
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

  /** Takes the write lock; another process holding it past the busy timeout is a `DatabaseUnavailableError`. */
  private begin(): void {
    try {
      this.statement('BEGIN IMMEDIATE').run();
    } catch (error) {
      if ((error as { code?: unknown }).code !== 'SQLITE_BUSY') throw error;
      throw new DatabaseUnavailableError(this.location, `another process held the write lock for ${this.busyTimeoutMs} ms`, { cause: error });
    }
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

  private get busyTimeoutMs(): number {
    return this.options.busyTimeoutMs ?? defaultBusyTimeoutMs;
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
    return tableNames(collection).table;
  }

  writes(collection: string): TableWrites {
    return tableWrites(this.tableName(collection), collectionSpec(collection));
  }

  groupSchema(collection: string): GroupSchema {
    const spec = collectionSpec(collection);
    return {
      indexed: indexedFieldKinds(spec),
      groupFields: new Map(Object.entries(spec.groupFields ?? {})),
      reportIndexes: new Map(reportDateFields(spec).map((field) => [field, reportIndexName(spec.name, field)])),
    };
  }

  indexedFields(collection: string): ReadonlyMap<string, FieldKind> {
    return indexedFieldKinds(collectionSpec(collection));
  }

  /** Creates the collection's table, or brings one written by an earlier version up to date (see `ensureTableSchema`). */
  private ensureTable(collection: string): void {
    if (this.ensured.has(collection)) return;
    ensureTableSchema(this.db, collection, collectionSpec(collection));
    this.ensured.add(collection);
  }
}
