/** One training point of the calibration: its inputs, whether the answer was right, its weight. */
export interface WeightedSample {
  inputs: number[];
  label: number;
  weight: number;
}

/**
 * Weighted logistic regression by full-batch gradient descent on standardized inputs (a
 * small L2 penalty keeps it stable), returned on the raw inputs' scale.
 */
export function fitLogistic(samples: WeightedSample[], iterations = 3000, learningRate = 0.5, l2 = 1e-4): { bias: number; weights: number[]; loss: number } {
  const width = samples[0]?.inputs.length ?? 0;
  const totalWeight = samples.reduce((sum, sample) => sum + sample.weight, 0) || 1;
  const mean = Array.from({ length: width }, (_, j) => samples.reduce((sum, s) => sum + s.weight * s.inputs[j]!, 0) / totalWeight);
  const sd = Array.from({ length: width }, (_, j) => Math.sqrt(samples.reduce((sum, s) => sum + s.weight * (s.inputs[j]! - mean[j]!) ** 2, 0) / totalWeight) || 1);
  const x = samples.map((s) => s.inputs.map((value, j) => (value - mean[j]!) / sd[j]!));
  let bias = 0;
  const weights = new Array<number>(width).fill(0);
  let loss = 0;
  for (let iteration = 0; iteration < iterations; iteration++) {
    let gradBias = 0;
    const grad = new Array<number>(width).fill(0);
    loss = 0;
    samples.forEach((sample, i) => {
      let z = bias;
      for (let j = 0; j < width; j++) z += weights[j]! * x[i]![j]!;
      const p = 1 / (1 + Math.exp(-z));
      const error = (p - sample.label) * sample.weight;
      gradBias += error;
      for (let j = 0; j < width; j++) grad[j]! += error * x[i]![j]!;
      loss -= sample.weight * (sample.label ? Math.log(Math.max(p, 1e-12)) : Math.log(Math.max(1 - p, 1e-12)));
    });
    bias -= (learningRate * gradBias) / totalWeight;
    for (let j = 0; j < width; j++) weights[j]! -= learningRate * (grad[j]! / totalWeight + l2 * weights[j]!);
  }
  // Back to raw inputs: z = bias + Σ w_j (x_j - mean_j) / sd_j.
  const raw = weights.map((w, j) => w / sd[j]!);
  return { bias: bias - raw.reduce((sum, w, j) => sum + w * mean[j]!, 0), weights: raw, loss: loss / totalWeight };
}
