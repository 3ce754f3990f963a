import { loadCarelineConfig } from '../../src/channels/careline-config.js';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pino } from 'pino';
import { createCareline, type Careline } from '../../src/app/careline.js';
import { CollectingChannel } from '../../src/channels/collecting/collecting-channel.js';
import type { Turn } from '../../src/engine/conversation-engine.js';
import { createOpenAIClient } from '../../src/knowledge/openai/openai-client.js';
import type { FakeOpenAI } from './fake-openai.js';
import { openWorldStore } from './world-store.js';

/** A knowledge-base article to write as a Markdown file. */
export interface ArticleSpec {
  id: string;
  title: string;
  questions: string[];
  answer: string;
  locale?: string;
}

/** Writes articles as `knowledge-base/<category>/<id>.<locale>.md` files under `dir`. */
export function writeKnowledgeBase(dir: string, articles: ArticleSpec[]): void {
  mkdirSync(join(dir, 'faq'), { recursive: true });
  for (const article of articles) {
    const questions = article.questions.map((question) => `  - ${JSON.stringify(question)}`).join('\n');
    const front = `---\nid: ${article.id}\nlocale: ${article.locale ?? 'en'}\ntitle: ${JSON.stringify(article.title)}\nquestions:\n${questions}\ncategory: faq\nstatus: published\n---\n`;
    writeFileSync(join(dir, 'faq', `${article.id}.${article.locale ?? 'en'}.md`), `${front}${article.answer}\n`);
  }
}

/** The product over a store in `dataDir`, with OpenAI pointed at a fake, and its log lines. */
export interface OpenAIWorld {
  careline: Careline;
  logs: { level: number; msg: string }[];
  say(customer: string, text: string, options?: { payload?: string }): Promise<Turn & { texts: string[] }>;
  close(): Promise<void>;
}

/** Starts Careline (no HTTP) with the fake OpenAI server configured, waiting for article embeddings. */
export async function startOpenAIWorld(fake: FakeOpenAI, options: { dataDir: string; knowledgeBaseDir: string; env?: Record<string, string> }): Promise<OpenAIWorld> {
  const config = loadCarelineConfig({ env: { DATA_DIR: options.dataDir, KNOWLEDGE_BASE_DIR: options.knowledgeBaseDir, BUSINESS_HOURS: 'mon-sun 00:00-24:00', ...fake.env(options.env) } });
  const { store, content } = await openWorldStore(config);
  const logs: { level: number; msg: string }[] = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => void logs.push(JSON.parse(line) as { level: number; msg: string }) });
  const careline = await createCareline({ config, store, logger, openai: createOpenAIClient(config.openai), content });
  await careline.modelAssist?.idle();
  return {
    careline,
    logs,
    async say(customer, text, sayOptions = {}) {
      const output = new CollectingChannel('rest');
      const turn = await careline.engine.handle({ channel: 'rest', externalUserId: customer, text, address: { sender: customer }, receivedAt: new Date(), ...(sayOptions.payload ? { payload: sayOptions.payload } : {}) }, output);
      return { ...turn, texts: output.texts };
    },
    async close() {
      await careline.stop();
      await store.close();
    },
  };
}
