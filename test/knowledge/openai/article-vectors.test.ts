import { loadCarelineConfig } from '../../../src/channels/careline-config.js';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ArticleEmbeddingRepository } from '../../../src/knowledge/openai/article-embedding-repository.js';
import { ArticleVectors, type EmbeddableArticle } from '../../../src/knowledge/openai/article-vectors.js';
import { ModelFailureLog } from '../../../src/knowledge/openai/model-failures.js';
import { createOpenAIClient } from '../../../src/knowledge/openai/openai-client.js';
import { TextEmbedder } from '../../../src/knowledge/openai/text-embedder.js';
import { EmbeddedDocumentStore } from '../../../src/storage/embedded/embedded-document-store.js';
import { eventually } from '../../support/eventually.js';
import { FakeOpenAI } from '../../support/fake-openai.js';
import { tempDir } from '../../support/temp-dir.js';

const articles: EmbeddableArticle[] = [
  { _id: 'art_1', slug: 'warranty-period', locale: 'en', title: 'Warranty', questions: ['how long is the warranty'] },
  { _id: 'art_2', slug: 'warranty-period', locale: 'vi', title: 'Bảo hành', questions: ['bảo hành bao lâu'] },
  { _id: 'art_3', slug: 'delivery-fee', locale: 'en', title: 'Delivery fee', questions: ['shipping cost'] },
];

describe('ArticleVectors (against a fake OpenAI server)', () => {
  const fake = new FakeOpenAI();
  let dir: ReturnType<typeof tempDir>;
  let store: EmbeddedDocumentStore;
  let vectors: ArticleVectors;

  beforeEach(async () => {
    await fake.start();
    fake.embeddings.length = 0;
    fake.fail = {};
    fake.embed = (text) => (text.includes('arrant') || text.includes('ảo hành') ? [1, 0.1] : [0.1, 1]);
    dir = tempDir('careline-vectors-');
    store = new EmbeddedDocumentStore(dir.path);
    await store.init();
    const client = createOpenAIClient(loadCarelineConfig({ env: fake.env() }).openai)!;
    vectors = new ArticleVectors({ embedder: new TextEmbedder(client, 'fake-embedding'), repository: new ArticleEmbeddingRepository(store), failures: new ModelFailureLog(pino({ level: 'silent' })), batchTimeoutMs: 10_000, retryMs: 20 });
  });
  afterEach(async () => {
    await vectors.stop();
    await store.close();
    await fake.close();
    dir.remove();
  });

  it('scores each article by its closest text in any language, one entry per slug', async () => {
    await vectors.sync(articles);
    const [best, other] = vectors.similarities(new Float32Array([1, 0]));
    expect(best).toMatchObject({ slug: 'warranty-period' });
    expect(best!.similarity).toBeCloseTo(1 / Math.sqrt(1.01), 5);
    expect(other).toMatchObject({ slug: 'delivery-fee' });
    expect(vectors.similarities(new Float32Array([1, 0]))).toHaveLength(2);
  });

  it('tries again later when the provider was down, until every article has vectors', async () => {
    fake.fail = { embeddings: { status: 503 } };
    await vectors.sync(articles);
    expect(vectors.size).toBe(0);
    fake.fail = {};
    await eventually(() => (vectors.size === articles.length ? true : undefined));
    expect(await store.collection('article_embeddings').countDocuments()).toBe(articles.length);
  });

  it('asks for shortened vectors when dimensions are configured and caches them apart from full-size ones', async () => {
    const client = createOpenAIClient(loadCarelineConfig({ env: fake.env() }).openai)!;
    const repository = new ArticleEmbeddingRepository(store);
    const short = new ArticleVectors({ embedder: new TextEmbedder(client, 'fake-embedding', 256), repository, failures: new ModelFailureLog(pino({ level: 'silent' })), batchTimeoutMs: 10_000, retryMs: 20 });
    await vectors.sync(articles);
    await short.sync(articles);
    expect(fake.embeddings.map((request) => request.dimensions)).toEqual([undefined, 256]);
    expect((await repository.find('fake-embedding/256', ['art_1'])).map((doc) => doc.model)).toEqual(['fake-embedding/256']);
    expect(await repository.find('fake-embedding', ['art_1'])).toHaveLength(1);
    await short.stop();
  });

  it('drops an article that is no longer published, and embeds a changed one again', async () => {
    await vectors.sync(articles);
    fake.embeddings.length = 0;
    await vectors.sync([articles[0]!, { ...articles[2]!, questions: ['shipping cost', 'delivery price'] }]);
    expect(vectors.size).toBe(2);
    expect(vectors.similarities(new Float32Array([1, 0])).map((match) => match.slug)).toEqual(['warranty-period', 'delivery-fee']);
    expect(fake.embeddedTexts).toEqual(['Delivery fee', 'shipping cost', 'delivery price']);
  });
});
