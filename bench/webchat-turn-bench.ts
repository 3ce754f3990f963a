/**
 * Web chat turn benchmark: the whole product in-process (as test/support/test-app.ts starts
 * it) on an embedded store with the bundled knowledge base; visitors talk to it over the
 * web chat WebSocket from a worker thread. A turn is from sending a message to receiving
 * the bot's first `message` event.
 */
import { loadCarelineConfig } from '../src/channels/careline-config.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay, performance, type EventLoopUtilization } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import express from 'express';
import { pino } from 'pino';
import { createCareline } from '../src/app/careline.js';
import { EmbeddedDocumentStore } from '../src/storage/embedded/embedded-document-store.js';
import { mib, percentileLine, summarize, type LatencySummary } from './latency-stats.js';
import type { LoadPlan, WorkerEvent } from './webchat-load-worker.js';

export interface WebchatBenchOptions {
  knowledgeBaseDir: string;
  intentsDir: string;
  visitors: number;
  rate: number;
  openLoopMs: number;
  concurrency: number;
  closedLoopMs: number;
  write: (line: string) => void;
}

export interface WebchatBenchResult {
  articles: number;
  visitors: number;
  openLoop: LatencySummary & { rate: number; scheduled: number; replied: number; unanswered: number; achievedSendRate: number; achievedReplyRate: number; maxSendLagMs: number; serverEventLoopUtilization: number; serverEventLoopDelayP99: number; serverEventLoopDelayMax: number };
  closedLoop: LatencySummary & { concurrency: number; turnsPerSecond: number; errors: number; serverEventLoopUtilization: number };
  echo: LatencySummary & { concurrency: number; requestsPerSecond: number; errors: number };
  rssAfter: number;
  rssBefore: number;
  heapAfter: number;
  target: { p99Ms: number; rate: number; met: boolean };
  loadGenerator: string;
}

/** Answerable questions and small talk in the four languages (no misses: two misses in a row hand the conversation off). */
export const webchatQuestions = [
  'bao hanh bao lau',
  'Bảo hành bao lâu?',
  'phi ship bao nhieu',
  'phí giao hàng bao nhiêu',
  'giao hang mat bao lau',
  'mấy giờ mở cửa',
  'tra gop dc ko',
  'tich diem nhu the nao',
  'huy don hang',
  'xuat hoa don vat',
  'xin chao',
  'chào shop',
  'cam on shop',
  'how long is the warranty',
  'how much is delivery',
  'what are your opening hours',
  'can I pay in installments',
  'how do I cancel my order',
  'hello',
  'thank you',
  'kolik stojí doprava',
  'otevírací doba',
  'dobrý den',
  '运费多少',
  '保修多久',
  '营业时间',
  '你好',
  '谢谢',
];

const target = { p99Ms: 30, rate: 200 };

