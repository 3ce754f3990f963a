import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { loadConfig } from '../../src/config/load-config.js';
import { createApp } from '../../src/http/create-app.js';
import { createServices, type Services } from '../../src/services.js';
import { EmbeddedDocumentStore } from '../../src/storage/embedded/embedded-document-store.js';
import { tempDir } from './temp-dir.js';

/** The real app on an embedded store in a temp dir, listening on a free port. */
export interface TestApp {
  url: string;
  store: EmbeddedDocumentStore;
  services: Services;
  logs: string[];
  close: () => Promise<void>;
}

export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const dir = tempDir('careline-app-');
  const config = loadConfig({ env: { DATA_DIR: dir.path, ...env } });
  const store = new EmbeddedDocumentStore(config.dataDir);
  await store.init();
  const logs: string[] = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => void logs.push(line) });
  const services = createServices(store);
  const server: Server = createServer(createApp({ config, store, services, logger }));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    store,
    services,
    logs,
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await store.close();
      dir.remove();
    },
  };
}
