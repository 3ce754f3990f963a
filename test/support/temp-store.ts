import { EmbeddedDocumentStore } from '../../src/storage/embedded/embedded-document-store.js';
import { tempDir } from './temp-dir.js';

/** A fresh, initialised embedded store in its own temporary directory, and the function that closes and removes it. */
export async function openTempStore(prefix = 'careline-store-'): Promise<{ store: EmbeddedDocumentStore; dispose: () => Promise<void> }> {
  const dir = tempDir(prefix);
  const store = new EmbeddedDocumentStore(dir.path);
  await store.init();
  return {
    store,
    dispose: async () => {
      await store.close();
      dir.remove();
    },
  };
}
