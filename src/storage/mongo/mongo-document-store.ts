import { Schema, type Connection, type Model } from 'mongoose';
import { collectionSpec, collectionSpecs, type CollectionSpec } from '../collections.js';
import type { DocumentCollection, DocumentStore, StoredDocument } from '../document-store.js';
import { DatabaseUnavailableError } from '../database-unavailable-error.js';
import { MongoCollection } from './mongo-collection.js';
import { storeErrorOf } from './mongo-store-error.js';

/**
 * A schemaless mongoose schema for one collection: string `_id`, any other field (zod
 * validates documents at the repository boundary), and the collection's indexes.
 */
function schemaFor(spec: CollectionSpec): Schema {
  const schema = new Schema({ _id: String }, { strict: false, strictQuery: false, versionKey: false, autoIndex: false, autoCreate: false, id: false });
  for (const index of spec.indexes) {
    const fields = Object.keys(index.keys);
    // MongoDB indexes a missing field as null, so a unique index over optional fields must
    // be partial; the embedded adapter gets this from SQLite's distinct NULLs.
    const partialFilterExpression = index.sparse ? Object.fromEntries(fields.map((field) => [field, { $exists: true }])) : undefined;
    schema.index(index.keys, { unique: index.unique ?? false, ...(partialFilterExpression ? { partialFilterExpression } : {}) });
  }
  return schema;
}

/** The default `operationTimeoutMs`, as `MONGODB_TIMEOUT_MS`'s. */
const defaultOperationTimeoutMs = 5000;

/**
 * The production store: MongoDB through a mongoose connection created in `main.ts` (with
 * `mongoConnectOptions`). Each operation may run `operationTimeoutMs` on the server
 * (`maxTimeMS`); past it, or when no server answers, it fails with `DatabaseUnavailableError`.
 */
export class MongoDocumentStore implements DocumentStore {
  readonly kind = 'mongodb' as const;

  constructor(
    private readonly connection: Connection,
    readonly location: string,
    private readonly options: { operationTimeoutMs?: number } = {},
  ) {}

  collection<T extends StoredDocument>(name: string): DocumentCollection<T> {
    return new MongoCollection<T>(name, this.model(name), this.operationTimeoutMs);
  }

  async init(): Promise<void> {
    for (const spec of collectionSpecs) {
      const model = this.model(spec.name);
      await model.createCollection();
      // Makes the indexes exactly those of the spec: an index an earlier version declared
      // differently (e.g. the old unique platform-id index of messages) is dropped and rebuilt.
      await model.syncIndexes();
    }
  }

  async ping(): Promise<void> {
    const db = this.connection.db;
    if (!db) throw new DatabaseUnavailableError('admin', 'the connection is not open');
    try {
      await db.admin().command({ ping: 1, maxTimeMS: this.operationTimeoutMs });
    } catch (error) {
      throw storeErrorOf('admin', error);
    }
  }

  async close(): Promise<void> {
    await this.connection.close();
  }

  private get operationTimeoutMs(): number {
    return this.options.operationTimeoutMs ?? defaultOperationTimeoutMs;
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- schemaless models
  private model(name: string): Model<any> {
    return this.connection.models[name] ?? this.connection.model(name, schemaFor(collectionSpec(name)), name);
  }
}
