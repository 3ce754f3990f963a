/** The Markdown report of `npm run bench:answers`, figures next to the published rows. */
import { cpus, loadavg } from 'node:os';
import type { BenchRun } from './datasets.js';
import type { Metrics, Scored, Thresholds, sweep } from './evaluate.js';
import { changedMessages, closedWorldTable, diacriticsTable } from './report-tables.js';

export interface RunResult {
  run: BenchRun;
  thresholds: Thresholds;
  thresholdSource: string;
  metrics: Metrics;
  sweep: ReturnType<typeof sweep>;
  /** Every test message's decision, in test order (for paired runs' message-by-message comparison). */
  scored: Scored[];
  buildMs: number;
  perQueryMs: number;
  articles: number;
  variants: number;
  /** Test figures at the validation-chosen threshold that keeps OOS recall at or above the published rows' (if any). */
  matchedRecall?: { minRecall: number; thresholds: Thresholds; inScopeAccuracy: number; oosRecall: number };
}

const pct = (value: number) => (value * 100).toFixed(1);

function runSection(result: RunResult, results: RunResult[]): string {
  const { run, metrics: m, sweep: s } = result;
  const lines = [
    `### ${run.title}`,
    '',
    ...(run.note ? [`${run.note}`, ''] : []),
    `${result.articles} articles, ${result.variants} question variants; ${m.nIn} in-scope and ${m.nOos} out-of-scope test messages. Thresholds: answer ≥ ${result.thresholds.answerThreshold}, clarify ≥ ${result.thresholds.clarifyThreshold} (${result.thresholdSource}). Index built in ${result.buildMs.toFixed(0)} ms; ${result.perQueryMs.toFixed(2)} ms per message (whole decide).`,
    '',
    '| Metric | Value |',
    '| --- | ---: |',
    `| In-scope accuracy (answered right; clarify and escalate count as errors) | ${pct(m.inScopeAccuracy)} |`,
    `| In-scope accuracy, clarify → its top candidate (comparable with published rows) | ${pct(m.comparable.inScopeAccuracy)} |`,
    ...(m.nOos === 0 ? [`| Top-1 accuracy, no reject (every message answered with the best article) | ${pct(s.riskCoverage[0]!.inScopeAccuracy)} |`] : []),
  ];
  if (m.nOos > 0) {
    lines.push(
      `| OOS recall (handed off) | ${pct(m.oosRecall)} |`,
      `| OOS recall, clarify → its top candidate (comparable) | ${pct(m.comparable.oosRecall)} |`,
      ...Object.entries(m.oosRecallByKind).filter(([kind]) => kind !== 'all').map(([kind, value]) => `| OOS recall, ${kind === 'id' ? 'in-domain (ID-OOS)' : 'out-of-domain (OOD-OOS)'} | ${pct(value)} |`),
      `| OOS precision / F1 | ${pct(m.oosPrecision)} / ${pct(m.oosF1)} |`,
    );
  }
  lines.push(
    `| Wrong-answer rate (W + A_oos) / all | ${pct(m.wrongAnswerRate)} |`,
    `| &nbsp;&nbsp;wrong in-scope answers W / N_in | ${pct(m.wrongInScope)} |`,
    ...(m.nOos > 0 ? [`| &nbsp;&nbsp;answered OOS A_oos / N_oos | ${pct(m.answeredOos)} |`] : []),
    `| Coverage (answered) | ${pct(m.coverage)} |`,
    `| Clarify rate / clarify hit rate | ${pct(m.clarifyRate)} / ${pct(m.clarifyHitRate)} |`,
  );
  if (m.nOos > 0) {
    lines.push(
      `| AUROC, in-scope vs OOS by best confidence | ${s.auroc.toFixed(3)} |`,
      `| In-scope accuracy at OOS recall 0.80 / 0.90 / 0.95 (threshold swept on test, reporting only) | ${Object.values(s.accuracyAtOosRecall).map((value) => (value === null ? '–' : pct(value))).join(' / ')} |`,
      '',
      'Risk–coverage (reject below the threshold, else answer the top article; swept on test for reporting only):',
      '',
      '| Threshold | Coverage | WAR | In-scope accuracy | OOS recall |',
      '| ---: | ---: | ---: | ---: | ---: |',
      ...s.riskCoverage.filter((_, i) => i >= 4 && i <= 18 && i % 2 === 0).map((row) => `| ${row.threshold.toFixed(2)} | ${pct(row.coverage)} | ${pct(row.war)} | ${pct(row.inScopeAccuracy)} | ${pct(row.oosRecall)} |`),
    );
  }
  if (run.published.length > 0) {
    lines.push('', '| Published | In-scope accuracy | OOS recall |', '| --- | ---: | ---: |');
    lines.push(`| **Careline (this run, clarify → top candidate)** | **${pct(m.comparable.inScopeAccuracy)}** | **${m.nOos > 0 ? pct(m.comparable.oosRecall) : '–'}** |`);
    const matched = result.matchedRecall;
    if (matched) lines.push(`| **Careline, threshold ${matched.thresholds.clarifyThreshold} chosen on validation for OOS recall ≥ ${pct(matched.minRecall)} %** | **${pct(matched.inScopeAccuracy)}** | **${pct(matched.oosRecall)}** |`);
    for (const row of run.published) lines.push(`| ${row.system} | ${row.inScope.toFixed(1)} | ${row.oosRecall?.toFixed(1) ?? '–'} |`);
  }
  const base = run.pairedWith ? results.find((other) => other.run.id === run.pairedWith) : undefined;
  if (base) lines.push('', changedMessages(base, result));
  return lines.join('\n');
}

