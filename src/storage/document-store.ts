/**
 * The storage port. Every query, update and report pipeline in Careline is written once,
 * in MongoDB's query language, against this interface; the MongoDB adapter hands it to
 * mongoose, the embedded adapter evaluates it with mingo over SQLite.
 *
 * Example: `store.collection<Ticket>('tickets').findOneAndUpdate({ _id, assigneeId: null },
 * { $set: { assigneeId } })` claims a ticket only if nobody owns it.
 */
export type Filter = Record<string, unknown>;
export type Update = Record<string, unknown>;
export type Sort = Record<string, 1 | -1>;
export type Pipeline = Record<string, unknown>[];

/** Every stored document has a string id chosen by Careline (see `newId`). */
export interface StoredDocument {
  _id: string;
}

export interface FindOptions {
  sort?: Sort;
  skip?: number;
  limit?: number;
}

export interface UpdateOptions {
  /** Insert a document built from the filter's equality fields and the update when none matches. */
  upsert?: boolean;
}

export interface FindOneAndUpdateOptions extends UpdateOptions {
  sort?: Sort;
  /** Which version of the document to return; MongoDB's default is 'before', ours is 'after'. */
  returnDocument?: 'before' | 'after';
}

export interface UpdateResult {
  matchedCount: number;
  modifiedCount: number;
  upsertedId: string | null;
}

/** One collection of documents of type `T`. All methods are atomic per document. */
export interface DocumentCollection<T extends StoredDocument> {
  /** Inserts a document; a clash on `_id` or a unique index throws `DuplicateKeyError`. */
  insertOne(doc: T): Promise<T>;
  /** Inserts several documents in order; stops at the first clash and throws `DuplicateKeyError`. */
  insertMany(docs: T[]): Promise<T[]>;
  findOne(filter: Filter, options?: Omit<FindOptions, 'limit'>): Promise<T | null>;
  find(filter: Filter, options?: FindOptions): Promise<T[]>;
  countDocuments(filter?: Filter): Promise<number>;
  updateOne(filter: Filter, update: Update, options?: UpdateOptions): Promise<UpdateResult>;
  updateMany(filter: Filter, update: Update): Promise<UpdateResult>;
  /** Finds one document, updates it and returns it, atomically (the basis of claims and leases). */
  findOneAndUpdate(filter: Filter, update: Update, options?: FindOneAndUpdateOptions): Promise<T | null>;
  /** Replaces the whole document with the same `_id`; returns whether one was replaced. */
  replaceOne(filter: Filter, doc: T, options?: UpdateOptions): Promise<UpdateResult>;
  deleteOne(filter: Filter): Promise<number>;
  deleteMany(filter: Filter): Promise<number>;
  /** Runs an aggregation pipeline; `$lookup` may name other collections. */
  aggregate<R = Record<string, unknown>>(pipeline: Pipeline): Promise<R[]>;
}

/** A database: named collections plus health and lifecycle. */
export interface DocumentStore {
  /** 'embedded' or 'mongodb', for logs and `/readyz`. */
  readonly kind: 'embedded' | 'mongodb';
  /** A human-readable location (a directory or a host list with the password removed). */
  readonly location: string;
  collection<T extends StoredDocument>(name: string): DocumentCollection<T>;
  /** Creates collections and indexes; safe to call on every start. */
  init(): Promise<void>;
  /** Resolves when the store answers a trivial query; rejects otherwise. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
