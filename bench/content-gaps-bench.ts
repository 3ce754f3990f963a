import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ArticleRepository } from '../src/knowledge/article-repository.js';
import { readArticleFiles } from '../src/knowledge/files/read-article-files.js';
import { exportArticles, importArticles } from '../src/knowledge/files/kb-sync.js';
import { clusterQuestions } from '../src/editor/gaps/cluster-questions.js';
import { handledOnPurpose } from '../src/editor/gaps/handled-on-purpose.js';
import { IntentMatcher } from '../src/intents/intent-matcher.js';
import { readIntentFiles } from '../src/intents/read-intent-files.js';
import { TermWeights } from '../src/editor/gaps/term-vectors.js';
import { EmbeddedDocumentStore } from '../src/storage/embedded/embedded-document-store.js';
import type { BenchFigure } from './storage-bench.js';

const topics = ['gift card', 'bicycle repair', 'phone case colour', 'store parking', 'loyalty app', 'trade in old tv', 'student discount', 'gift wrapping', 'night delivery', 'printer ink'];
const frames = ['do you have {t}?', 'can i get {t} here', 'where is {t}', '{t} price', 'how does {t} work', 'is there {t} on sunday', 'question about {t} please', 'I need {t}'];

/**
 * The editor's offline work: clustering a content-gap window of logged questions (5,000
 * synthetic ones over 10 topics plus noise), leaving out what was handled on purpose, and `kb import`/`kb export` of the bundled
 * knowledge base on the embedded store.
 */
export async function contentGapsBench(knowledgeBaseDir: string, intentsDir: string): Promise<BenchFigure[]> {
  const files = readArticleFiles(knowledgeBaseDir).articles;
  const background = files.flatMap((file) => [file.title, ...file.questions]);
  const questions = Array.from({ length: 5000 }, (_, i) => {
    const text = i % 5 === 4 ? `${background[(i * 7919) % background.length]} ${i}` : frames[i % frames.length]!.replace('{t}', topics[(i * 31) % topics.length]!);
    return { _id: `q${i}`, text };
  });
  const figures: BenchFigure[] = [];
  let started = performance.now();
  const clusters = clusterQuestions(questions, TermWeights.fromTexts([...questions.map((question) => question.text), ...background]));
  figures.push({ name: `cluster 5,000 logged questions (${clusters.length} clusters)`, operations: 1, ms: performance.now() - started });
  const intents = new IntentMatcher(readIntentFiles(intentsDir));
  started = performance.now();
  const onPurpose = questions.filter((question) => handledOnPurpose({ ...question, outcome: 'missed', candidates: [] }, intents)).length;
  figures.push({ name: `judge 5,000 logged questions for small talk (${onPurpose} left out; once per question)`, operations: questions.length, ms: performance.now() - started });

  const dir = mkdtempSync(join(tmpdir(), 'careline-bench-kb-'));
  const store = new EmbeddedDocumentStore(join(dir, 'store'));
  await store.init();
  try {
    const articles = new ArticleRepository(store);
    started = performance.now();
    await importArticles(files, articles);
    figures.push({ name: 'kb import of the bundled articles (empty store)', operations: files.length, ms: performance.now() - started });
    started = performance.now();
    await importArticles(files, articles);
    figures.push({ name: 'kb import again (all unchanged)', operations: files.length, ms: performance.now() - started });
    started = performance.now();
    await exportArticles(articles, join(dir, 'files'));
    figures.push({ name: 'kb export to empty folder', operations: files.length, ms: performance.now() - started });
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return figures;
}
