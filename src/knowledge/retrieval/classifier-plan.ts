/** A training example's features: dense feature ids and their TF-IDF values. */
export interface SparseVector {
  ids: Int32Array;
  values: Float32Array;
}

/** How the classifier will be trained: the feature cap and passes, and the work they take. */
export interface TrainingPlan {
  articleCap: number;
  epochs: number;
  work: number;
}

// Passes over the examples when the work budget allows; the averaged weights settle after a handful.
const maxEpochs = 8;
const minEpochs = 2;
// A feature found in more articles than the cap carries little about which one is meant and
// costs articles × features. The cap is the largest of these the work budget allows.
const articleCaps = [400, 200, 100, 50, 25, 12];

/** The largest feature cap, then the most passes, whose training work fits the budget. */
export function planTraining(vectors: SparseVector[], articlesPerFeature: Int32Array, budget: number): TrainingPlan {
  // Work per pass under each cap, from one walk: a feature's articles count under every cap it fits.
  const perEpoch = new Float64Array(articleCaps.length);
  for (const vector of vectors) {
    for (const f of vector.ids) {
      const count = articlesPerFeature[f]!;
      for (let c = 0; c < articleCaps.length && count <= articleCaps[c]!; c++) perEpoch[c]! += count;
    }
  }
  for (const [c, articleCap] of articleCaps.entries()) {
    const epochs = Math.min(maxEpochs, Math.floor(budget / Math.max(1, perEpoch[c]!)));
    if (epochs >= minEpochs || c === articleCaps.length - 1) return { articleCap, epochs: Math.max(1, epochs), work: perEpoch[c]! * Math.max(1, epochs) };
  }
  throw new Error('unreachable: the last cap always returns');
}

/** The distinct ids of a list and how often each occurs. */
export function uniqueCounts(list: Int32Array): { ids: Int32Array; counts: Int32Array } {
  list.sort();
  const ids: number[] = [];
  const counts: number[] = [];
  for (let i = 0; i < list.length; i++) {
    if (i > 0 && list[i] === list[i - 1]) counts[counts.length - 1]!++;
    else {
      ids.push(list[i]!);
      counts.push(1);
    }
  }
  return { ids: Int32Array.from(ids), counts: Int32Array.from(counts) };
}
