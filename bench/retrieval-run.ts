/**
 * `npm run bench:retrieval`: the retrieval benchmark of `npm run bench` on its own
 * (10,000 articles: index build, heap, `knowledge.query` and `AnswerPolicy.decide` latency).
 * `BENCH_RETRIEVAL_BUDGET_S` caps each timed phase (default 20 s; 0 runs every query).
 */
import { join } from 'node:path';
import { packageRoot } from '../src/http/package-root.js';
import { retrievalBench } from './retrieval-bench.js';

const root = packageRoot();
const budgetSeconds = Number(process.env.BENCH_RETRIEVAL_BUDGET_S ?? 20);
process.stdout.write('Retrieval over a synthetic 10,000-article knowledge base\n');
await retrievalBench({
  articles: Number(process.env.BENCH_RETRIEVAL_ARTICLES ?? 10_000),
  queries: 2_400,
  warmup: 200,
  baselineQueries: 1_200,
  budgetMs: Number.isFinite(budgetSeconds) && budgetSeconds > 0 ? budgetSeconds * 1000 : 0,
  knowledgeBaseDir: join(root, 'knowledge-base'),
  intentsDir: join(root, 'intents'),
  write: (line) => void process.stdout.write(line),
});
