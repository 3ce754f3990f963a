import { Schema, type Connection, type Model } from 'mongoose';
import { collectionSpec, collectionSpecs, type CollectionSpec } from '../collections.js';
import type { DocumentCollection, DocumentStore, StoredDocument } from '../document-store.js';
import { MongoCollection } from './mongo-collection.js';

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

/** The production store: MongoDB through a mongoose connection created in `main.ts`. */
export class MongoDocumentStore implements DocumentStore {
  readonly kind = 'mongodb' as const;

  constructor(
    private readonly connection: Connection,
    readonly location: string,
  ) {}

  collection<T extends StoredDocument>(name: string): DocumentCollection<T> {
    return new MongoCollection<T>(name, this.model(name));
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
    if (!db) throw new Error('The MongoDB connection is not open');
    await db.admin().ping();
  }

  async close(): Promise<void> {
    await this.connection.close();
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- schemaless models
  private model(name: string): Model<any> {
    return this.connection.models[name] ?? this.connection.model(name, schemaFor(collectionSpec(name)), name);
  }
}
