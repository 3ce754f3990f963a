// Builds dist/ with tsc when any source is newer than the last build, so `npm start`
// works on a fresh clone and stays fast afterwards. `--with-bench` builds the benchmarks
// too (the `npm run bench*` scripts); the product build (`npm start`, the Docker image)
// compiles `src/` only. `--typecheck` (the first step of `npm test`) always type-checks the
// whole repository (src, test, bench) and, in the same tsc run, writes dist/: the tests that
// start the real server as a child process then find it built instead of building it again.
// That run is incremental (its build info in dist/.typecheck.tsbuildinfo): after a change,
// tsc checks and writes again only what the change can affect; removing dist/ starts afresh.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const typecheck = process.argv.includes('--typecheck');
const withBench = process.argv.includes('--with-bench');
const stamps = { product: 'dist/.build-stamp', bench: 'dist/.bench-build-stamp' };
const productRoots = ['src', 'tsconfig.json', 'tsconfig.build.json', 'package.json'];
const benchRoots = [...productRoots, 'bench', 'tsconfig.bench.json'];

function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((max, name) => Math.max(max, newest(join(path, name))), stat.mtimeMs);
}

/** Runs tsc, then dates `stampFiles` to when it started: a source saved during the build is newer than the stamp. */
function build(tscArgs, stampFiles) {
  const started = new Date();
  try {
    execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', ...tscArgs], { stdio: 'inherit' });
  } catch (error) {
    // tsc has printed the type errors; no stamp, so the next run builds again.
    process.exit(typeof error.status === 'number' ? error.status : 1);
  }
  for (const stamp of stampFiles) {
    writeFileSync(stamp, started.toISOString());
    utimesSync(stamp, started, started);
  }
}

if (typecheck) {
  // The product's and the benchmarks' outputs are the same files tsconfig.build.json and tsconfig.bench.json write (same rootDir and outDir, source maps on).
  build(['-p', 'tsconfig.json', '--sourceMap', '--incremental', '--tsBuildInfoFile', 'dist/.typecheck.tsbuildinfo'], [stamps.product, stamps.bench]);
} else {
  const stamp = withBench ? stamps.bench : stamps.product;
  const built = existsSync(stamp) ? statSync(stamp).mtimeMs : 0;
  if (Math.max(...(withBench ? benchRoots : productRoots).map(newest)) > built) {
    process.stderr.write(`careline: building${withBench ? ' with the benchmarks' : ''} (tsc)…\n`);
    build(['-p', withBench ? 'tsconfig.bench.json' : 'tsconfig.build.json'], [stamp]);
  }
}
