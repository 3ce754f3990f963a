/**
 * The load generator of the web chat benchmark, run in a worker thread so that it does not
 * share the server's event loop: web chat visitors over WebSockets (open loop at a fixed
 * rate, then closed loop), then a closed loop against a bare express echo endpoint.
 */
import { Agent, request } from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';
import WebSocket from 'ws';

export interface LoadPlan {
  url: string;
  echoUrl: string;
  visitors: number;
  questions: string[];
  warmupTurnsPerVisitor: number;
  openLoop: { rate: number; durationMs: number };
  closedLoop: { concurrency: number; durationMs: number };
  echo: { concurrency: number; durationMs: number };
  replyTimeoutMs: number;
}

export interface OpenLoopResult {
  scheduled: number;
  replied: number;
  unanswered: number;
  errors: number;
  /** Send to first bot message, measured from the scheduled send time (no coordinated omission). */
  latencies: number[];
  sendSpanMs: number;
  replySpanMs: number;
  maxSendLagMs: number;
}

export interface ClosedLoopResult {
  concurrency: number;
  durationMs: number;
  completed: number;
  errors: number;
  latencies: number[];
}

export type WorkerEvent =
  | { type: 'phase'; name: 'connected' | 'open-loop' | 'closed-loop' | 'echo' | 'done' }
  | { type: 'result'; open: OpenLoopResult; closed: ClosedLoopResult; echo: ClosedLoopResult }
  | { type: 'error'; message: string };

interface Pending {
  clientId: string;
  startedAt: number;
  repliedAt?: number;
  onAck?: () => void;
}

interface Visitor {
  index: number;
  socket: WebSocket;
  pending: Pending[];
  sequence: number;
}

const plan = workerData as LoadPlan;
const post = (event: WorkerEvent) => parentPort!.postMessage(event);
let errors = 0;
let questionCursor = 0;

function nextQuestion(): string {
  return plan.questions[questionCursor++ % plan.questions.length]!;
}

async function openVisitor(index: number): Promise<Visitor> {
  const response = await fetch(`${plan.url}/api/webchat/session`, { method: 'POST' });
  if (response.status !== 201) throw new Error(`POST /api/webchat/session answered ${response.status}`);
  const { token } = (await response.json()) as { token: string };
  const socket = new WebSocket(`${plan.url.replace(/^http/, 'ws')}/api/webchat/socket?token=${token}`);
  const visitor: Visitor = { index, socket, pending: [], sequence: 0 };
  await new Promise<void>((resolve, reject) => {
    socket.once('error', reject);
    socket.on('message', (data) => {
      const event = JSON.parse(String(data)) as { type: string; clientId?: string; message?: { author: string } };
      if (event.type === 'history') resolve();
      else if (event.type === 'message' && event.message?.author === 'bot') {
        const waiting = visitor.pending.find((turn) => turn.repliedAt === undefined);
        if (waiting) waiting.repliedAt = performance.now();
      } else if (event.type === 'ack') {
        const at = visitor.pending.findIndex((turn) => turn.clientId === event.clientId);
        if (at >= 0) {
          const [turn] = visitor.pending.splice(at, 1);
          turn!.onAck?.();
        }
      } else if (event.type === 'error') errors++;
    });
  });
  return visitor;
}

function send(visitor: Visitor, startedAt: number): Pending {
  const turn: Pending = { clientId: `bench${String(visitor.index).padStart(3, '0')}_${String(visitor.sequence++).padStart(7, '0')}`, startedAt };
  visitor.pending.push(turn);
  visitor.socket.send(JSON.stringify({ type: 'message', clientId: turn.clientId, text: nextQuestion() }));
  return turn;
}

/** One turn at a time: resolves at the ack (the whole turn done), with the first-reply latency. */
function turnAndWait(visitor: Visitor): Promise<number | null> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(null), plan.replyTimeoutMs);
    const turn = send(visitor, performance.now());
    turn.onAck = () => {
      clearTimeout(timer);
      resolve(turn.repliedAt === undefined ? null : turn.repliedAt - turn.startedAt);
    };
  });
}

