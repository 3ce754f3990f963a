import type { ConnectOptions } from 'mongoose';

/** What the connection options are made from (the configuration's MongoDB fields). */
export interface MongoSettings {
  mongodbUri: string;
  mongodbTimeoutMs: number;
}

/** The option names a MongoDB URI's query sets, lower-cased (the driver reads them case-insensitively). */
function optionNamesInUri(uri: string): Set<string> {
  const at = uri.indexOf('?');
  const query = at < 0 ? '' : uri.slice(at + 1);
  return new Set([...new URLSearchParams(query).keys()].map((name) => name.toLowerCase()));
}

/**
 * The options `main.ts` opens the mongoose connection with. `MONGODB_TIMEOUT_MS` bounds
 * finding a server, connecting, waiting for a pooled connection and a silent socket, so a
 * frozen or unreachable MongoDB fails a request in seconds instead of holding it; writes
 * wait for a majority of the replica set and are retried once across a failover, as are
 * reads. An option the URI sets (`?w=1`, `?socketTimeoutMS=…`) wins over these defaults,
 * since the driver would otherwise let the options object override the URI.
 *
 * Example: `mongoConnectOptions({ mongodbUri: 'mongodb://db/careline?replicaSet=rs0', mongodbTimeoutMs: 5000 })`.
 */
export function mongoConnectOptions({ mongodbUri, mongodbTimeoutMs }: MongoSettings): ConnectOptions {
  const defaults: ConnectOptions = {
    serverSelectionTimeoutMS: mongodbTimeoutMs,
    connectTimeoutMS: mongodbTimeoutMs,
    waitQueueTimeoutMS: mongodbTimeoutMs,
    // A second over the operations' maxTimeMS: a slow query ends with the server's own
    // MaxTimeMSExpired, and only a server that says nothing at all is cut off here.
    socketTimeoutMS: mongodbTimeoutMs + 1000,
    w: 'majority',
    retryWrites: true,
    retryReads: true,
  };
  const inUri = optionNamesInUri(mongodbUri);
  const kept = Object.fromEntries(Object.entries(defaults).filter(([name]) => !inUri.has(name.toLowerCase())));
  // Mongoose's own: fail at once instead of queueing commands while disconnected; indexes are built by `init()`.
  return { ...kept, bufferCommands: false, ignoreUndefined: true, autoIndex: false, autoCreate: false };
}