/** The whole report: summary table, then one section per run. */
export function answersReport(results: RunResult[], info: { startedAt: Date; durationMs: number; datasets: string; shopSection?: string }): string {
  const mean = (ids: string[], pick: (m: Metrics) => number) => {
    const values = results.filter((result) => ids.some((id) => result.run.id.startsWith(id))).map((result) => pick(result.metrics));
    if (values.length === 0) return null;
    const average = values.reduce((a, b) => a + b, 0) / values.length;
    const sd = Math.sqrt(values.reduce((a, b) => a + (b - average) ** 2, 0) / values.length);
    return `${pct(average)} ± ${pct(sd)} (n=${values.length})`;
  };
  const fiveShot = mean(['clinc-5shot'], (m) => m.comparable.inScopeAccuracy);
  const fiveShotOos = mean(['clinc-5shot'], (m) => m.comparable.oosRecall);
  return [
    '# Answer quality on public datasets (`npm run bench:answers`)',
    '',
    `- Date: ${info.startedAt.toISOString()}; whole run ${(info.durationMs / 1000).toFixed(0)} s on ${cpus().length} cores (load average at the end ${loadavg().map((load) => load.toFixed(1)).join(' ')}).`,
    `- Datasets: ${info.datasets} (protocol: its README.md). The engine's real decision path: \`AnswerPolicy.decide\` over a \`KnowledgeBase\` with one article per intent (training utterances = question variants), no small-talk intents.`,
    '- Thresholds are tuned on validation splits only and frozen in `bench/answers-thresholds.json`; test data is never used for tuning (the sweeps below are for reporting).',
    '',
    ...(info.shopSection ? ['## Shop benchmark (test half; the dev half beside it was used for tuning)', '', info.shopSection, ''] : []),
    '## Summary',
    '',
    '| Run | In-scope acc. | OOS recall | WAR | Coverage | Clarify | Comparable (clarify → top): in-scope / OOS recall |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...results.map(({ run, metrics: m }) => `| ${run.title} | ${pct(m.inScopeAccuracy)} | ${m.nOos > 0 ? pct(m.oosRecall) : '–'} | ${pct(m.wrongAnswerRate)} | ${pct(m.coverage)} | ${pct(m.clarifyRate)} | ${pct(m.comparable.inScopeAccuracy)} / ${m.nOos > 0 ? pct(m.comparable.oosRecall) : '–'} |`),
    '',
    ...(fiveShot ? [`R3 (5 variants per article), mean ± sd over the fixed sample and 5 seeded draws: comparable in-scope ${fiveShot}, OOS recall ${fiveShotOos}.`, ''] : []),
    diacriticsTable(results),
    closedWorldTable(results),
    '## Runs',
    '',
    results.map((result) => runSection(result, results)).join('\n\n'),
    '',
  ].join('\n');
}
