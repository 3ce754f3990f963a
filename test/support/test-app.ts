import { carelineConfig, composeConfig } from '../../src/channels/careline-config.js';
import type { ChannelModule } from '../../src/channels/channel-module.js';
import { loadConfig } from '../../src/config/load-config.js';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { createCareline, type Careline } from '../../src/app/careline.js';
import { createOpenAIClient } from '../../src/knowledge/openai/openai-client.js';
import { openAIConfigured } from '../../src/knowledge/openai/openai-settings.js';
import type { Services } from '../../src/app/services.js';
import type { EmbeddedDocumentStore } from '../../src/storage/embedded/embedded-document-store.js';
import { testRestApiKey } from './rest-api.js';
import { tempDir } from './temp-dir.js';
import { openWorldStore } from './world-store.js';

/** The real app on an embedded store in a temp dir, listening on a free port. */
export interface TestApp {
  url: string;
  store: EmbeddedDocumentStore;
  services: Services;
  careline: Careline;
  logs: string[];
  close: () => Promise<void>;
}

/**
 * Starts the whole product in-process with the bundled knowledge base and intents (unless
 * `env` points elsewhere) and the chat API on with `testRestApiKey`. Pass `dataDir` to reuse a store across a restart,
 * `modules` to run another table of channels (their settings read from `env` too). With
 * TELEGRAM_BOT_TOKEN in `env`, `telegram` connects the bot as `main.ts` does: by webhook
 * (registered under the app's own URL) or by long polling.
 */
export async function startTestApp(env: Record<string, string> = {}, options: { dataDir?: string; port?: number; telegram?: 'webhook' | 'polling'; modules?: readonly ChannelModule[] } = {}): Promise<TestApp> {
  const dir = options.dataDir ? null : tempDir('careline-app-');
  const parts = options.modules ? composeConfig(options.modules) : carelineConfig;
  const config = loadConfig({ env: { DATA_DIR: options.dataDir ?? dir!.path, LOG_LEVEL: 'info', REST_API_KEY: testRestApiKey, ...env } }, parts);
  const { store, content } = await openWorldStore(config);
  const logs: string[] = [];
  const logger = pino({ level: config.logLevel }, { write: (line: string) => void logs.push(line) });
  // As in main.ts: the OpenAI client exists only when OpenAI is configured.
  const openai = openAIConfigured(config.openai) ? createOpenAIClient(config.openai) : null;
  const careline = await createCareline({ config, store, logger, ...(options.modules ? { modules: options.modules } : {}), openai, content });
  const server: Server = createServer(careline.app);
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  // Telegram starts only when the test asks (by webhook at this server's own URL, or polling); other tests post its updates themselves.
  await careline.attach(server, { ...(options.telegram === 'webhook' ? { publicUrl: url } : {}), skip: options.telegram ? [] : ['telegram'] });
  return {
    url,
    store,
    services: careline.services,
    careline,
    logs,
    close: async () => {
      await careline.stopChannels();
      await careline.idle();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await careline.stop();
      await store.close();
      dir?.remove();
    },
  };
}
