import type OpenAI from 'openai';
import { z } from 'zod';
import type { CallOptions } from './model-deadline.js';
import { ModelResponseError } from './model-failures.js';

// The part of the embeddings response Careline reads (`{ object: 'list', data: [{ object:
// 'embedding', index, embedding: number[] }], model, usage }`).
const embeddingResponseSchema = z.object({
  data: z.array(z.object({ index: z.number().int().min(0), embedding: z.array(z.number()).min(1) })),
});

/** Unit-length copy of a vector, so that a dot product is the cosine similarity. */
export function normalize(values: ArrayLike<number>): Float32Array {
  let norm = 0;
  for (let i = 0; i < values.length; i++) norm += values[i]! * values[i]!;
  const vector = new Float32Array(values.length);
  const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  for (let i = 0; i < values.length; i++) vector[i] = values[i]! * scale;
  return vector;
}

/**
 * Turns texts into unit-length vectors with `embeddings.create` of the official client.
 * `encoding_format: 'float'` is passed explicitly: without it the client asks for base64,
 * which not every OpenAI-compatible server speaks. The response is checked (one vector per
 * input, same dimensions) before it is used.
 */
export class TextEmbedder {
  /** What cached vectors are filed under: the model, and the shortened size when one is asked for. */
  readonly cacheKey: string;

  constructor(
    private readonly client: OpenAI,
    readonly model: string,
    /** Shortened vectors (text-embedding-3 models accept `dimensions`), or the model's own size. */
    readonly dimensions?: number,
  ) {
    this.cacheKey = dimensions ? `${model}/${dimensions}` : model;
  }

  async embed(texts: string[], options: Partial<CallOptions> = {}): Promise<Float32Array[]> {
    const body = { model: this.model, input: texts, encoding_format: 'float' as const, ...(this.dimensions ? { dimensions: this.dimensions } : {}) };
    const response: unknown = await this.client.embeddings.create(body, { maxRetries: 0, ...options });
    const { data } = embeddingResponseSchema.parse(response);
    if (data.length !== texts.length) throw new ModelResponseError(`expected ${texts.length} embeddings, got ${data.length}`);
    const vectors: Float32Array[] = new Array(texts.length);
    for (const item of data) {
      if (item.index >= texts.length || vectors[item.index]) throw new ModelResponseError(`embedding index ${item.index} is out of range or repeated`);
      vectors[item.index] = normalize(item.embedding);
    }
    const dimensions = vectors[0]!.length;
    if (vectors.some((vector) => vector.length !== dimensions)) throw new ModelResponseError('embeddings of different dimensions in one response');
    return vectors;
  }
}
