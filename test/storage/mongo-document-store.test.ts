import mongoose from 'mongoose';
import { afterAll, describe, it } from 'vitest';
import { MongoDocumentStore } from '../../src/storage/mongo/mongo-document-store.js';
import { storeContract } from './store-contract.js';

/**
 * The MongoDB half of the storage contract. It runs against MONGODB_URI when set (CI's
 * `mongo:7` service), else against mongodb-memory-server if that can start a server here,
 * else it is reported as skipped with the reason: it never passes silently.
 */
async function findMongo(): Promise<{ uri: string; stop: () => Promise<void> } | { reason: string }> {
  if (process.env.MONGODB_URI) return { uri: process.env.MONGODB_URI, stop: async () => {} };
  // One download try unless told otherwise: offline, the default three wait about 7 s between
  // failed lookups for nothing (a download that fails is reported as skipped, with the reason).
  process.env.MONGOMS_MAX_RETRIES ??= '1';
  try {
    const { MongoMemoryServer } = await import('mongodb-memory-server-core');
    const server = await Promise.race([
      MongoMemoryServer.create(),
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error('mongodb-memory-server did not start within 60 s')), 60_000)),
    ]);
    return { uri: server.getUri(), stop: async () => void (await server.stop()) };
  } catch (error) {
    return { reason: `MONGODB_URI is not set and mongodb-memory-server cannot start a server here (${(error as Error).message.split('\n')[0]})` };
  }
}

const mongo = await findMongo();

if ('reason' in mongo) {
  const message = `SKIPPED: the MongoDB storage contract did not run: ${mongo.reason}. Set MONGODB_URI to run it.`;
  process.stderr.write(`\n!!! ${message}\n\n`);
  describe('DocumentStore contract: MongoDB (mongoose)', () => {
    it.skip(message, () => {});
  });
} else {
  let database = 0;
  storeContract('MongoDB (mongoose)', async () => {
    // A database per test keeps tests independent on a shared server.
    const connection = mongoose.createConnection(mongo.uri, {
      dbName: `careline_contract_${process.pid}_${++database}`,
      serverSelectionTimeoutMS: 5000,
      bufferCommands: false,
      ignoreUndefined: true,
      autoIndex: false,
      autoCreate: false,
    });
    await connection.asPromise();
    const store = new MongoDocumentStore(connection, 'test');
    await store.init();
    return {
      store,
      dispose: async () => {
        await connection.dropDatabase();
        await store.close();
      },
    };
  });
  afterAll(() => mongo.stop());
}
