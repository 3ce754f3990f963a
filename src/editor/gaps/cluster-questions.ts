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

// Only a question's distinctive terms (this share of its weight or more) look up candidate
// clusters; its common words still count in the similarity of the candidates found.
const distinctiveWeight = 0.1;

interface Growing<T> {
  id: string;
  position: number;
  members: T[];
  sum: TermVector;
  centroid: TermVector;
}

/**
 * Groups questions, oldest first, into clusters of similar ones: each question joins the
 * cluster whose centroid it is most similar to (at least `threshold`), else starts one.
 * Offline and deterministic; an older question's cluster does not change when newer ones
 * arrive, so cluster ids stay stable between looking and acting. Candidate clusters come
 * from an inverted index of centroid terms, so thousands of questions cluster quickly.
 */
export function clusterQuestions<T extends Clusterable>(questions: readonly T[], weights: TermWeights, threshold = clusterThreshold): QuestionCluster<T>[] {
  const clusters: Growing<T>[] = [];
  const clustersWith = new Map<string, Set<number>>();
  const index = (clusterIndex: number, vector: TermVector) => {
    for (const term of vector.keys()) {
      const holders = clustersWith.get(term) ?? new Set<number>();
      holders.add(clusterIndex);
      clustersWith.set(term, holders);
    }
  };
  for (const question of questions) {
    const vector = weights.vector(question.text);
    if (vector.size === 0) continue;
    const candidates = new Set<number>();
    for (const [term, weight] of vector) if (weight >= distinctiveWeight) for (const holder of clustersWith.get(term) ?? []) candidates.add(holder);
    let best: Growing<T> | undefined;
    let bestScore = threshold;
    // Ascending order keeps ties going to the older cluster, as a full scan would.
    for (const candidate of [...candidates].sort((a, b) => a - b)) {
      const cluster = clusters[candidate]!;
      const score = cosine(vector, cluster.centroid);
      if (score >= bestScore) {
        best = cluster;
        bestScore = score;
      }
    }
    if (!best) {
      clusters.push({ id: question._id, position: clusters.length, members: [question], sum: new Map(vector), centroid: new Map(vector) });
      index(clusters.length - 1, vector);
      continue;
    }
    best.members.push(question);
    for (const [term, value] of vector) best.sum.set(term, (best.sum.get(term) ?? 0) + value);
    best.centroid = normalize(new Map(best.sum));
    index(best.position, vector);
  }
  return clusters.map(({ id, members, centroid }) => ({ id, members, centroid, topTerms: [...centroid].sort((a, b) => b[1] - a[1]).map(([term]) => term) }));
}
