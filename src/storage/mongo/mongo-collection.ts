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
import { assertUpdateOperators, withUpsertId } from '../update-rules.js';
import { storeErrorOf } from './mongo-store-error.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- schemaless models: zod validates at the repository boundary
type AnyModel = Model<any>;

/**
 * One MongoDB collection through its mongoose model; results are plain (lean) objects.
 * Every operation carries `maxTimeMS` (the server gives up on it after that long) and fails
 * with the port's errors: `DuplicateKeyError`, `DatabaseUnavailableError` on a timeout or
 * when no server answers (see `storeErrorOf`).
 */
export class MongoCollection<T extends StoredDocument> implements DocumentCollection<T> {
  constructor(
    private readonly name: string,
    private readonly model: AnyModel,
    private readonly maxTimeMS: number,
  ) {}

  async insertOne(doc: T): Promise<T> {
    await this.guard(() => this.model.insertMany([doc], this.insertOptions()));
    return doc;
  }

  async insertMany(docs: T[]): Promise<T[]> {
    if (docs.length > 0) await this.guard(() => this.model.insertMany(docs, this.insertOptions()));
    return docs;
  }

  async findOne(filter: Filter, options: Omit<FindOptions, 'limit'> = {}): Promise<T | null> {
    const [found] = await this.find(filter, { ...options, limit: 1 });
    return found ?? null;
  }

  async find(filter: Filter, options: FindOptions = {}): Promise<T[]> {
    return (await this.guard(() => this.model.find(filter, null, { sort: options.sort, skip: options.skip, limit: options.limit, maxTimeMS: this.maxTimeMS }).lean().exec())) as unknown as T[];
  }

  async countDocuments(filter: Filter = {}): Promise<number> {
    return this.guard(() => this.model.countDocuments(filter, { maxTimeMS: this.maxTimeMS }).exec());
  }

  async updateOne(filter: Filter, update: Update, options: UpdateOptions = {}): Promise<UpdateResult> {
    assertUpdateOperators(update);
    const effective = options.upsert ? withUpsertId(filter, update, this.name.slice(0, 3)) : update;
    const result = await this.guard(() => this.model.updateOne(filter, effective, { upsert: options.upsert ?? false, maxTimeMS: this.maxTimeMS }).exec());
    return { matchedCount: result.matchedCount, modifiedCount: result.modifiedCount, upsertedId: (result.upsertedId as string | null) ?? null };
  }

  async updateMany(filter: Filter, update: Update): Promise<UpdateResult> {
    assertUpdateOperators(update);
    const result = await this.guard(() => this.model.updateMany(filter, update, { maxTimeMS: this.maxTimeMS }).exec());
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
          maxTimeMS: this.maxTimeMS,
        })
        .lean()
        .exec(),
    );
    return (found as unknown as T | null) ?? null;
  }

  async replaceOne(filter: Filter, doc: T, options: UpdateOptions = {}): Promise<UpdateResult> {
    const result = await this.guard(() => this.model.replaceOne(filter, doc, { upsert: options.upsert ?? false, maxTimeMS: this.maxTimeMS }).exec());
    return { matchedCount: result.matchedCount, modifiedCount: result.modifiedCount, upsertedId: (result.upsertedId as string | null) ?? null };
  }

  async deleteOne(filter: Filter): Promise<number> {
    return (await this.guard(() => this.model.deleteOne(filter, { maxTimeMS: this.maxTimeMS }).exec())).deletedCount;
  }

  async deleteMany(filter: Filter): Promise<number> {
    return (await this.guard(() => this.model.deleteMany(filter, { maxTimeMS: this.maxTimeMS }).exec())).deletedCount;
  }

  async aggregate<R = Record<string, unknown>>(pipeline: Pipeline): Promise<R[]> {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- pipelines are plain MongoDB stages
    return (await this.guard(() => this.model.aggregate(pipeline as any[]).option({ maxTimeMS: this.maxTimeMS }).exec())) as R[];
  }

  private insertOptions() {
    // Mongoose passes these to the driver, which reads maxTimeMS; mongoose's type leaves it out.
    const options = { ordered: true, lean: true, maxTimeMS: this.maxTimeMS } as const;
    return options;
  }

  private async guard<R>(operation: () => Promise<R>): Promise<R> {
    try {
      return await operation();
    } catch (error) {
      throw storeErrorOf(this.name, error);
    }
  }
}
