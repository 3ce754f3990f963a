import type { DocumentCollection, DocumentStore, StoredDocument } from '../../src/storage/document-store.js';

/** Which call fails: the collection, the method and its arguments. */
export type FaultRule = (collection: string, method: string, args: unknown[]) => boolean;

/** The error a faulty store throws, standing for a process stopped (or a database lost) at that write. */
export class InjectedFault extends Error {
  constructor(collection: string, method: string) {
    super(`injected fault: ${collection}.${method} did not happen`);
  }
}

/**
 * The same store, except that the calls `fails` picks throw `InjectedFault` without doing
 * anything: a crash between two writes, seen from the code that made them. `fails` may be
 * swapped at any time (`faulty.fails = () => false` heals it).
 */
export function faultyStore(store: DocumentStore, fails: FaultRule): DocumentStore & { fails: FaultRule } {
  const faulty = {
    kind: store.kind,
    location: store.location,
    fails,
    init: () => store.init(),
    ping: () => store.ping(),
    close: () => store.close(),
    collection<T extends StoredDocument>(name: string): DocumentCollection<T> {
      const real = store.collection<T>(name);
      return new Proxy(real, {
        get(target, method: string) {
          const value = Reflect.get(target, method, target) as unknown;
          if (typeof value !== 'function') return value;
          return (...args: unknown[]) => {
            if (faulty.fails(name, method, args)) return Promise.reject(new InjectedFault(name, method));
            return (value as (...params: unknown[]) => unknown).apply(target, args);
          };
        },
      });
    },
  };
  return faulty;
}

/** Whether an update (or its `$set`) moves a document to `state`. */
export function setsState(args: unknown[], state: string): boolean {
  const update = args[1] as { $set?: { state?: unknown } } | undefined;
  return update?.$set?.state === state;
}
