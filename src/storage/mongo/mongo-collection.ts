import type { Model } from 'mongoose';
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

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- schemaless models: zod validates at the repository boundary
type AnyModel = Model<any>;

function isDuplicateKey(error: unknown): error is Error {
  return (error as { code?: unknown }).code === 11000;
}

/** One MongoDB collection through its mongoose model; results are plain (lean) objects. */
export class MongoCollection<T extends StoredDocument> implements DocumentCollection<T> {
  constructor(
    private readonly name: string,
    private readonly model: AnyModel,
  ) {}

  async insertOne(doc: T): Promise<T> {
    await this.guard(() => this.model.insertMany([doc], { ordered: true, lean: true }));
    return doc;
  }

  async insertMany(docs: T[]): Promise<T[]> {
    if (docs.length > 0) await this.guard(() => this.model.insertMany(docs, { ordered: true, lean: true }));
    return docs;
  }

  async findOne(filter: Filter, options: Omit<FindOptions, 'limit'> = {}): Promise<T | null> {
    const [found] = await this.find(filter, { ...options, limit: 1 });
    return found ?? null;
  }

  async find(filter: Filter, options: FindOptions = {}): Promise<T[]> {
    return (await this.model.find(filter, null, { sort: options.sort, skip: options.skip, limit: options.limit }).lean().exec()) as unknown as T[];
  }

  async countDocuments(filter: Filter = {}): Promise<number> {
    return this.model.countDocuments(filter).exec();
  }

  async updateOne(filter: Filter, update: Update, options: UpdateOptions = {}): Promise<UpdateResult> {
    assertUpdateOperators(update);
    const effective = options.upsert ? withUpsertId(filter, update, this.name.slice(0, 3)) : update;
    const result = await this.guard(() => this.model.updateOne(filter, effective, { upsert: options.upsert ?? false }).exec());
    return { matchedCount: result.matchedCount, modifiedCount: result.modifiedCount, upsertedId: (result.upsertedId as string | null) ?? null };
  }

  async updateMany(filter: Filter, update: Update): Promise<UpdateResult> {
    assertUpdateOperators(update);
    const result = await this.guard(() => this.model.updateMany(filter, update).exec());
    return { matchedCount: result.matchedCount, modifiedCount: result.modifiedCount, upsertedId: null };
  }

  async findOneAndUpdate(filter: Filter, update: Update, options: FindOneAndUpdateOptions = {}): Promise<T | null> {
    assertUpdateOperators(update);
    const effective = options.upsert ? withUpsertId(filter, update, this.name.slice(0, 3)) : update;
    const found = await this.guard(() =>
      this.model
        .findOneAndUpdate(filter, effective, {
          sort: options.sort,
          upsert: options.upsert ?? false,
          returnDocument: options.returnDocument ?? 'after',
        })
        .lean()
        .exec(),
    );
    return (found as unknown as T | null) ?? null;
  }

  async replaceOne(filter: Filter, doc: T, options: UpdateOptions = {}): Promise<UpdateResult> {
    const result = await this.guard(() => this.model.replaceOne(filter, doc, { upsert: options.upsert ?? false }).exec());
    return { matchedCount: result.matchedCount, modifiedCount: result.modifiedCount, upsertedId: (result.upsertedId as string | null) ?? null };
  }

  async deleteOne(filter: Filter): Promise<number> {
    return (await this.model.deleteOne(filter).exec()).deletedCount;
  }

  async deleteMany(filter: Filter): Promise<number> {
    return (await this.model.deleteMany(filter).exec()).deletedCount;
  }

  async aggregate<R = Record<string, unknown>>(pipeline: Pipeline): Promise<R[]> {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- pipelines are plain MongoDB stages
    return (await this.model.aggregate(pipeline as any[]).exec()) as R[];
  }

  private async guard<R>(operation: () => Promise<R>): Promise<R> {
    try {
      return await operation();
    } catch (error) {
      if (isDuplicateKey(error)) throw new DuplicateKeyError(this.name, error.message);
      throw error;
    }
  }
}
