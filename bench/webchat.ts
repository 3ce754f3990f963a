/**
 * `npm run bench:webchat [-- --cpu-only]`: only the web chat figures of `npm run bench`
 * (CPU time per turn, then latency at 200 turns/s and the throughput ceiling next to a bare
 * express echo), printed, not written to bench/results. `--cpu-only` skips the socket part;
 * with `node --cpu-prof dist/bench/webchat.js --cpu-only` it profiles just the turn.
 */
import { join } from 'node:path';
import { packageRoot } from '../src/http/package-root.js';
import { webchatTurnCpu } from './webchat-turn-cpu.js';
import { webchatTurnBench } from './webchat-turn-bench.js';

const root = packageRoot();
const write = (line: string) => void process.stdout.write(line);
const dirs = { knowledgeBaseDir: join(root, 'knowledge-base'), intentsDir: join(root, 'intents') };
const turns = Number(process.env.BENCH_WEBCHAT_CPU_TURNS ?? 3000);

write('\nWeb chat: CPU time of a bot turn\n');
await webchatTurnCpu({ ...dirs, visitors: 50, turns: Number.isFinite(turns) && turns > 0 ? turns : 3000, write });
if (!process.argv.includes('--cpu-only')) {
  write('\nWeb chat: a bot turn over the WebSocket\n');
  await webchatTurnBench({ ...dirs, visitors: 50, rate: 200, openLoopMs: 10_000, concurrency: 32, closedLoopMs: 8_000, write });
}
