/**
 * `npm run bench`: prints storage figures for the embedded store (and MongoDB when
 * MONGODB_URI is set). Figures, not assertions: compare runs on the same machine.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedDocumentStore } from '../src/storage/embedded/embedded-document-store.js';
import { storageBench, type BenchFigure } from './storage-bench.js';

function print(title: string, figures: BenchFigure[]): void {
  process.stdout.write(`\n${title}\n`);
  for (const figure of figures) {
    const perOp = figure.ms / figure.operations;
    process.stdout.write(`  ${figure.name.padEnd(52)} ${String(figure.operations).padStart(6)} ops  ${perOp.toFixed(3).padStart(9)} ms/op  ${Math.round(1000 / perOp).toString().padStart(7)} ops/s\n`);
  }
}

const dir = mkdtempSync(join(tmpdir(), 'careline-bench-'));
const store = new EmbeddedDocumentStore(dir);
await store.init();
const rssBefore = process.memoryUsage().rss;
const figures = await storageBench(store, { messages: 5000, ratings: 5000 });
print(`Embedded store (SQLite WAL, synchronous=FULL) in ${dir}`, figures);
process.stdout.write(`  resident memory: ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MiB (+${((process.memoryUsage().rss - rssBefore) / 2 ** 20).toFixed(0)} MiB during the run)\n`);
await store.close();
rmSync(dir, { recursive: true, force: true });
