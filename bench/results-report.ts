import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, totalmem } from 'node:os';
import { dirname } from 'node:path';
import { ms, type LatencySummary } from './latency-stats.js';
import type { ReportsBenchResult } from './reports-bench.js';
import type { RetrievalBenchResult } from './retrieval-bench.js';
import type { BenchFigure } from './storage-bench.js';
import type { WebchatBenchResult } from './webchat-turn-bench.js';

export interface BenchReport {
  startedAt: Date;
  durationMs: number;
  storage: BenchFigure[];
  reports?: ReportsBenchResult;
  retrieval: RetrievalBenchResult;
  webchat: WebchatBenchResult;
}

const mibText = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;
const row = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;
const latencyCells = (s: LatencySummary) => [ms(s.p50), ms(s.p95), ms(s.p99), ms(s.max)];
const metText = (met: boolean) => (met ? '**met**' : '**missed**');

/** The figures of one `npm run bench` as Markdown (bench/results/latest.md). */
export function renderReport(report: BenchReport): string {
  const { retrieval: r, webchat: w } = report;
  const cpu = cpus()[0]?.model.trim() ?? 'unknown CPU';
  const lines = [
    '# Careline benchmark results',
    '',
    `- Date: ${report.startedAt.toISOString()} (whole \`npm run bench\` took ${(report.durationMs / 1000).toFixed(0)} s)`,
    `- Machine: ${availableParallelism()} cores (${cpu}), ${mibText(totalmem())} RAM, ${process.platform}/${process.arch}`,
    `- Node ${process.version}, \`node --expose-gc\`, built with tsc (\`dist/\`)`,
    '- Figures, not assertions: compare runs on the same machine.',
    '',
    '## Storage (embedded store, SQLite WAL, synchronous=FULL)',
    '',
    row(['Operation', 'Ops', 'ms/op', 'ops/s']),
    row(['---', '---:', '---:', '---:']),
    ...report.storage.map((f) => row([f.name, f.operations, (f.ms / f.operations).toFixed(3), Math.round((1000 * f.operations) / f.ms)])),
    '',
    ...(report.reports
      ? [
          '## Dashboard reports (embedded store; target ≤ 1 s each)',
          '',
          `Seeded ${Object.entries(report.reports.sizes).map(([name, count]) => `${count.toLocaleString('en')} ${name}`).join(', ')} in ${(report.reports.seedMs / 1000).toFixed(1)} s (one transaction, prepared statements).`,
          '',
          row(['Report', 'ms (fastest of 3)', 'slowest of 3', 'within 1 s']),
          row(['---', '---:', '---:', '---']),
          ...report.reports.figures.map((f) => row([f.name, f.ms.toFixed(0), f.slowestMs.toFixed(0), f.ms <= 1000 ? 'yes' : '**no**'])),
          '',
        ]
      : []),
    `## Retrieval over ${r.articles.toLocaleString('en')} articles`,
    '',
    `Knowledge base: the ${r.realArticles} bundled articles plus ${r.articles - r.realArticles} generated variants (real article with words replaced by corpus words, numbers changed, product names and a model code inserted; slug \`gen-<i>\`). Languages: ${Object.entries(r.locales).map(([l, n]) => `${l} ${n}`).join(', ')}; ${r.distinctWords.toLocaleString('en')} distinct words; answers ${r.meanAnswerChars} characters on average.`,
    '',
    `Queries: ${r.queryCount} (${Object.entries(r.queryMix).map(([k, n]) => `${k} ${n}`).join(', ')}), shuffled.` +
      (r.queriesRun < r.queryCount || r.decisionsRun < r.queryCount
        ? ` The time budget of ${r.budgetMs / 1000} s per phase stopped the 10k-article phases after ${r.queriesRun} queries and ${r.decisionsRun} decisions (a shuffled prefix of the mix); \`BENCH_RETRIEVAL_BUDGET_S=0 npm run bench\` runs all.`
        : r.budgetMs === 0
          ? ' Every query ran (`BENCH_RETRIEVAL_BUDGET_S=0`, no time budget).'
          : ''),
    '',
    row(['Figure', 'Value', 'Target', '']),
    row(['---', '---:', '---:', '---']),
    row(['Index build (`new KnowledgeBase(articles)`)', `${r.buildMs.toFixed(0)} ms`, `≤ ${r.targets.buildMs} ms`, metText(r.targets.buildMet)]),
    row(['Article classifier trained after the build (in slices)', `${r.classifierMs.toFixed(0)} ms more; longest event-loop pause ${r.classifierPauseMs.toFixed(0)} ms`, '–', '–']),
    row(['Heap held by the index and classifier (after gc)', mibText(r.heapDelta), '', '']),
    row(['RSS growth during the build and training', mibText(r.rssDelta), '', '']),
    row(['`knowledge.query(text, 5)` p99', `${ms(r.query.p99)} ms`, `≤ ${r.targets.queryP99Ms} ms`, metText(r.targets.queryMet)]),
    row(['`knowledge.query` throughput (one thread)', `${r.query.perSecond.toFixed(1)} queries/s`, '', '']),
    row(['`AnswerPolicy.decide` throughput (one thread)', `${r.decide.perSecond.toFixed(1)} decisions/s`, '', '']),
    '',
    row(['Latency (ms)', 'n', 'p50', 'p95', 'p99', 'max']),
    row(['---', '---:', '---:', '---:', '---:', '---:']),
    row([`\`knowledge.query(text, 5)\`, ${r.articles} articles`, r.query.count, ...latencyCells(r.query)]),
    ...Object.entries(r.queryByKind).map(([kind, s]) => row([`&nbsp;&nbsp;${kind}`, s.count, ...(s.count > 0 ? latencyCells(s) : ['–', '–', '–', '–'])])),
    row([`\`AnswerPolicy.decide({ text })\`, ${r.articles} articles`, r.decide.count, ...latencyCells(r.decide)]),
    row([`\`knowledge.query(text, 5)\`, ${r.realArticles} bundled articles only`, r.baselineQuery.count, ...latencyCells(r.baselineQuery)]),
    row([`\`AnswerPolicy.decide({ text })\`, ${r.realArticles} bundled articles only`, r.baselineDecide.count, ...latencyCells(r.baselineDecide)]),
    '',
    `Decisions at ${r.articles} articles: ${Object.entries(r.decideActions).map(([k, n]) => `${k} ${n}`).join(', ')}.`,
    '',
    '## Web chat turn over the WebSocket',
    '',
    `The whole product in-process (createCareline, embedded store in a temp dir, ${w.articles} bundled articles, LOG_LEVEL=silent) on 127.0.0.1; ${w.visitors} visitors, each with its own session token and socket, asking answerable questions and small talk in vi/en/cs/zh. A turn runs from sending \`{type:'message'}\` to the first bot \`message\` event. Setup: ${w.loadGenerator}.`,
    '',
    row(['Figure', 'Value', 'Target', '']),
    row(['---', '---:', '---:', '---']),
    row([`Open loop at ${w.openLoop.rate} turns/s: turn p99`, `${ms(w.openLoop.p99)} ms`, `≤ ${w.target.p99Ms} ms at ${w.target.rate} turns/s`, metText(w.target.met)]),
    row(['Open loop: achieved send / answer rate', `${w.openLoop.achievedSendRate.toFixed(1)} / ${w.openLoop.achievedReplyRate.toFixed(1)} per s`, '', '']),
    row(['Open loop: turns sent / answered / unanswered', `${w.openLoop.scheduled} / ${w.openLoop.replied} / ${w.openLoop.unanswered}`, '', '']),
    row(['Open loop: server main-thread event-loop utilization', `${(w.openLoop.serverEventLoopUtilization * 100).toFixed(0)}%`, '', '']),
    row(['Open loop: server event-loop delay p99 / max', `${w.openLoop.serverEventLoopDelayP99.toFixed(1)} / ${w.openLoop.serverEventLoopDelayMax.toFixed(1)} ms`, '', '']),
    row([`Ceiling: Careline web chat, closed loop × ${w.closedLoop.concurrency}`, `${w.closedLoop.turnsPerSecond.toFixed(0)} turns/s`, '', '']),
    row([`Ceiling: bare express \`POST /echo\`, closed loop × ${w.echo.concurrency}, keep-alive`, `${w.echo.requestsPerSecond.toFixed(0)} requests/s`, '', '']),
    row(['Resident memory after the run', `${mibText(w.rssAfter)} (${w.rssAfter >= w.rssBefore ? '+' : '−'}${mibText(Math.abs(w.rssAfter - w.rssBefore))} during this benchmark; the process also held the retrieval benchmark before)`, '', '']),
    '',
    row(['Latency (ms)', 'n', 'p50', 'p95', 'p99', 'max']),
    row(['---', '---:', '---:', '---:', '---:', '---:']),
    row([`Open loop ${w.openLoop.rate}/s, turn`, w.openLoop.count, ...latencyCells(w.openLoop)]),
    row([`Closed loop × ${w.closedLoop.concurrency}, turn`, w.closedLoop.count, ...latencyCells(w.closedLoop)]),
    row([`Bare express echo × ${w.echo.concurrency}, request`, w.echo.count, ...latencyCells(w.echo)]),
    '',
  ];
  return lines.join('\n');
}

export function writeReport(path: string, report: BenchReport): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, renderReport(report));
}
