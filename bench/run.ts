/**
 * `npm run bench`: prints storage figures for the embedded store (and MongoDB when
 * MONGODB_URI is set), then retrieval over a 10,000-article knowledge base and bot turns
 * over the web chat socket, and writes the figures to bench/results/latest.md.
 * Figures, not assertions: compare runs on the same machine.
 */
import { existsSync, mkdtempSync, rmSync, statSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { packageRoot } from '../src/http/package-root.js';
import { EmbeddedDocumentStore } from '../src/storage/embedded/embedded-document-store.js';
import { contentGapsBench } from './content-gaps-bench.js';
import { openaiBench } from './openai-bench.js';
import { collectGarbage } from './latency-stats.js';
import { writeReport } from './results-report.js';
import { reportsBench } from './reports-bench.js';
import { retrievalBench } from './retrieval-bench.js';
import { storageBench, type BenchFigure } from './storage-bench.js';
import { webchatTurnBench } from './webchat-turn-bench.js';

const startedAt = new Date();
const root = packageRoot();
const write = (line: string) => void process.stdout.write(line);

function print(title: string, figures: BenchFigure[]): void {
  process.stdout.write(`\n${title}\n`);
  for (const figure of figures) {
    const perOp = figure.ms / figure.operations;
    process.stdout.write(`  ${figure.name.padEnd(52)} ${String(figure.operations).padStart(6)} ops  ${perOp.toFixed(3).padStart(9)} ms/op  ${Math.round(1000 / perOp).toString().padStart(7)} ops/s\n`);
  }
}

const dir = mkdtempSync(join(tmpdir(), 'careline-bench-'));
const store = new EmbeddedDocumentStore(dir);
await store.init();
const rssBefore = process.memoryUsage().rss;
const figures = await storageBench(store, { messages: 5000, ratings: 5000 });
print(`Embedded store (SQLite WAL, synchronous=FULL) in ${dir}`, figures);
process.stdout.write(`  resident memory: ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MiB (+${((process.memoryUsage().rss - rssBefore) / 2 ** 20).toFixed(0)} MiB during the run)\n`);
await store.close();
rmSync(dir, { recursive: true, force: true });

write('\nDashboard reports on the embedded store (1,000,000 messages, 100,000 CSAT responses; target ≤ 1 s each)\n');
const reports = await reportsBench({ messages: 1_000_000, ratings: 100_000 }, write);
collectGarbage();

const budgetSeconds = Number(process.env.BENCH_RETRIEVAL_BUDGET_S ?? 20);
write('\nRetrieval over a synthetic 10,000-article knowledge base\n');
const retrieval = await retrievalBench({
  articles: 10_000,
  queries: 2_400,
  warmup: 200,
  baselineQueries: 1_200,
  budgetMs: Number.isFinite(budgetSeconds) && budgetSeconds > 0 ? budgetSeconds * 1000 : 0,
  knowledgeBaseDir: join(root, 'knowledge-base'),
  intentsDir: join(root, 'intents'),
  write,
});
collectGarbage(); // drop the 10k-article index before the server starts

write('\nWeb chat: a bot turn over the WebSocket\n');
const webchat = await webchatTurnBench({
  knowledgeBaseDir: join(root, 'knowledge-base'),
  intentsDir: join(root, 'intents'),
  visitors: 50,
  rate: 200,
  openLoopMs: 10_000,
  concurrency: 32,
  closedLoopMs: 8_000,
  write,
});

print('Knowledge-base editor: content-gap clustering, kb import/export', await contentGapsBench(join(root, 'knowledge-base'), join(root, 'intents')));

write('\nOpenAI hybrid ranking: scoring a question against cached article vectors (in-process, no provider)\n');
await openaiBench([{ articles: 100, dimensions: 1536 }, { articles: 1000, dimensions: 1536 }, { articles: 10_000, dimensions: 256 }], 200, write);

const reportPath = join(root, 'bench', 'results', 'latest.md');
writeReport(reportPath, { startedAt, durationMs: Date.now() - startedAt.getTime(), storage: figures, reports, retrieval, webchat });
// The report is output, not source: keep its times at the last build's so that
// scripts/build-if-needed.mjs does not rebuild because of it.
const stamp = join(root, 'dist', '.build-stamp');
if (existsSync(stamp)) {
  const { mtime } = statSync(stamp);
  utimesSync(reportPath, mtime, mtime);
  utimesSync(dirname(reportPath), mtime, mtime);
}
write(`\nFigures written to ${reportPath}\n`);
