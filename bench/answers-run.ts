/**
 * `npm run bench:answers`: the answer-quality benchmark (issue 9). Each dataset of
 * `../shared/datasets` (or `CARELINE_DATASETS`) becomes a knowledge base that the engine's
 * real decision path (`AnswerPolicy.decide` over `KnowledgeBase`) answers, clarifies or hands
 * off from. Thresholds come from bench/answers-thresholds.json, frozen after tuning on the
 * validation splits (`npm run bench:answers -- --tune` re-tunes them, reading validation data
 * only). Prints the figures and writes bench/results/answers-latest.md.
 */
import { loadCarelineConfig } from '../src/channels/careline-config.js';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { packageRoot } from '../src/http/package-root.js';
import { KnowledgeBase } from '../src/knowledge/knowledge-base.js';
import { closedWorldRuns } from './answers/closed-world.js';
import { loadRuns, type BenchRun } from './answers/datasets.js';
import { decideAll, knowledgeArticles, matchedRecallThresholds, metrics, sweep, tune, type Thresholds } from './answers/evaluate.js';
import { answersReport, type RunResult } from './answers/report.js';
import { translatedFolder, translatedRuns } from './answers/translated.js';
import { decideShop, readShopMessages, shopFigures, shopKnowledge, shopTable, type ShopDecision } from './answers/shop.js';

const root = packageRoot();
// From a compiled build the package root is the repository, as it is for tsx.
const datasets = resolve(process.env.CARELINE_DATASETS ?? join(root, '..', 'shared', 'datasets'));
const thresholdsPath = join(root, 'bench', 'answers-thresholds.json');
const retune = process.argv.includes('--tune');
const only = process.argv.find((arg) => arg.startsWith('--only='))?.slice('--only='.length);
const shopOnly = process.argv.includes('--shop');
const shopFolder = join(root, 'bench', 'datasets', 'shop-hoamai');

if (!existsSync(join(datasets, 'README.md'))) {
  process.stderr.write(`bench:answers: the datasets are not in ${datasets}.\nPut the shared datasets folder there (next to the repository, as ../shared/datasets) or set CARELINE_DATASETS=/path/to/datasets.\n`);
  process.exit(2);
}

const startedAt = new Date();
const config = loadCarelineConfig({ env: { LOG_LEVEL: 'silent' } });

// The shop benchmark first: the product's own defaults (thresholds, intents, bundled synonyms), nothing tuned per run.
let shopSection = '';
if (existsSync(join(shopFolder, 'messages.tsv'))) {
  const started = performance.now();
  const knowledge = shopKnowledge(shopFolder, config.knowledgeBaseDir);
  await knowledge.ready();
  const buildMs = performance.now() - started;
  const messages = readShopMessages(shopFolder);
  const decided = decideShop(knowledge, config, config.intentsDir, messages);
  const half = (split: 'dev' | 'test') => decided.filter((row) => row.message.split === split);
  const table = shopTable(shopFigures(half('test')), shopFigures(half('dev')));
  const fit = knowledge.calibrationFit;
  const header = `Shop benchmark "Hoa Mai Fashion": ${knowledge.size} articles (${new Set(knowledge.articles().map((a) => a.slug)).size} entries), ${half('test').length} test / ${half('dev').length} dev messages; answer ≥ ${config.answers.answerThreshold}, clarify ≥ ${config.answers.clarifyThreshold} (defaults); built and calibrated in ${buildMs.toFixed(0)} ms${fit ? ` (own calibration: ${fit.heldOut} held-out questions, ${fit.outOfScope} out-of-scope, ${fit.ms.toFixed(0)} ms)` : ''}.`;
  shopSection = `${header}\n\n${table}\n`;
  process.stdout.write(`${shopSection}\n`);
  if (process.argv.includes('--dev-misses')) writeFileSync(join(root, 'bench', 'results', 'shop-dev-misses.txt'), devMisses(half('dev')));
  if (shopOnly) process.exit(0);
}

/** The dev half's misses, for tuning (never the test half). */
function devMisses(rows: ShopDecision[]): string {
  return rows
    .map(({ message, decision }) => {
      const a = decision.action;
      const got = a.kind === 'answer' ? a.slug : a.kind === 'clarify' ? `clarify(${a.candidates.map((c) => c.slug).join(',')})` : a.kind === 'handoff' ? `handoff:${a.reason}` : a.kind;
      const top = decision.candidates.slice(0, 3).map((c) => `${c.slug}@${c.confidence}`).join(' ');
      return `${message.locale}\t${message.style}\t${message.expected}\t${got}\t${top}\t${message.text}`;
    })
    .join('\n');
}
const frozen: Record<string, Thresholds> = existsSync(thresholdsPath) ? (JSON.parse(readFileSync(thresholdsPath, 'utf8')) as Record<string, Thresholds>) : {};
const live: Thresholds = { answerThreshold: config.answers.answerThreshold, clarifyThreshold: config.answers.clarifyThreshold };
const results: RunResult[] = [];
const pct = (value: number) => (value * 100).toFixed(1);

