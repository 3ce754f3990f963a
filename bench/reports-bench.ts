/**
 * The dashboard's reports on the embedded store over 1,000,000 messages and 100,000 CSAT
 * responses (plus the conversations, tickets, surveys and logged questions around them),
 * spread over a year. Seeds with one prepared statement per collection inside one
 * transaction, then times each report (target: each ≤ 1 s) for the last 30 days and the
 * whole year. Run alone: `node --expose-gc dist/bench/reports-bench.js [messages] [ratings]`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { csatReport } from '../src/reports/csat-report.js';
import { operationsReport } from '../src/reports/operations-report.js';
import { reportRange } from '../src/reports/report-range.js';
import { encodeDocument } from '../src/storage/embedded/document-codec.js';
import { EmbeddedDocumentStore } from '../src/storage/embedded/embedded-document-store.js';

/** One timed report. */
export interface ReportFigure {
  name: string;
  /** Fastest of three runs. */
  ms: number;
  slowestMs: number;
  /** Documents in the collections the report reads. */
  documents: number;
}

export interface ReportsBenchResult {
  sizes: Record<string, number>;
  seedMs: number;
  figures: ReportFigure[];
}

const channels = ['webchat', 'telegram', 'messenger', 'zalo', 'whatsapp', 'rest'] as const;
const segments = ['new', 'regular', 'vip'] as const;
const dayMs = 86_400_000;
const questions = ['phi ship bao nhieu', 'co giao hang cuoi tuan khong', 'doi tra the nao', 'bao hanh o dau', 'how to pay by card', 'tra gop duoc khong', 'mo cua may gio', 'co xuat hoa don khong'];

/** Deterministic pseudo-random numbers, so every run seeds the same data. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) & 0x7fffffff;
    return state / 0x7fffffff;
  };
}

export function seedReportsStore(store: EmbeddedDocumentStore, sizes: { messages: number; ratings: number }, end: number): Record<string, number> {
  const next = random(42);
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!;
  const conversations = Math.round(sizes.messages / 10);
  const tickets = Math.round(conversations / 5);
  const prompts = Math.round(sizes.ratings * 1.3);
  const logged = Math.round(conversations / 5);
  const at = (i: number, total: number) => new Date(end - 365 * dayMs + Math.floor((i / total) * 365 * dayMs) + Math.floor(next() * 60_000));
  const insert = (collection: string, count: number, build: (i: number) => Record<string, unknown>) => {
    // The store's own INSERT, which fills the stored columns the reports read.
    const statement = store.db.prepare(store.writes(collection).insert);
    for (let i = 0; i < count; i++) {
      const doc = build(i);
      statement.run({ id: doc._id, doc: encodeDocument(doc) });
    }
  };
  store.db.transaction(() => {
    insert('conversations', conversations, (i) => {
      const createdAt = at(i, conversations);
      const escalated = i % 5 === 0;
      return {
        _id: `cnv_${i}`, customerId: `cus_${i % (conversations / 2)}`, channel: pick(channels), address: {}, state: 'resolved', ownerId: null, missCount: 0,
        createdAt, updatedAt: createdAt, lastMessageAt: createdAt, ...(next() < 0.7 ? { botAnswered: true } : {}), ...(escalated ? { escalated: true } : {}), ...(next() < 0.15 ? { repeatContact: true } : {}),
      };
    });
    insert('tickets', tickets, (i) => {
      const createdAt = at(i, tickets);
      const responded = new Date(createdAt.getTime() + Math.floor(next() * 3_600_000));
      return {
        _id: `tck_${i}`, number: i + 1, conversationId: `cnv_${i * 5}`, customerId: `cus_${i}`, reason: 'customer_request', priority: 'normal', status: 'resolved', assigneeId: `usr_${i % 12}`, notes: [],
        createdAt, updatedAt: createdAt, firstResponseAt: responded, resolvedAt: new Date(responded.getTime() + Math.floor(next() * 86_400_000)),
      };
    });
    insert('messages', sizes.messages, (i) => ({
      _id: `msg_${i}`, conversationId: `cnv_${Math.floor(i / 10)}`, customerId: `cus_${Math.floor(i / 20)}`, channel: pick(channels), direction: i % 2 ? 'out' : 'in',
      author: { kind: i % 2 ? 'bot' : 'customer' }, text: 'Cho em hỏi phí giao hàng về Đà Nẵng là bao nhiêu ạ?', buttons: [], createdAt: at(i, sizes.messages),
    }));
    insert('csat_prompts', prompts, (i) => {
      const promptedAt = at(i, prompts);
      const agent = i % 3 !== 0;
      return {
        _id: `csp_${i}`, conversationId: `cnv_p${i}`, customerId: `cus_${i}`, channel: pick(channels), trigger: agent ? 'resolved' : 'thanks', handledBy: agent ? 'agent' : 'bot', ...(agent ? { agentId: `usr_${i % 12}` } : {}),
        locale: 'vi', segment: pick(segments), status: i % 13 < 10 ? 'done' : 'expired', unclear: 0, triggeredAt: promptedAt, promptedAt, createdAt: promptedAt,
      };
    });
    insert('csat_responses', sizes.ratings, (i) => {
      const answeredAt = at(i, sizes.ratings);
      const agent = i % 3 !== 0;
      return {
        _id: `csr_${i}`, conversationId: `cnv_r${i}`, customerId: `cus_${i}`, score: 1 + Math.min(4, Math.floor(next() * 5.6)), channel: pick(channels), handledBy: agent ? 'agent' : 'bot', ...(agent ? { agentId: `usr_${i % 12}` } : {}),
        locale: 'vi', segment: pick(segments), promptedAt: answeredAt, answeredAt,
      };
    });
    insert('question_log', logged, (i) => ({
      _id: `qst_${i}`, text: pick(questions), outcome: next() < 0.7 ? 'missed' : 'rejected', locale: 'vi', channel: pick(channels), conversationId: `cnv_${i}`, customerId: `cus_${i}`, candidates: [], createdAt: at(i, logged),
    }));
  })();
  return { messages: sizes.messages, csat_responses: sizes.ratings, csat_prompts: prompts, conversations, tickets, question_log: logged };
}

/** Fastest of three runs after a warm-up: other work on a shared machine inflates single runs. */
async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; slowestMs: number }> {
  await work(); // warm the statement cache and SQLite's page cache, as a running server has them
  const runs: number[] = [];
  for (let run = 0; run < 3; run++) {
    const started = performance.now();
    await work();
    runs.push(performance.now() - started);
  }
  return { ms: Math.min(...runs), slowestMs: Math.max(...runs) };
}

