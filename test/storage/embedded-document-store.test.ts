import { EmbeddedDocumentStore } from '../../src/storage/embedded/embedded-document-store.js';
import { tempDir } from '../support/temp-dir.js';
import { storeContract } from './store-contract.js';

storeContract('embedded (SQLite + mingo)', async () => {
  const dir = tempDir('careline-store-');
  const store = new EmbeddedDocumentStore(dir.path);
  await store.init();
  return {
    store,
    dispose: async () => {
      await store.close();
      dir.remove();
    },
  };
});
