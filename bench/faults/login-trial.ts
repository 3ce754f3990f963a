import { execFile } from 'node:child_process';
import { request } from 'node:http';
import { promisify } from 'node:util';
import { packageRoot } from '../../src/http/package-root.js';
import { summarize } from '../latency-stats.js';
import { mapPool } from './pool.js';
import type { TrialFigure } from './trial-result.js';
import { firstAdminEmail, TrialWorld } from './trial-world.js';

const run = promisify(execFile);

/** One login attempt from the loopback address `from` (any of 127.0.0.0/8), with its status and duration. */
function login(port: number, from: string, email: string, password: string, headers: Record<string, string> = {}): Promise<{ status: number; ms: number }> {
  const body = JSON.stringify({ email, password });
  const started = performance.now();
  return new Promise((resolve) => {
    const req = request({ host: '127.0.0.1', port, localAddress: from, method: 'POST', path: '/api/auth/login', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...headers }, agent: false }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - started }));
    });
    req.on('error', () => resolve({ status: 0, ms: performance.now() - started }));
    req.end(body);
  });
}

/** Adds agents with known passwords through the CLI (`careline user add`), on the running server's data. */
async function addAgents(world: TrialWorld, count: number): Promise<string[]> {
  const emails = Array.from({ length: count }, (_, i) => `known-${i}@bench.example`);
  await mapPool(emails, 2, (email) => run(process.execPath, ['dist/src/main.js', 'user', 'add', '--email', email, '--role', 'agent', '--password', `Known-password-${email}`], { cwd: packageRoot(), env: { PATH: process.env.PATH ?? '', DATA_DIR: world.dataDir } }));
  return emails;
}

const median = (values: number[]) => summarize(values).p50;

/**
 * Trial 11, the login throttle and its timing: (a) 30 wrong passwords for 30 e-mails from one
 * address with a different `X-Forwarded-For` each (TRUST_PROXY unset: the header must not
 * count); (b) 40 wrong passwords for one e-mail at once; (c) median time of a wrong password
 * for existing and for unknown e-mails, each from its own loopback address so that no throttle
 * answers first.
 */
export async function loginTrial(options: { samples: number }): Promise<TrialFigure[]> {
  const world = await TrialWorld.create();
  try {
    const known = await addAgents(world, options.samples + 2);
    const timings = { known: [] as number[], unknown: [] as number[] };
    for (let i = 0; i < options.samples + 2; i++) {
      const a = await login(world.port, `127.0.1.${i + 1}`, known[i]!, 'wrong-password');
      const b = await login(world.port, `127.0.2.${i + 1}`, `ghost-${i}@bench.example`, 'wrong-password');
      // The first two of each warm up the code paths.
      if (i >= 2) {
        timings.known.push(a.ms);
        timings.unknown.push(b.ms);
      }
    }
    const rotating = [];
    for (let i = 0; i < 30; i++) rotating.push(await login(world.port, '127.0.0.10', `sprayed-${i}@bench.example`, 'wrong-password', { 'x-forwarded-for': `203.0.113.${i + 1}` }));
    const concurrent = await Promise.all(Array.from({ length: 40 }, () => login(world.port, '127.0.0.20', firstAdminEmail, 'wrong-password')));
    const count = (answers: { status: number }[], status: number) => answers.filter((answer) => answer.status === status).length;
    const knownMs = median(timings.known);
    const unknownMs = median(timings.unknown);
    const gap = Math.abs(knownMs - unknownMs);
    return [
      {
        name: '11. login, rotating X-Forwarded-For: wrong passwords answered 429',
        figure: `${count(rotating, 429)} of 30 (401: ${count(rotating, 401)})`,
        mustBe: '> 0',
        pass: count(rotating, 429) > 0,
        notes: ['30 e-mails, one wrong password each, from 127.0.0.10 with X-Forwarded-For 203.0.113.1–30; TRUST_PROXY unset'],
      },
      {
        name: '11. login, 40 concurrent wrong passwords for one e-mail: checked (401)',
        figure: `${count(concurrent, 401)} of 40 (429: ${count(concurrent, 429)})`,
        mustBe: '≤ 5',
        pass: count(concurrent, 401) <= 5,
      },
      {
        name: '11. login time, known vs unknown e-mail (median)',
        figure: `${knownMs.toFixed(1)} ms vs ${unknownMs.toFixed(1)} ms`,
        mustBe: 'about equal (within 25 % or 10 ms)',
        pass: gap <= Math.max(10, 0.25 * Math.max(knownMs, unknownMs)),
        notes: [`${options.samples} wrong passwords each, every one from its own loopback address`, ...world.errorsNote()],
      },
    ];
  } finally {
    await world.close();
  }
}
