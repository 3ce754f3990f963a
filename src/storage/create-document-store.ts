import type { Connection } from 'mongoose';
import { DatabaseUnavailableError } from './database-unavailable-error.js';
import type { DocumentStore } from './document-store.js';
import { EmbeddedDocumentStore } from './embedded/embedded-document-store.js';
import { mongoHosts, redactMongoUri } from '../config/redact-mongo-uri.js';
import { StoreUnavailableError } from './store-unavailable-error.js';

export interface StoreSettings {
  mongodbUri?: string;
  /** How long one MongoDB operation may run (`maxTimeMS`); default 5000. */
  mongodbTimeoutMs?: number;
  dataDir: string;
}

/** Opens a mongoose connection; `main.ts` supplies it so that only the root creates clients. */
export type ConnectMongo = (uri: string) => Promise<Connection>;

/**
 * The one place that picks a storage adapter: MongoDB when a URI is configured, otherwise
 * the embedded store under the data directory. Returns an initialised store (collections
 * and indexes exist) or throws `StoreUnavailableError`.
 */
export async function createDocumentStore(settings: StoreSettings, connectMongo: ConnectMongo): Promise<DocumentStore> {
  if (settings.mongodbUri) {
    let connection: Connection;
    try {
      connection = await connectMongo(settings.mongodbUri);
    } catch (error) {
      throw new StoreUnavailableError(
        `Cannot reach MongoDB at ${mongoHosts(settings.mongodbUri)} (MONGODB_URI=${redactMongoUri(settings.mongodbUri)}): ${(error as Error).message}`,
        { cause: error },
      );
    }
    // mongoose is loaded only for a MongoDB store (about 0.3 s of start-up).
    const { MongoDocumentStore } = await import('./mongo/mongo-document-store.js');
    const store = new MongoDocumentStore(connection, redactMongoUri(settings.mongodbUri), { operationTimeoutMs: settings.mongodbTimeoutMs });
    try {
      await store.init();
    } catch (error) {
      await store.close();
      if (!(error instanceof DatabaseUnavailableError)) throw error;
      throw new StoreUnavailableError(`MongoDB at ${mongoHosts(settings.mongodbUri)} did not answer while collections and indexes were set up (raise MONGODB_TIMEOUT_MS if an index is being built on a large collection): ${error.message}`, { cause: error });
    }
    return store;
  }
  let store: EmbeddedDocumentStore;
  try {
    store = new EmbeddedDocumentStore(settings.dataDir);
  } catch (error) {
    throw new StoreUnavailableError(`Cannot open the embedded store in ${settings.dataDir} (DATA_DIR): ${(error as Error).message}`, { cause: error });
  }
  await store.init();
  return store;
}
