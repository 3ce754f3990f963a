import type { Locale } from '../../config/config-schema.js';
import type { DocumentStore } from '../../storage/document-store.js';

/**
 * The cached embeddings of one article (one language) under one model: a vector for its
 * title and for each question variant, in `texts` order. `contentHash` is the hash of those
 * texts, so an edited article is embedded again and an unchanged one never is.
 */
export interface ArticleEmbedding {
  /** `${articleId}:${model}`. */
  _id: string;
  articleId: string;
  slug: string;
  locale: Locale;
  model: string;
  contentHash: string;
  texts: string[];
  /** Each vector as base64 of little-endian float32 values (a quarter of the size of JSON numbers). */
  vectors: string[];
  updatedAt: Date;
}

/** Encodes a vector for storage (base64 of its float32 bytes). */
export function encodeVector(vector: Float32Array): string {
  return Buffer.from(vector.buffer, vector.byteOffset, vector.byteLength).toString('base64');
}

/** Decodes a stored vector. */
export function decodeVector(text: string): Float32Array {
  const bytes = Buffer.from(text, 'base64');
  // Copy into a fresh, aligned buffer: Buffer.from may return a slice of a shared pool.
  return new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
}

/** The `article_embeddings` collection: the embedding cache, through the storage port. */
export class ArticleEmbeddingRepository {
  private readonly embeddings;

  constructor(store: DocumentStore) {
    this.embeddings = store.collection<ArticleEmbedding>('article_embeddings');
  }

  /** The cached embeddings of these articles under `model`. */
  find(model: string, articleIds: string[]): Promise<ArticleEmbedding[]> {
    return this.embeddings.find({ model, articleId: { $in: articleIds } });
  }

  /** Stores (or replaces) an article's embeddings under its model. */
  async save(embedding: Omit<ArticleEmbedding, '_id'>): Promise<ArticleEmbedding> {
    const document = { _id: `${embedding.articleId}:${embedding.model}`, ...embedding };
    await this.embeddings.replaceOne({ _id: document._id }, document, { upsert: true });
    return document;
  }
}
