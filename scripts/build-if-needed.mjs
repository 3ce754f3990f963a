// Builds dist/ with tsc when any source is newer than the last build, so `npm start`
// works on a fresh clone and stays fast afterwards. `--with-bench` builds the benchmarks
// too (the `npm run bench*` scripts); the product build (`npm start`, the Docker image)
// compiles `src/` only.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const withBench = process.argv.includes('--with-bench');
const stamp = withBench ? 'dist/.bench-build-stamp' : 'dist/.build-stamp';
const project = withBench ? 'tsconfig.bench.json' : 'tsconfig.build.json';
const roots = ['src', 'tsconfig.json', 'tsconfig.build.json', 'package.json', ...(withBench ? ['bench', 'tsconfig.bench.json'] : [])];

function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((max, name) => Math.max(max, newest(join(path, name))), stat.mtimeMs);
}

const built = existsSync(stamp) ? statSync(stamp).mtimeMs : 0;
if (Math.max(...roots.map(newest)) > built) {
  process.stderr.write(`careline: building${withBench ? ' with the benchmarks' : ''} (tsc)…\n`);
  execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', project], { stdio: 'inherit' });
  writeFileSync(stamp, new Date().toISOString());
}
