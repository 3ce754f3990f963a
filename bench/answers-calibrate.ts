/**
 * `npm run bench:answers:calibrate`: fits the confidence calibration
 * (src/knowledge/retrieval/confidence.ts) by logistic regression on the validation splits
 * of every tunable run of `npm run bench:answers` (never on test data), and writes the
 * coefficients to src/knowledge/retrieval/confidence-calibration.ts. Each dataset family
 * weighs the same, and within one, in-scope and out-of-scope messages weigh half each, so
 * the confidence reads as "the chance this answer is right" whatever the knowledge base.
 * Re-tune the thresholds afterwards (`npm run bench:answers -- --tune`).
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { packageRoot } from '../src/http/package-root.js';
import { KnowledgeBase } from '../src/knowledge/knowledge-base.js';
import { calibrationInputs } from '../src/knowledge/retrieval/confidence.js';
import { fitLogistic, type WeightedSample } from './answers/calibration-fit.js';
import { loadRuns } from './answers/datasets.js';
import { translatedFolder, translatedRuns } from './answers/translated.js';
import { knowledgeArticles, slugOf } from './answers/evaluate.js';

const root = packageRoot();
const datasets = resolve(process.env.CARELINE_DATASETS ?? join(root, '..', 'shared', 'datasets'));
if (!existsSync(join(datasets, 'README.md'))) {
  process.stderr.write(`bench:answers:calibrate: the datasets are not in ${datasets} (set CARELINE_DATASETS).\n`);
  process.exit(2);
}

interface Point {
  covered: number[];
  right: number[];
  isRight: boolean;
}
const byFamily = new Map<string, { inScope: Point[]; outOfScope: Point[] }>();
for (const run of [...loadRuns(datasets), ...translatedRuns(translatedFolder(root), existsSync)]) {
  if (!run.tunable || run.thresholdsFrom) continue;
  const knowledge = new KnowledgeBase(knowledgeArticles(run.knowledge, run.locale));
  await knowledge.ready();
  const name = run.id.replace(/-seed\d+$/, '');
  const family = byFamily.get(name) ?? { inScope: [], outOfScope: [] };
  byFamily.set(name, family);
  for (const message of run.validation) {
    const [top] = knowledge.query(message.text, 5);
    // A message without any candidate is a sure miss: it tells the fit nothing.
    if (!top?.signals) continue;
    const point = { ...calibrationInputs(top.signals), isRight: message.label !== 'oos' && top.slug === slugOf(message.label) };
    (message.label === 'oos' ? family.outOfScope : family.inScope).push(point);
  }
  process.stdout.write(`${run.title}: ${run.validation.length} validation messages\n`);
}

// Covered: in-scope against out-of-scope, half the weight each. Right: among in-scope ones.
const covered: WeightedSample[] = [];
const right: WeightedSample[] = [];
for (const family of byFamily.values()) {
  const inWeight = 0.5 / Math.max(1, family.inScope.length);
  const outWeight = 0.5 / Math.max(1, family.outOfScope.length);
  for (const point of family.inScope) {
    covered.push({ inputs: point.covered, label: 1, weight: family.outOfScope.length > 0 ? inWeight : 0 });
    right.push({ inputs: point.right, label: point.isRight ? 1 : 0, weight: inWeight });
  }
  for (const point of family.outOfScope) covered.push({ inputs: point.covered, label: 0, weight: outWeight });
}
const round = (value: number) => Math.round(value * 1e4) / 1e4;
const part = (samples: WeightedSample[]) => {
  const { bias, weights, loss } = fitLogistic(samples);
  return { text: `{ bias: ${round(bias)}, weights: [${weights.map(round).join(', ')}] }`, loss };
};
const coveredFit = part(covered);
const rightFit = part(right);
const target = join(root, 'src', 'knowledge', 'retrieval', 'confidence-calibration.ts');
writeFileSync(
  target,
  `/** Written by \`npm run bench:answers:calibrate\` (validation splits only; dataset families: ${[...byFamily.keys()].join(', ')}); see confidence.ts. */\nexport const calibration = {\n  covered: ${coveredFit.text},\n  right: ${rightFit.text},\n};\n`,
);
process.stdout.write(`\nCovered (in-scope vs out-of-scope): ${coveredFit.text}, weighted log-loss ${coveredFit.loss.toFixed(4)}\nRight (top article among in-scope): ${rightFit.text}, weighted log-loss ${rightFit.loss.toFixed(4)}\nWritten to ${target}; now re-tune: npm run bench:answers -- --tune\n`);
