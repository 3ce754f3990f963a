/**
 * CPU time of one web chat turn, without sockets or a second thread: the whole product
 * in-process on an embedded store, visitors' messages handed to the web chat inbox one at a
 * time, the bot's replies pushed to a connected (fake) widget. CPU time per turn depends far
 * less on other work on a shared machine than latency does, so it is the figure to compare
 * between changes. With BENCH_CPU_PROFILE=file.cpuprofile the measured turns (not start-up)
 * are profiled into that file (open it in Chrome DevTools or speedscope).
 */
import { loadCarelineConfig } from '../src/channels/careline-config.js';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pino } from 'pino';
import type { WebchatChannel } from '../src/channels/webchat/webchat-channel.js';
import { WebchatInbox } from '../src/channels/webchat/webchat-inbox.js';
import { createCareline } from '../src/app/careline.js';
import { EmbeddedDocumentStore } from '../src/storage/embedded/embedded-document-store.js';
import { webchatQuestions } from './webchat-turn-bench.js';

export interface WebchatCpuResult {
  turns: number;
  /** Main-thread CPU (user + system) per turn, ms. */
  cpuMsPerTurn: number;
  /** Wall time per turn when turns run one after another, ms (includes fsync waits). */
  wallMsPerTurn: number;
  /** Turns per CPU-second: the ceiling if the main thread did nothing else. */
  turnsPerCpuSecond: number;
}

export async function webchatTurnCpu(options: { knowledgeBaseDir: string; intentsDir: string; visitors: number; turns: number; write: (line: string) => void }): Promise<WebchatCpuResult> {
  const dir = mkdtempSync(join(tmpdir(), 'careline-webchat-cpu-'));
  const config = loadCarelineConfig({ env: { DATA_DIR: dir, LOG_LEVEL: 'silent', KNOWLEDGE_BASE_DIR: options.knowledgeBaseDir, INTENTS_DIR: options.intentsDir } });
  const store = new EmbeddedDocumentStore(config.dataDir);
  await store.init();
  const careline = await createCareline({ config, store, logger: pino({ level: config.logLevel }) });
  // The widget's own receiving side over the engine, as the web chat module builds it (without HTTP).
  const inbox = new WebchatInbox({ onMessage: (inbound) => careline.engine.accept(inbound), customers: careline.services.customers, conversations: careline.services.conversations, messages: careline.services.messages });
  const webchat = careline.channels.get('webchat') as WebchatChannel;
  let pushed = 0;
  const visitors = Array.from({ length: options.visitors }, (_, i) => `bench-visitor-${String(i).padStart(4, '0')}`);
  for (const visitor of visitors) webchat.connect(visitor, { send: () => void pushed++ });

  let sequence = 0;
  const turn = (i: number) => inbox.receive(visitors[i % visitors.length]!, { clientId: `cpu-bench-${String(sequence++).padStart(8, '0')}`, text: webchatQuestions[i % webchatQuestions.length]! });
  // Warm-up: two turns per visitor (creates customers and conversations, JIT-compiles).
  for (let i = 0; i < visitors.length * 2; i++) await turn(i);

  const profile = process.env.BENCH_CPU_PROFILE;
  const session = profile ? new Session() : null;
  if (session) {
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.start');
  }
  const cpuBefore = process.cpuUsage();
  const wallBefore = performance.now();
  for (let i = 0; i < options.turns; i++) await turn(i);
  const wallMs = performance.now() - wallBefore;
  const cpu = process.cpuUsage(cpuBefore);
  if (session && profile) {
    const { profile: taken } = await session.post('Profiler.stop');
    writeFileSync(profile, JSON.stringify(taken));
    session.disconnect();
  }
  const cpuMs = (cpu.user + cpu.system) / 1000;
  const result = { turns: options.turns, cpuMsPerTurn: cpuMs / options.turns, wallMsPerTurn: wallMs / options.turns, turnsPerCpuSecond: (options.turns / cpuMs) * 1000 };
  options.write(
    `  ${options.turns} turns one after another over ${options.visitors} visitors (inbox → engine → store → widget push, no sockets): ` +
      `CPU ${result.cpuMsPerTurn.toFixed(2)} ms/turn (user ${(cpu.user / 1000 / options.turns).toFixed(2)}, system ${(cpu.system / 1000 / options.turns).toFixed(2)}), ` +
      `wall ${result.wallMsPerTurn.toFixed(2)} ms/turn, ${result.turnsPerCpuSecond.toFixed(0)} turns per CPU-second; ${pushed} events pushed\n`,
  );
  await careline.stop();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
  return result;
}
