import { loadCarelineConfig } from '../../src/channels/careline-config.js';
import { pino } from 'pino';
import { createCareline, type Careline } from '../../src/app/careline.js';
import { CollectingChannel } from '../../src/channels/collecting/collecting-channel.js';
import type { ChannelId } from '../../src/core/channel-id.js';
import type { Attachment } from '../../src/core/messages.js';
import { createOpenAIClient } from '../../src/knowledge/openai/openai-client.js';
import { openAIConfigured } from '../../src/knowledge/openai/openai-settings.js';
import type { Turn } from '../../src/engine/conversation-engine.js';
import type { EmbeddedDocumentStore } from '../../src/storage/embedded/embedded-document-store.js';
import { tempDir } from './temp-dir.js';
import { openWorldStore } from './world-store.js';

/** The product without HTTP: engine, knowledge base and store, with a collecting channel per customer. */
export interface EngineWorld {
  careline: Careline;
  store: EmbeddedDocumentStore;
  /** Sends a customer message and returns the turn and the texts the bot sent. */
  say(customer: string, text: string, options?: { payload?: string; messageId?: string; locale?: string; channel?: ChannelId; attachments?: Attachment[] }): Promise<Turn & { texts: string[]; output: CollectingChannel }>;
  close(): Promise<void>;
}

export async function createEngineWorld(env: Record<string, string> = {}): Promise<EngineWorld> {
  const dir = tempDir('careline-engine-');
  const config = loadCarelineConfig({ env: { DATA_DIR: dir.path, ...env } });
  const { store, content } = await openWorldStore(config);
  // As in main.ts: the OpenAI client exists only when OpenAI is configured.
  const openai = openAIConfigured(config.openai) ? createOpenAIClient(config.openai) : null;
  const careline = await createCareline({ config, store, logger: pino({ level: 'silent' }), openai, content });
  return {
    careline,
    store,
    async say(customer, text, options = {}) {
      const output = new CollectingChannel(options.channel ?? 'rest');
      const turn = await careline.engine.handle(
        {
          channel: options.channel ?? 'rest',
          externalUserId: customer,
          text,
          address: { sender: customer },
          receivedAt: new Date(),
          ...(options.payload ? { payload: options.payload } : {}),
          ...(options.messageId ? { platformMessageId: options.messageId } : {}),
          ...(options.locale ? { localeHint: options.locale } : {}),
          ...(options.attachments ? { attachments: options.attachments } : {}),
        },
        output,
      );
      return { ...turn, texts: output.texts, output };
    },
    async close() {
      await careline.stop();
      await store.close();
      dir.remove();
    },
  };
}