// Runs that share a knowledge base (R8 and its original) share one index.
const indexes = new Map<Map<string, string[]>, { knowledge: KnowledgeBase; buildMs: number }>();
function indexFor(run: BenchRun) {
  let index = indexes.get(run.knowledge);
  if (!index) {
    const started = performance.now();
    index = { knowledge: new KnowledgeBase(knowledgeArticles(run.knowledge, run.locale)), buildMs: 0 };
    index.buildMs = performance.now() - started;
    indexes.set(run.knowledge, index);
  }
  return index;
}

// Validation decisions under the live thresholds (the candidates do not depend on them), decided once per run.
const validationDecisions = new Map<string, ReturnType<typeof decideAll>>();
function decidedValidation(run: BenchRun) {
  let decided = validationDecisions.get(run.id);
  if (!decided) validationDecisions.set(run.id, (decided = decideAll(indexFor(run).knowledge, config, live, run.validation)));
  return decided;
}

const tunedHere = new Set<string>();
const runs = [...loadRuns(datasets), ...translatedRuns(translatedFolder(root), existsSync), ...closedWorldRuns(datasets)];
for (const run of runs) {
  if (only && !run.id.startsWith(only)) continue;
  const { knowledge, buildMs } = indexFor(run);
  // A large knowledge base trains its article classifier in slices after the build.
  await knowledge.ready();
  const ownId = run.thresholdsFrom ?? run.id;
  const owner = runs.find((candidate) => candidate.id === ownId);
  if (owner?.tunable && ((retune && ownId === run.id) || !frozen[ownId])) {
    // --tune, or not frozen yet: tune on the validation split of the run that owns the thresholds.
    frozen[ownId] = tune(decidedValidation(owner));
    if (!retune) tunedHere.add(ownId);
  }
  const thresholds = frozen[ownId] ?? live;
  const from = run.thresholdsFrom ? `${run.thresholdsFrom}'s ` : '';
  const thresholdSource = !frozen[ownId] ? 'live defaults (nothing to tune)' : tunedHere.has(ownId) ? `tuned on ${from}validation in this run (not in the frozen file yet)` : `tuned on ${from}validation, frozen`;
  const queryStarted = performance.now();
  const scored = decideAll(knowledge, config, thresholds, run.test);
  const perQueryMs = (performance.now() - queryStarted) / Math.max(1, run.test.length);
  const result: RunResult = { run, thresholds, thresholdSource, metrics: metrics(scored), sweep: sweep(scored), scored, buildMs, perQueryMs, articles: knowledge.size, variants: [...run.knowledge.values()].reduce((sum, list) => sum + list.length, 0) };
  // Next to published rows with an OOS recall: the point tuned on validation to keep at least the best of their recalls.
  const publishedRecall = Math.max(0, ...run.published.map((row) => row.oosRecall ?? 0)) / 100;
  const matched = publishedRecall > 0 && run.tunable && !run.thresholdsFrom ? matchedRecallThresholds(decidedValidation(run), publishedRecall) : null;
  if (matched) {
    const at = metrics(scored, matched);
    result.matchedRecall = { minRecall: publishedRecall, thresholds: matched, inScopeAccuracy: at.comparable.inScopeAccuracy, oosRecall: at.comparable.oosRecall };
  }
  results.push(result);
  const m = result.metrics;
  process.stdout.write(
    `${run.title}: in-scope ${pct(m.inScopeAccuracy)} (top-1 with clarify→top ${pct(m.comparable.inScopeAccuracy)}), OOS recall ${m.nOos > 0 ? `${pct(m.oosRecall)} (${pct(m.comparable.oosRecall)})` : '–'}, WAR ${pct(m.wrongAnswerRate)}, coverage ${pct(m.coverage)}, clarify ${pct(m.clarifyRate)} [answer ≥ ${thresholds.answerThreshold}, clarify ≥ ${thresholds.clarifyThreshold}; ${perQueryMs.toFixed(2)} ms/message]\n`,
  );
}

if (retune) writeFileSync(thresholdsPath, `${JSON.stringify(frozen, null, 2)}\n`);
const reportPath = join(root, 'bench', 'results', 'answers-latest.md');
writeFileSync(reportPath, answersReport(results, { startedAt, durationMs: Date.now() - startedAt.getTime(), datasets, shopSection }));
process.stdout.write(`\nReport written to ${reportPath} (${((Date.now() - startedAt.getTime()) / 1000).toFixed(0)} s)\n`);
