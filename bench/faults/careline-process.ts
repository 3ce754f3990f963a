import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { packageRoot } from '../../src/http/package-root.js';

/** A port that was free a moment ago on 127.0.0.1 (kept across restarts of one trial). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

const keptOutput = 400_000;

/** Child processes still running; killed when the bench exits so that none is left behind. */
const live = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of live) child.kill('SIGKILL');
});

/**
 * One `node dist/src/main.js serve` process as an operator runs it, on 127.0.0.1: started
 * with an environment, waited for until its banner, killed with any signal. Keeps the tail of
 * its output, the first admin's password when this start printed one, and the messages of
 * errors it logged as unhandled (each a 500).
 */
export class CarelineProcess {
  private output = '';
  private exit: Promise<number | null>;
  private exitCode: number | null | undefined = undefined;
  private exitSignal: string | null = null;
  readonly unhandled = new Map<string, number>();
  private partialLine = '';
  adminPassword: string | null = null;

  private constructor(
    readonly child: ChildProcess,
    readonly url: string,
  ) {
    live.add(child);
    this.exit = new Promise((resolve) =>
      child.once('exit', (code, signal) => {
        live.delete(child);
        this.exitCode = code;
        this.exitSignal = signal;
        resolve(code);
      }),
    );
  }

  /** Starts Careline with `env` (PORT and HOST included) and resolves once it listens (at most 30 s). */
  static async start(env: Record<string, string>): Promise<CarelineProcess> {
    const child = spawn(process.execPath, ['dist/src/main.js', 'serve'], { cwd: packageRoot(), env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    const running = new CarelineProcess(child, `http://127.0.0.1:${env.PORT}`);
    child.stdout!.on('data', (chunk: Buffer) => running.take(chunk));
    child.stderr!.on('data', (chunk: Buffer) => running.take(chunk));
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        clearInterval(check);
        child.kill('SIGKILL');
        reject(new Error(`careline did not start in 30 s:\n${running.output.slice(-3000)}`));
      }, 30_000);
      const check = setInterval(() => {
        if (/Careline is running on/.test(running.output)) {
          clearInterval(check);
          clearTimeout(timer);
          resolve();
        } else if (running.exitCode !== undefined) {
          clearInterval(check);
          clearTimeout(timer);
          reject(new Error(`careline exited with ${running.exitCode} before starting:\n${running.output.slice(-3000)}`));
        }
      }, 20);
    });
    running.adminPassword = /First admin: +\S+ \/ (\S+)/.exec(running.output)?.[1] ?? null;
    return running;
  }

  get pid(): number {
    return this.child.pid!;
  }

  /** Still running (not exited, not killed). */
  get alive(): boolean {
    return this.exitCode === undefined;
  }

  /** How it ended, for the report: `exit code 1`, `signal SIGKILL`, or `running`. */
  get ending(): string {
    if (this.exitCode === undefined) return 'running';
    return this.exitSignal ? `signal ${this.exitSignal}` : `exit code ${this.exitCode}`;
  }

  /** The last part of what it printed. */
  tail(chars = 2000): string {
    return this.output.slice(-chars);
  }

  /** Resident memory in bytes, from /proc (Linux). */
  rssBytes(): number {
    const status = readFileSync(`/proc/${this.pid}/status`, 'utf8');
    const kib = /VmRSS:\s+(\d+) kB/.exec(status)?.[1];
    return kib ? Number(kib) * 1024 : Number.NaN;
  }

  /** `kill -9`: no shutdown code runs. Resolves once the process is gone. */
  async kill9(): Promise<void> {
    if (this.alive) this.child.kill('SIGKILL');
    await this.exit;
  }

  /** SIGTERM, and SIGKILL after 15 s; resolves with the exit code. */
  async stop(): Promise<number | null> {
    if (!this.alive) return this.exitCode ?? null;
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 15_000);
    const code = await this.exit;
    clearTimeout(timer);
    return code;
  }

  private take(chunk: Buffer): void {
    const text = chunk.toString('utf8');
    this.output = (this.output + text).slice(-keptOutput);
    const lines = (this.partialLine + text).split('\n');
    this.partialLine = lines.pop() ?? '';
    for (const line of lines) this.noteUnhandled(line);
  }

  /** Counts pino's `unhandled error` lines (and any other error line) by their error message. */
  private noteUnhandled(line: string): void {
    if (!line.startsWith('{')) return;
    try {
      const entry = JSON.parse(line) as { level?: number; msg?: string; err?: { message?: string } };
      if ((entry.level ?? 0) < 50) return;
      const key = `${entry.msg ?? ''}: ${(entry.err?.message ?? '').replace(/\b[a-z]{2,4}_[0-9a-z]{16,}\b/g, '<id>').slice(0, 160)}`;
      this.unhandled.set(key, (this.unhandled.get(key) ?? 0) + 1);
    } catch {
      // not a log line (part of the banner)
    }
  }
}
