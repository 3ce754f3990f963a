/**
 * What the optional OpenAI path costs inside Careline, apart from the provider's round
 * trips: scoring a question's embedding against every cached article vector (the hybrid
 * ranking's in-process work) and the memory those vectors take, at the bundled knowledge
 * base's size and ten times it. `npm run bench:openai`; also part of `npm run bench`.
 */
import { pino } from 'pino';
import type { ArticleEmbeddingRepository } from '../src/knowledge/openai/article-embedding-repository.js';
import { ArticleVectors, type EmbeddableArticle } from '../src/knowledge/openai/article-vectors.js';
import { ModelFailureLog } from '../src/knowledge/openai/model-failures.js';
import { normalize, type TextEmbedder } from '../src/knowledge/openai/text-embedder.js';
import { collectGarbage, mib, percentileLine, seededRandom, summarize, type LatencySummary } from './latency-stats.js';

/** One size's figures. */
export interface OpenAIBenchFigure {
  articles: number;
  vectors: number;
  dimensions: number;
  vectorBytes: number;
  scoring: LatencySummary;
}

// An article has a title and about six variants.
const textsPerArticle = 7;

/** Random unit vectors standing in for a provider (no network in a benchmark). */
function randomEmbedder(random: () => number, dimensions: number): TextEmbedder {
  const embed = async (texts: string[]) => texts.map(() => normalize(Array.from({ length: dimensions }, () => random() - 0.5)));
  return { model: 'bench', cacheKey: 'bench', embed } as unknown as TextEmbedder;
}

// The cache is not what is measured: an in-memory stand-in for the store.
const noCache = { find: async () => [], save: async () => undefined } as unknown as ArticleEmbeddingRepository;

/**
 * Memory taken by the vectors of each size's articles (1,536 dimensions is text-embedding-3-small's
 * full size; fewer is `OPENAI_EMBEDDING_DIMENSIONS`), and the time to score one question against them.
 */
export async function openaiBench(sizes: { articles: number; dimensions: number }[], queries: number, write: (line: string) => void): Promise<OpenAIBenchFigure[]> {
  const figures: OpenAIBenchFigure[] = [];
  for (const { articles: size, dimensions } of sizes) {
    const random = seededRandom(size);
    const embedder = randomEmbedder(random, dimensions);
    collectGarbage();
    const vectors = new ArticleVectors({ embedder, repository: noCache, failures: new ModelFailureLog(pino({ level: 'silent' })), batchTimeoutMs: 60_000, retryMs: 60_000 });
    const articles: EmbeddableArticle[] = Array.from({ length: size }, (_, i) => ({ _id: `art_${i}`, slug: `article-${i}`, locale: 'en', title: `Article ${i}`, questions: Array.from({ length: textsPerArticle - 1 }, (_, q) => `question ${q} of article ${i}`) }));
    await vectors.sync(articles);
    // float32 values; the texts and bookkeeping add little beside them.
    const vectorBytes = size * textsPerArticle * dimensions * 4;
    const [question] = await embedder.embed(['question']);
    const samples: number[] = [];
    for (let i = 0; i < queries; i++) {
      const started = performance.now();
      vectors.similarities(question!);
      samples.push(performance.now() - started);
    }
    const figure = { articles: size, vectors: size * textsPerArticle, dimensions, vectorBytes, scoring: summarize(samples) };
    write(`  ${String(size).padStart(6)} articles (${figure.vectors} vectors × ${dimensions} dims): ${mib(vectorBytes)} of vectors; scoring a question ${percentileLine(figure.scoring)}\n`);
    figures.push(figure);
    await vectors.stop();
  }
  return figures;
}
