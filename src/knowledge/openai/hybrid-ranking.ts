import type { ArticleCandidate } from '../knowledge-base.js';
import type { SemanticMatch } from './article-vectors.js';

/** How embedding similarity joins the offline confidence. */
export interface BlendSettings {
  /** Share of the blended confidence from embeddings (`OPENAI_EMBEDDING_WEIGHT`). */
  embeddingWeight: number;
  /** Cosine similarity at or below which an article counts as unrelated (`OPENAI_SIMILARITY_FLOOR`). */
  similarityFloor: number;
}

// Articles that only the embeddings found join the offline ones, at most this many.
const semanticOnly = 5;

/** Embedding similarity on the confidence scale: 0 at or below the floor, rising linearly to 1 at cosine 1. */
export function semanticConfidence(similarity: number, floor: number): number {
  if (similarity <= floor) return 0;
  return Math.min(1, (similarity - floor) / (1 - floor));
}

/**
 * Hybrid ranking: every candidate's confidence becomes
 * `(1 - w) × offline + w × semantic`, where `w` is the embedding weight and `semantic` the
 * article's best cosine similarity (title or a variant, any language) rescaled above the
 * floor. Candidates are the offline ones plus the few best by embeddings alone (offline
 * confidence 0). An article that has no vectors yet (still being embedded) keeps its
 * offline confidence. With the default weight 0.4, embeddings alone reach at most 0.4:
 * enough to offer an article as a clarification choice, never to answer it without some
 * offline evidence, so a question the knowledge base does not cover is not answered on
 * vague similarity.
 */
export function blendCandidates(offline: ArticleCandidate[], semantic: SemanticMatch[], settings: BlendSettings, translations: (slug: string) => ArticleCandidate['locales']): ArticleCandidate[] {
  const w = settings.embeddingWeight;
  const bySlug = new Map(semantic.map((match) => [match.slug, match]));
  // The offline signals no longer explain the blended confidence, so they are dropped (the
  // answer policy then judges ambiguity by the blended confidences alone).
  const blended = offline.map(({ signals: _offlineSignals, ...candidate }) => {
    const match = bySlug.get(candidate.slug);
    if (!match) return candidate;
    return { ...candidate, confidence: (1 - w) * candidate.confidence + w * semanticConfidence(match.similarity, settings.similarityFloor) };
  });
  const offered = new Set(offline.map((candidate) => candidate.slug));
  const extra = semantic
    .filter((match) => !offered.has(match.slug) && semanticConfidence(match.similarity, settings.similarityFloor) > 0)
    .slice(0, semanticOnly)
    .map((match): ArticleCandidate => ({
      articleId: match.articleId,
      slug: match.slug,
      locale: match.locale,
      title: match.title,
      confidence: w * semanticConfidence(match.similarity, settings.similarityFloor),
      matchedText: match.matchedText,
      matchedTerms: [],
      locales: translations(match.slug),
    }));
  // A stable sort keeps the offline order between equal confidences.
  return [...blended, ...extra].sort((a, b) => b.confidence - a.confidence);
}