export async function webchatTurnBench(options: WebchatBenchOptions): Promise<WebchatBenchResult> {
  const { write } = options;
  const rssBefore = process.memoryUsage().rss;
  const dir = mkdtempSync(join(tmpdir(), 'careline-webchat-bench-'));
  // One load generator on one address sends hundreds of turns a second: the public rate limits are off here.
  const config = loadCarelineConfig({ env: { DATA_DIR: dir, LOG_LEVEL: 'silent', KNOWLEDGE_BASE_DIR: options.knowledgeBaseDir, INTENTS_DIR: options.intentsDir, RATE_LIMIT_PER_MINUTE: '0', RATE_LIMIT_PER_SENDER_PER_MINUTE: '0' } });
  const store = new EmbeddedDocumentStore(config.dataDir);
  await store.init();
  const careline = await createCareline({ config, store, logger: pino({ level: config.logLevel }) });
  const server: Server = createServer(careline.app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  await careline.attach(server);

  // The baseline: a bare express app with one JSON endpoint, same process, same thread.
  const echoApp = express();
  echoApp.post('/echo', express.json(), (req, res) => {
    res.json(req.body);
  });
  const echoServer = createServer(echoApp);
  await new Promise<void>((resolve) => echoServer.listen(0, '127.0.0.1', resolve));

  const plan: LoadPlan = {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    echoUrl: `http://127.0.0.1:${(echoServer.address() as AddressInfo).port}`,
    visitors: options.visitors,
    questions: webchatQuestions,
    warmupTurnsPerVisitor: 2,
    openLoop: { rate: options.rate, durationMs: options.openLoopMs },
    closedLoop: { concurrency: options.concurrency, durationMs: options.closedLoopMs },
    echo: { concurrency: options.concurrency, durationMs: options.closedLoopMs },
    replyTimeoutMs: 15_000,
  };
  const loadGenerator = 'load generator in a worker_thread of the same process, server on the main thread (2 cores)';
  write(`  Careline in-process on 127.0.0.1 (embedded store, ${careline.knowledge.size} bundled articles, LOG_LEVEL=silent); ${loadGenerator}\n`);

  const delay = monitorEventLoopDelay({ resolution: 1 });
  let elu: EventLoopUtilization | undefined;
  const phaseUtilization = new Map<string, number>();
  let phase = '';
  const worker = new Worker(new URL('./webchat-load-worker.js', import.meta.url), { workerData: plan });
  const results = await new Promise<Extract<WorkerEvent, { type: 'result' }>>((resolve, reject) => {
    let result: Extract<WorkerEvent, { type: 'result' }> | undefined;
    worker.on('error', reject);
    worker.on('exit', (code) => (result ? resolve(result) : reject(new Error(`the load worker exited with code ${code} before reporting`))));
    worker.on('message', (event: WorkerEvent) => {
      if (event.type === 'error') reject(new Error(`load worker: ${event.message}`));
      else if (event.type === 'result') result = event;
      else {
        if (elu && phase) phaseUtilization.set(phase, performance.eventLoopUtilization(elu).utilization);
        phase = event.name;
        elu = performance.eventLoopUtilization();
        if (event.name === 'open-loop') delay.enable();
        if (event.name === 'closed-loop') delay.disable();
        if (event.name === 'done') void worker.terminate();
      }
    });
  });

  const { open, closed, echo } = results;
  const openSummary = summarize(open.latencies);
  const openLoop = {
    ...openSummary,
    rate: options.rate,
    scheduled: open.scheduled,
    replied: open.replied,
    unanswered: open.unanswered,
    achievedSendRate: (open.scheduled / Math.max(1, open.sendSpanMs)) * 1000,
    achievedReplyRate: (open.replied / Math.max(1, open.replySpanMs)) * 1000,
    maxSendLagMs: open.maxSendLagMs,
    serverEventLoopUtilization: phaseUtilization.get('open-loop') ?? 0,
    serverEventLoopDelayP99: delay.percentile(99) / 1e6,
    serverEventLoopDelayMax: delay.max / 1e6,
  };
  const closedLoop = { ...summarize(closed.latencies), concurrency: closed.concurrency, turnsPerSecond: (closed.completed / closed.durationMs) * 1000, errors: closed.errors, serverEventLoopUtilization: phaseUtilization.get('closed-loop') ?? 0 };
  const echoResult = { ...summarize(echo.latencies), concurrency: echo.concurrency, requestsPerSecond: (echo.completed / echo.durationMs) * 1000, errors: echo.errors };
  const met = openLoop.p99 <= target.p99Ms && openLoop.unanswered === 0 && openLoop.achievedReplyRate >= target.rate * 0.95;

  write(`  open loop, ${options.rate} turns/s for ${options.openLoopMs / 1000} s over ${options.visitors} sockets (send → first bot message, from the scheduled send time)\n`);
  write(`    ${percentileLine(openSummary)}   target p99 ≤ ${target.p99Ms} ms at ${target.rate} turns/s: ${met ? 'MET' : 'MISSED'}\n`);
  write(`    sent ${open.scheduled} at ${openLoop.achievedSendRate.toFixed(1)}/s (max send lag ${openLoop.maxSendLagMs.toFixed(1)} ms), answered ${open.replied} at ${openLoop.achievedReplyRate.toFixed(1)}/s, unanswered ${open.unanswered}, errors ${open.errors}\n`);
  write(`    server main thread: event-loop utilization ${(openLoop.serverEventLoopUtilization * 100).toFixed(0)}%, event-loop delay p99 ${openLoop.serverEventLoopDelayP99.toFixed(1)} ms, max ${openLoop.serverEventLoopDelayMax.toFixed(1)} ms\n`);
  write(`  throughput ceiling, closed loop, ${options.concurrency} concurrent, ${options.closedLoopMs / 1000} s each (keep-alive HTTP for the echo)\n`);
  write(`    Careline web chat turns      ${closedLoop.turnsPerSecond.toFixed(0).padStart(6)} turns/s      ${percentileLine(closedLoop)}  (errors/timeouts ${closedLoop.errors}; server loop ${(closedLoop.serverEventLoopUtilization * 100).toFixed(0)}% busy)\n`);
  write(`    bare express POST /echo      ${echoResult.requestsPerSecond.toFixed(0).padStart(6)} requests/s   ${percentileLine(echoResult)}  (errors ${echoResult.errors})\n`);

  await careline.stopChannels();
  await new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
  await new Promise<void>((resolve) => {
    echoServer.close(() => resolve());
    echoServer.closeAllConnections();
  });
  const memory = process.memoryUsage();
  write(`  resident memory after the run: ${mib(memory.rss)} (${memory.rss >= rssBefore ? '+' : ''}${mib(memory.rss - rssBefore)} during this benchmark), heap used ${mib(memory.heapUsed)}\n`);
  await careline.stop();
  await store.close();
  rmSync(dir, { recursive: true, force: true });

  return {
    articles: careline.knowledge.size,
    visitors: options.visitors,
    openLoop,
    closedLoop,
    echo: echoResult,
    rssAfter: memory.rss,
    rssBefore,
    heapAfter: memory.heapUsed,
    target: { ...target, met },
    loadGenerator,
  };
}
