import type { Database, Statement } from 'better-sqlite3';
import { Aggregator, Query, update as applyModifier } from 'mingo';
import type { Options } from 'mingo/types';
import type {
  DocumentCollection,
  Filter,
  FindOneAndUpdateOptions,
  FindOptions,
  Pipeline,
  StoredDocument,
  Update,
  UpdateOptions,
  UpdateResult,
} from '../document-store.js';
import { DuplicateKeyError } from '../duplicate-key-error.js';
import { assertUpdateOperators, withUpsertId } from '../update-rules.js';
import { decodeDocument, encodeDocument } from './document-codec.js';
import { planSqlGroup, type GroupSchema } from './sql-group.js';
import { applyPlainUpdate, isExactFilter } from './plain-operations.js';
import { sqlOrder, sqlPrefilter } from './sql-prefilter.js';
import type { FieldKind } from './stored-columns.js';
import type { TableWrites } from './table-schema.js';
import { upsertSeed } from './upsert-seed.js';

type Doc = StoredDocument & Record<string, unknown>;

/** What a collection needs from its store: the database and a way to read other collections. */
export interface EmbeddedCollectionContext {
  db: Database;
  /** A prepared statement, cached by its text. */
  statement(sql: string): Statement;
  /** Runs `work` atomically (holding the write lock); resolves with its result once it is durable. */
  write<R>(work: () => R): Promise<R>;
  tableName(collection: string): string;
  /** The INSERT and UPDATE statements that write a document with its stored columns. */
  writes(collection: string): TableWrites;
  indexedFields(collection: string): ReadonlyMap<string, FieldKind>;
  /** What a GROUP BY may use: indexed fields, declared group fields, report indexes. */
  groupSchema(collection: string): GroupSchema;
  /** Whether simple `$group` stages run as SQL (on by default; off to compare with mingo). */
  readonly sqlGroups: boolean;
}