/** Seeds a fresh embedded store and times each dashboard report. */
export async function reportsBench(sizes: { messages: number; ratings: number }, write: (line: string) => void): Promise<ReportsBenchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'careline-reports-bench-'));
  const store = new EmbeddedDocumentStore(dir);
  try {
    await store.init();
    const end = Date.UTC(2026, 10, 24);
    const seedStarted = performance.now();
    const seeded = seedReportsStore(store, sizes, end);
    // A server writing over months has its pages checkpointed into the database file; the
    // seed's one transaction left them all in the write-ahead log.
    store.db.pragma('wal_checkpoint(TRUNCATE)');
    const seedMs = performance.now() - seedStarted;
    write(`  seeded ${Object.entries(seeded).map(([name, count]) => `${count.toLocaleString('en')} ${name}`).join(', ')} in ${(seedMs / 1000).toFixed(1)} s\n`);
    const timezone = 'Asia/Ho_Chi_Minh';
    const periods = [
      ['last 30 days by day', reportRange({ from: '2026-10-25', to: '2026-11-23', bucket: 'day' }, timezone)],
      ['whole year by week', reportRange({ from: '2025-11-24', to: '2026-11-23', bucket: 'week' }, timezone)],
      // A zone with summer time: its offset changes twice within the year.
      ['whole year by week, Europe/Prague', reportRange({ from: '2025-11-24', to: '2026-11-23', bucket: 'week' }, 'Europe/Prague')],
    ] as const;
    const figures: ReportFigure[] = [];
    for (const [label, range] of periods) {
      figures.push({ name: `CSAT report (responses, surveys), ${label}`, ...(await timed(() => csatReport(store, range))), documents: seeded.csat_responses! + seeded.csat_prompts! });
      figures.push({ name: `service report (messages, conversations, tickets, questions), ${label}`, ...(await timed(() => operationsReport(store, range))), documents: seeded.messages! + seeded.conversations! + seeded.tickets! + seeded.question_log! });
    }
    for (const figure of figures) write(`  ${figure.name.padEnd(98)} ${figure.ms.toFixed(0).padStart(6)} ms (slowest of 3: ${figure.slowestMs.toFixed(0)})  ${figure.ms <= 1000 ? 'within 1 s' : 'OVER 1 s'}\n`);
    return { sizes: seeded, seedMs, figures };
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [messages = 1_000_000, ratings = 100_000] = process.argv.slice(2).map(Number);
  process.stdout.write(`Dashboard reports on the embedded store (${messages.toLocaleString('en')} messages, ${ratings.toLocaleString('en')} CSAT responses)\n`);
  await reportsBench({ messages, ratings }, (line) => void process.stdout.write(line));
}
