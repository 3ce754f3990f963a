/** One training point of a logistic fit: its inputs, its 0/1 label, its weight. */
export interface WeightedSample {
  inputs: readonly number[];
  label: number;
  weight: number;
}

/** A logistic model: `1 / (1 + exp(-(bias + Σ weights[j] · inputs[j])))`. */
export interface LogisticModel {
  bias: number;
  weights: number[];
}

/** The model's probability for one input vector. */
export function logistic(model: LogisticModel, inputs: readonly number[]): number {
  let z = model.bias;
  for (let j = 0; j < model.weights.length; j++) z += model.weights[j]! * inputs[j]!;
  return 1 / (1 + Math.exp(-z));
}

/**
 * Weighted logistic regression by Newton's method (iteratively reweighted least squares),
 * with an L2 penalty of `strength` (in units of the samples' total weight) pulling the
 * weights towards `prior`, so a small or one-sided sample moves the model only as far as
 * it has evidence for. A handful of iterations over a few thousand samples: milliseconds.
 */
export function fitLogistic(samples: readonly WeightedSample[], prior: LogisticModel, strength = 0.02, iterations = 25): LogisticModel {
  const width = prior.weights.length + 1;
  const totalWeight = samples.reduce((sum, sample) => sum + sample.weight, 0);
  if (totalWeight <= 0) return { bias: prior.bias, weights: [...prior.weights] };
  const priorVector = [prior.bias, ...prior.weights];
  const theta = [...priorVector];
  const lambda = strength * totalWeight;
  for (let iteration = 0; iteration < iterations; iteration++) {
    const gradient = theta.map((value, j) => lambda * (value - priorVector[j]!));
    const hessian = Array.from({ length: width }, (_, j) => Array.from({ length: width }, (_, k) => (j === k ? lambda : 0)));
    for (const sample of samples) {
      const x = [1, ...sample.inputs];
      let z = 0;
      for (let j = 0; j < width; j++) z += theta[j]! * x[j]!;
      const p = 1 / (1 + Math.exp(-z));
      const error = (p - sample.label) * sample.weight;
      const curvature = Math.max(p * (1 - p), 1e-9) * sample.weight;
      for (let j = 0; j < width; j++) {
        gradient[j]! += error * x[j]!;
        for (let k = 0; k < width; k++) hessian[j]![k]! += curvature * x[j]! * x[k]!;
      }
    }
    const step = solve(hessian, gradient);
    let largest = 0;
    for (let j = 0; j < width; j++) {
      theta[j]! -= step[j]!;
      largest = Math.max(largest, Math.abs(step[j]!));
    }
    if (largest < 1e-6) break;
  }
  return { bias: theta[0]!, weights: theta.slice(1) };
}

/** Solves `a · x = b` by Gaussian elimination with partial pivoting (a is small and positive definite here). */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]!]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let row = col + 1; row < n; row++) if (Math.abs(m[row]![col]!) > Math.abs(m[pivot]![col]!)) pivot = row;
    [m[col], m[pivot]] = [m[pivot]!, m[col]!];
    const diagonal = m[col]![col]! || 1e-12;
    for (let row = col + 1; row < n; row++) {
      const factor = m[row]![col]! / diagonal;
      for (let k = col; k <= n; k++) m[row]![k]! -= factor * m[col]![k]!;
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let row = n - 1; row >= 0; row--) {
    let sum = m[row]![n]!;
    for (let k = row + 1; k < n; k++) sum -= m[row]![k]! * x[k]!;
    x[row] = sum / (m[row]![row]! || 1e-12);
  }
  return x;
}