async function openLoop(visitors: Visitor[]): Promise<OpenLoopResult> {
  const { rate, durationMs } = plan.openLoop;
  const total = Math.round((rate * durationMs) / 1000);
  const interval = 1000 / rate;
  const turns: Pending[] = [];
  let maxSendLagMs = 0;
  let lastSentAt = 0;
  const started = performance.now() + 5;
  await new Promise<void>((resolve) => {
    let next = 0;
    const tick = () => {
      const now = performance.now();
      while (next < total && started + next * interval <= now) {
        const scheduledAt = started + next * interval;
        maxSendLagMs = Math.max(maxSendLagMs, now - scheduledAt);
        turns.push(send(visitors[next % visitors.length]!, scheduledAt));
        lastSentAt = now;
        next++;
      }
      if (next < total) setTimeout(tick, Math.max(0, started + next * interval - performance.now()));
      else resolve();
    };
    tick();
  });
  const deadline = performance.now() + plan.replyTimeoutMs;
  while (turns.some((turn) => turn.repliedAt === undefined) && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
  const replied = turns.filter((turn) => turn.repliedAt !== undefined);
  // Let the last turns finish (acks) before the next phase.
  while (visitors.some((visitor) => visitor.pending.length > 0) && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
  for (const visitor of visitors) visitor.pending.length = 0;
  return {
    scheduled: total,
    replied: replied.length,
    unanswered: total - replied.length,
    errors,
    latencies: replied.map((turn) => turn.repliedAt! - turn.startedAt),
    sendSpanMs: lastSentAt - started,
    replySpanMs: Math.max(...replied.map((turn) => turn.repliedAt!)) - started,
    maxSendLagMs,
  };
}

async function closedLoop(concurrency: number, durationMs: number, turn: (worker: number) => Promise<number | null>): Promise<ClosedLoopResult> {
  const latencies: number[] = [];
  let failed = 0;
  const started = performance.now();
  const deadline = started + durationMs;
  await Promise.all(
    Array.from({ length: concurrency }, async (_, worker) => {
      while (performance.now() < deadline) {
        const latency = await turn(worker);
        if (latency === null) failed++;
        else latencies.push(latency);
      }
    }),
  );
  return { concurrency, durationMs: performance.now() - started, completed: latencies.length, errors: failed, latencies };
}

function echoCall(agent: Agent, body: string): Promise<number | null> {
  const url = new URL('/echo', plan.echoUrl);
  const started = performance.now();
  return new Promise((resolve) => {
    const req = request(url, { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode === 200 ? performance.now() - started : null));
    });
    req.on('error', () => resolve(null));
    req.end(body);
  });
}

async function main(): Promise<void> {
  const visitors: Visitor[] = [];
  for (let i = 0; i < plan.visitors; i++) visitors.push(await openVisitor(i));
  post({ type: 'phase', name: 'connected' });
  // Warm-up: every visitor's customer and conversation exist, the JIT has seen the path.
  for (let round = 0; round < plan.warmupTurnsPerVisitor; round++) await Promise.all(visitors.map((visitor) => turnAndWait(visitor)));

  post({ type: 'phase', name: 'open-loop' });
  const open = await openLoop(visitors);

  post({ type: 'phase', name: 'closed-loop' });
  errors = 0;
  const closed = await closedLoop(plan.closedLoop.concurrency, plan.closedLoop.durationMs, (worker) => turnAndWait(visitors[worker % visitors.length]!));
  closed.errors += errors;

  post({ type: 'phase', name: 'echo' });
  const agent = new Agent({ keepAlive: true, maxSockets: plan.echo.concurrency });
  const body = JSON.stringify({ type: 'message', clientId: 'bench000_0000000', text: 'bao hanh bao lau' });
  for (let i = 0; i < 200; i++) await echoCall(agent, body);
  const echo = await closedLoop(plan.echo.concurrency, plan.echo.durationMs, () => echoCall(agent, body));
  agent.destroy();

  for (const visitor of visitors) visitor.socket.close();
  post({ type: 'result', open, closed, echo });
  post({ type: 'phase', name: 'done' });
}

main().catch((error: unknown) => post({ type: 'error', message: error instanceof Error ? (error.stack ?? error.message) : String(error) }));
