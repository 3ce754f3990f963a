import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';

export const repoRoot = resolve(import.meta.dirname, '../..');

/** Builds dist/ the way `npm start` does (only when sources changed). */
export function buildOnce(): void {
  execFileSync(process.execPath, ['scripts/build-if-needed.mjs'], { cwd: repoRoot, stdio: 'pipe' });
}

export interface RunningCareline {
  child: ChildProcess;
  url: string;
  output: () => string;
}

/** Runs the server as the Docker image does (`node dist/src/main.js`) and waits for its banner. */
/** Servers this test process started and that are still running; killed when it exits, so a failed test leaves none behind. */
const liveChildren = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of liveChildren) child.kill('SIGKILL');
});

export function startCareline(env: Record<string, string>, args: string[] = ['serve']): Promise<RunningCareline> {
  const child = spawn(process.execPath, ['dist/src/main.js', ...args], { cwd: repoRoot, env: { PATH: process.env.PATH ?? '', PORT: '0', LOG_LEVEL: 'warn', ...env }, stdio: 'pipe' });
  liveChildren.add(child);
  child.once('exit', () => liveChildren.delete(child));
  let output = '';
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`careline did not start in 20 s:\n${output}`));
    }, 20_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Careline is running on (http:\/\/localhost:\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolvePromise({ child, url: match[1]!, output: () => output });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`careline exited with ${code} before starting:\n${output}`));
    });
  });
}

/** Runs the CLI to completion and returns its exit code, output and duration. */
export function runCareline(env: Record<string, string>, args: string[] = []): Promise<{ code: number | null; stdout: string; stderr: string; ms: number }> {
  const started = Date.now();
  const child = spawn(process.execPath, ['dist/src/main.js', ...args], { cwd: repoRoot, env: { PATH: process.env.PATH ?? '', PORT: '0', ...env }, stdio: 'pipe' });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolvePromise) => child.once('exit', (code) => resolvePromise({ code, stdout, stderr, ms: Date.now() - started })));
}

/** Resolves with the exit code once the child has exited. */
export function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolvePromise) => child.once('exit', (code) => resolvePromise(code)));
}