function isUniqueViolation(error: unknown): error is Error {
  const code = (error as { code?: unknown }).code;
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/**
 * One collection of the embedded store: documents as JSON rows in a SQLite table, filters,
 * updates and pipelines evaluated by mingo with MongoDB's semantics. Every write runs under
 * the write lock (see `EmbeddedDocumentStore.write`), so a read-modify-write is atomic even
 * across processes, and resolves once it is on disk.
 */
export class EmbeddedCollection<T extends StoredDocument> implements DocumentCollection<T> {
  private readonly table: string;
  private readonly writes: TableWrites;
  private readonly mingoOptions: Partial<Options>;

  constructor(
    private readonly name: string,
    private readonly context: EmbeddedCollectionContext,
  ) {
    this.table = context.tableName(name);
    this.writes = context.writes(name);
    this.mingoOptions = { collectionResolver: (other: string) => this.readAll(other) };
  }

  async insertOne(doc: T): Promise<T> {
    await this.write(() => this.insertRow(doc as unknown as Doc));
    return doc;
  }

  async insertMany(docs: T[]): Promise<T[]> {
    // Like MongoDB's ordered insert: the documents before a clash stay inserted.
    const clash = await this.write(() => {
      for (const doc of docs) {
        try {
          this.insertRow(doc as unknown as Doc);
        } catch (error) {
          return error;
        }
      }
      return null;
    });
    if (clash) throw clash;
    return docs;
  }

  async findOne(filter: Filter, options: Omit<FindOptions, 'limit'> = {}): Promise<T | null> {
    return (this.match(filter, { ...options, limit: 1 })[0] as T | undefined) ?? null;
  }

  async find(filter: Filter, options: FindOptions = {}): Promise<T[]> {
    return this.match(filter, options) as T[];
  }

  async countDocuments(filter: Filter = {}): Promise<number> {
    return this.match(filter, {}).length;
  }

  async updateOne(filter: Filter, update: Update, options: UpdateOptions = {}): Promise<UpdateResult> {
    return this.write(() => {
      const [found] = this.match(filter, { limit: 1 });
      if (found) return { matchedCount: 1, modifiedCount: this.modify(found, update) ? 1 : 0, upsertedId: null };
      if (!options.upsert) return { matchedCount: 0, modifiedCount: 0, upsertedId: null };
      return { matchedCount: 0, modifiedCount: 0, upsertedId: this.upsert(filter, update)._id };
    });
  }

  async updateMany(filter: Filter, update: Update): Promise<UpdateResult> {
    return this.write(() => {
      const found = this.match(filter, {});
      const modifiedCount = found.filter((doc) => this.modify(doc, update)).length;
      return { matchedCount: found.length, modifiedCount, upsertedId: null };
    });
  }

  async findOneAndUpdate(filter: Filter, update: Update, options: FindOneAndUpdateOptions = {}): Promise<T | null> {
    return this.write(() => {
      const [found] = this.match(filter, { sort: options.sort, limit: 1 });
      if (!found) {
        if (!options.upsert) return null;
        const inserted = this.upsert(filter, update);
        return (options.returnDocument === 'before' ? null : inserted) as T | null;
      }
      const before = options.returnDocument === 'before' ? structuredClone(found) : found;
      this.modify(found, update);
      return before as unknown as T;
    });
  }

  async replaceOne(filter: Filter, doc: T, options: UpdateOptions = {}): Promise<UpdateResult> {
    return this.write(() => {
      const [found] = this.match(filter, { limit: 1 });
      if (!found) {
        if (!options.upsert) return { matchedCount: 0, modifiedCount: 0, upsertedId: null };
        this.insertRow(doc as unknown as Doc);
        return { matchedCount: 0, modifiedCount: 0, upsertedId: doc._id };
      }
      if (doc._id !== found._id) throw new Error(`replaceOne in ${this.name} may not change _id`);
      this.saveRow(doc as unknown as Doc);
      return { matchedCount: 1, modifiedCount: 1, upsertedId: null };
    });
  }

  async deleteOne(filter: Filter): Promise<number> {
    return this.write(() => {
      const [found] = this.match(filter, { limit: 1 });
      return found ? this.deleteRow(found._id) : 0;
    });
  }

  async deleteMany(filter: Filter): Promise<number> {
    return this.write(() => this.match(filter, {}).reduce((sum, doc) => sum + this.deleteRow(doc._id), 0));
  }

  async aggregate<R = Record<string, unknown>>(pipeline: Pipeline): Promise<R[]> {
    const grouped = this.groupInSql(pipeline);
    if (grouped) {
      const rest = pipeline.slice(grouped.consumed);
      return (rest.length > 0 ? new Aggregator(rest, this.mingoOptions).run(grouped.docs) : grouped.docs) as R[];
    }
    const first = pipeline[0]?.$match as Filter | undefined;
    const source = first ? this.candidates(this.name, first) : this.readAll(this.name);
    return new Aggregator(pipeline, this.mingoOptions).run(source) as R[];
  }

  /** A leading `$match` + `$group` done by SQLite's GROUP BY (see `planSqlGroup`), or null to leave it to mingo. */
  private groupInSql(pipeline: Pipeline): { docs: Record<string, unknown>[]; consumed: number } | null {
    if (!this.context.sqlGroups) return null;
    const plan = planSqlGroup(pipeline, this.table, this.context.groupSchema(this.name));
    if (!plan) return null;
    const rows = this.context.statement(plan.sql).all(...plan.params) as Record<string, unknown>[];
    return { docs: rows.map((row) => plan.toDocument(row)), consumed: plan.consumed };
  }

  private write<R>(work: () => R): Promise<R> {
    return this.context.write(work);
  }

  private readAll(collection: string): Doc[] {
    return this.candidates(collection, {});
  }

  private candidates(collection: string, filter: Filter): Doc[] {
    const { where, params } = sqlPrefilter(filter, this.context.indexedFields(collection));
    const rows = this.context.statement(`SELECT doc FROM ${this.context.tableName(collection)} ${where}`).all(...params);
    return (rows as { doc: string }[]).map((row) => decodeDocument<Doc>(row.doc));
  }

  private match(filter: Filter, options: FindOptions): Doc[] {
    const indexed = this.context.indexedFields(this.name);
    const order = sqlOrder(options.sort, indexed);
    // Most lookups (by id, by channel identity, by open-conversation key) need no mingo at all.
    if (isExactFilter(filter, indexed) && (order || !options.sort)) return this.matchExactly(filter, order ?? '', options);
    const query = new Query(filter, this.mingoOptions);
    if (order && options.limit) return this.matchInOrder(query, filter, order, (options.skip ?? 0) + options.limit).slice(options.skip ?? 0);
    let cursor = query.find<Doc>(this.candidates(this.name, filter));
    if (options.sort) cursor = cursor.sort(options.sort);
    if (options.skip) cursor = cursor.skip(options.skip);
    if (options.limit) cursor = cursor.limit(options.limit);
    return cursor.all();
  }

  /** A filter the SQL prefilter answers exactly: SQL sorts, skips and limits too. */
  private matchExactly(filter: Filter, order: string, options: FindOptions): Doc[] {
    const { where, params } = sqlPrefilter(filter, this.context.indexedFields(this.name));
    const page = options.limit || options.skip ? ` LIMIT ${Math.trunc(options.limit ?? -1)} OFFSET ${Math.trunc(options.skip ?? 0)}` : '';
    const rows = this.context.statement(`SELECT doc FROM ${this.table} ${where} ${order}${page}`).all(...params) as { doc: string }[];
    return rows.map((row) => decodeDocument<Doc>(row.doc));
  }

  /** Reads rows in SQL order and stops after `wanted` matches: the fast path for "the next due job". */
  private matchInOrder(query: Query, filter: Filter, order: string, wanted: number): Doc[] {
    const { where, params } = sqlPrefilter(filter, this.context.indexedFields(this.name));
    const found: Doc[] = [];
    for (const row of this.context.statement(`SELECT doc FROM ${this.table} ${where} ${order}`).iterate(...params) as IterableIterator<{ doc: string }>) {
      const doc = decodeDocument<Doc>(row.doc);
      if (query.test(doc)) found.push(doc);
      if (found.length >= wanted) break;
    }
    return found;
  }

  /** Applies an update in place and saves it; returns whether anything changed. */
  private modify(doc: Doc, update: Update): boolean {
    assertUpdateOperators(update);
    const { $setOnInsert: _ignored, ...operators } = update;
    if (Object.keys(operators).length === 0) return false;
    const id = doc._id;
    const plain = applyPlainUpdate(doc, operators);
    if (plain !== null) {
      if (doc._id !== id) throw new Error(`An update in ${this.name} may not change _id`);
      if (plain) this.saveRow(doc);
      return plain;
    }
    const changed = applyModifier(doc, operators, undefined, undefined, { cloneMode: 'deep', queryOptions: this.mingoOptions });
    if (doc._id !== id) throw new Error(`An update in ${this.name} may not change _id`);
    if (changed.length > 0) this.saveRow(doc);
    return changed.length > 0;
  }

  private upsert(filter: Filter, update: Update): Doc {
    assertUpdateOperators(update);
    const { $setOnInsert, ...operators } = withUpsertId(filter, update, this.name.slice(0, 3));
    const { _id, ...onInsert } = ($setOnInsert ?? {}) as Record<string, unknown>;
    const doc = { ...upsertSeed(filter), ...(_id === undefined ? {} : { _id }) } as Doc;
    const $set = { ...(operators.$set as object | undefined), ...onInsert };
    const modifier = Object.keys($set).length > 0 ? { ...operators, $set } : operators;
    if (Object.keys(modifier).length > 0) applyModifier(doc, modifier, undefined, undefined, { cloneMode: 'deep', queryOptions: this.mingoOptions });
    this.insertRow(doc);
    return doc;
  }

  private insertRow(doc: Doc): void {
    if (typeof doc._id !== 'string' || doc._id === '') throw new Error(`A document for ${this.name} needs a string _id`);
    this.guard(() => this.context.statement(this.writes.insert).run({ id: doc._id, doc: encodeDocument(doc) }));
  }

  private saveRow(doc: Doc): void {
    this.guard(() => this.context.statement(this.writes.update).run({ id: doc._id, doc: encodeDocument(doc) }));
  }

  private deleteRow(id: string): number {
    return this.context.statement(`DELETE FROM ${this.table} WHERE _id = ?`).run(id).changes;
  }

  private guard(statement: () => unknown): void {
    try {
      statement();
    } catch (error) {
      if (isUniqueViolation(error)) throw new DuplicateKeyError(this.name, error.message);
      throw error;
    }
  }
}
