import { cosine, normalize, type TermVector, type TermWeights } from './term-vectors.js';

/** A question to cluster: anything with an id and a text. */
export interface Clusterable {
  _id: string;
  text: string;
}

/** Similar questions together; `centroid` is their normalized mean vector. */
export interface QuestionCluster<T extends Clusterable> {
  /** The first question of the cluster; stable while older questions stay. */
  id: string;
  members: T[];
  centroid: TermVector;
  /** The centroid's heaviest terms, best first. */
  topTerms: string[];
}

/** How similar (cosine of tf-idf vectors) a question must be to join a cluster. */
export const clusterThreshold = 0.2;

/**
 * Groups questions, oldest first, into clusters of similar ones: each question joins the
 * cluster whose centroid it is most similar to (at least `threshold`), else starts one.
 * Offline and deterministic; an older question's cluster does not change when newer ones
 * arrive, so cluster ids stay stable between looking and acting.
 */
export function clusterQuestions<T extends Clusterable>(questions: readonly T[], weights: TermWeights, threshold = clusterThreshold): QuestionCluster<T>[] {
  const clusters: { id: string; members: T[]; sum: TermVector; centroid: TermVector }[] = [];
  for (const question of questions) {
    const vector = weights.vector(question.text);
    if (vector.size === 0) continue;
    let best: (typeof clusters)[number] | undefined;
    let bestScore = threshold;
    for (const cluster of clusters) {
      const score = cosine(vector, cluster.centroid);
      if (score >= bestScore) {
        best = cluster;
        bestScore = score;
      }
    }
    if (!best) {
      clusters.push({ id: question._id, members: [question], sum: new Map(vector), centroid: new Map(vector) });
      continue;
    }
    best.members.push(question);
    for (const [term, value] of vector) best.sum.set(term, (best.sum.get(term) ?? 0) + value);
    best.centroid = normalize(new Map(best.sum));
  }
  return clusters.map(({ id, members, centroid }) => ({ id, members, centroid, topTerms: [...centroid].sort((a, b) => b[1] - a[1]).map(([term]) => term) }));
}
