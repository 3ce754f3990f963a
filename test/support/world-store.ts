import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readCarelineContent, type CarelineContent } from '../../src/app/careline-content.js';
import type { Config } from '../../src/config/config-schema.js';
import type { Article } from '../../src/knowledge/article.js';
import { ArticleRepository } from '../../src/knowledge/article-repository.js';
import { seedArticles } from '../../src/knowledge/files/seed-articles.js';
import { AnswerIndex } from '../../src/knowledge/retrieval/answer-index.js';
import { SynonymRepository } from '../../src/knowledge/synonyms/synonym-repository.js';
import type { SynonymList } from '../../src/knowledge/synonyms/synonyms.js';
import { seedSynonyms } from '../../src/knowledge/synonyms/synonym-sync.js';
import { embeddedDatabaseFile, EmbeddedDocumentStore } from '../../src/storage/embedded/embedded-document-store.js';
import { tempDir } from './temp-dir.js';

/** What one test worker keeps per intents and knowledge-base folders. */
interface Prepared {
  content: CarelineContent;
  /** A store seeded from `content`, written as the start of every fresh world's store; made when a fresh world first needs it. */
  seeded: () => Promise<Buffer>;
}

const prepared = new Map<string, Prepared>();
const indexes = new Map<string, AnswerIndex>();
/** Each distinct set of published articles (an editor's change makes another) keeps its index; the oldest go first. */
const indexesKept = 8;

/** Every file under `dir` with its size and modification time: changes when any file does. */
function folderStamp(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .sort()
    .map((name) => {
      const stat = statSync(join(dir, name));
      return `${name}:${stat.size}:${stat.mtimeMs}`;
    });
}

/** The answer index of exactly these articles (ids and texts) and synonyms, built once per worker. */
function sharedAnswerIndex(articles: readonly Article[], synonyms: readonly SynonymList[]): AnswerIndex {
  const key = JSON.stringify([articles.map(({ _id, slug, locale, title, questions, answer }) => [_id, slug, locale, title, questions, answer]), synonyms.map(({ locale, groups }) => [locale, groups])]);
  let index = indexes.get(key);
  if (!index) {
    index = new AnswerIndex(articles, { synonyms });
    indexes.set(key, index);
    for (const oldest of indexes.keys()) if (indexes.size > indexesKept) indexes.delete(oldest);
  }
  return index;
}

/** A store seeded from `content`, as the bytes of its one file (made in a temp dir that is removed at once). */
async function seededStoreBytes(content: CarelineContent): Promise<Buffer> {
  const dir = tempDir('careline-seeded-');
  try {
    const store = new EmbeddedDocumentStore(dir.path);
    await store.init();
    await seedArticles(content.articleFiles.articles, new ArticleRepository(store));
    await seedSynonyms(content.synonymFiles.lists, new SynonymRepository(store));
    // Closing checkpoints the write-ahead log into the one file.
    await store.close();
    return readFileSync(join(dir.path, embeddedDatabaseFile));
  } finally {
    dir.remove();
  }
}

function prepare(config: Config): Prepared {
  // The intents' replies are filled from the business profile, so it is part of the key.
  const key = JSON.stringify([config.intentsDir, folderStamp(config.intentsDir), config.knowledgeBaseDir, folderStamp(config.knowledgeBaseDir), config.business]);
  let entry = prepared.get(key);
  if (!entry) {
    const content = { ...readCarelineContent(config), answerIndex: sharedAnswerIndex };
    let bytes: Promise<Buffer> | null = null;
    entry = { content, seeded: () => (bytes ??= seededStoreBytes(content)) };
    prepared.set(key, entry);
  }
  return entry;
}

/**
 * The store and content a test world hands `createCareline`. The intents and knowledge-base
 * files of `config` are read, and their articles seeded and indexed, once per test worker:
 * a fresh data directory starts as a copy of a store seeded from the same files (so its
 * articles have the same ids, and the same index serves them), which `createCareline` then
 * finds already seeded, as on any later start. A data directory that has a store already (a
 * restart) is opened as it is. This is the product's path with the work of identical
 * start-ups done once: each world still has its own store, knowledge base and engine.
 */
export async function openWorldStore(config: Config): Promise<{ store: EmbeddedDocumentStore; content: CarelineContent }> {
  const { content, seeded } = prepare(config);
  const file = join(config.dataDir, embeddedDatabaseFile);
  if (!existsSync(file)) {
    const bytes = await seeded();
    mkdirSync(config.dataDir, { recursive: true });
    writeFileSync(file, bytes);
  }
  const store = new EmbeddedDocumentStore(config.dataDir);
  await store.init();
  return { store, content };
}

