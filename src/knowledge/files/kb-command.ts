import { resolve } from 'node:path';
import type { ArticleRepository } from '../article-repository.js';
import type { SynonymRepository } from '../synonyms/synonym-repository.js';
import type { SyncConflict } from './kb-sync.js';
import { ProgressBar, type ProgressStream } from './progress-bar.js';

/** `careline kb …` usage, part of `careline --help`. */
export const kbHelp = `  kb import [--dir D] [--force] [--dry-run]
            knowledge-base files -> store: adds new articles, updates ones the editor has
            not changed, reports conflicts (changed in both; --force takes the file's);
            importing twice changes nothing. A progress bar shows for 50+ files.
            Synonyms (synonyms/<locale>.yaml) move the same way, per language
  kb export [--dir D]
            store -> files (every article and status, <category>/<id>.<locale>.md,
            and synonyms/<locale>.yaml); identical files are left untouched.
            D defaults to KNOWLEDGE_BASE_DIR`;

/** Imports this many files or more with a progress bar. */
const progressFrom = 50;

function conflictLines(conflicts: SyncConflict[]): string {
  return conflicts.map((conflict) => `  - ${conflict.path} (${conflict.slug}/${conflict.locale}): ${conflict.message}\n`).join('');
}

/**
 * Runs `kb import` or `kb export` (articles, then synonyms) against the store; prints a
 * summary on stdout and conflicts and problems on stderr. Returns the exit code: 0 done,
 * 1 with conflicts or unreadable files (everything else was still moved), 2 for a wrong command.
 */
export async function runKbCommand(input: { action: string | undefined; dir: string; force: boolean; dryRun: boolean }, repositories: { articles: ArticleRepository; synonyms: SynonymRepository }, out: ProgressStream, err: ProgressStream): Promise<number> {
  // Loaded here, not with `kbHelp`: `careline --help` prints that without the file readers and writers.
  const [{ exportArticles, importDirectory }, { exportSynonyms, importSynonyms }] = await Promise.all([import('./kb-sync.js'), import('../synonyms/synonym-sync.js')]);
  const { articles, synonyms } = repositories;
  const dir = resolve(input.dir);
  let bar: ProgressBar | null = null;
  const progress = {
    onTotal: (total: number) => {
      if (total >= progressFrom) bar = new ProgressBar(err, total, input.action === 'import' ? 'importing' : 'exporting');
    },
    onProgress: (done: number) => bar?.update(done),
  };
  if (input.action === 'import') {
    const report = await importDirectory(dir, articles, { ...progress, force: input.force, dryRun: input.dryRun });
    const words = await importSynonyms(dir, synonyms, { force: input.force, dryRun: input.dryRun });
    out.write(`${input.dryRun ? 'Would import' : 'Imported'} from ${dir}: ${report.added} added, ${report.updated} updated, ${report.unchanged} unchanged, ${report.conflicts.length} conflict(s), ${report.problems.length} unreadable file problem(s).\n`);
    out.write(`Synonyms: ${words.added} language(s) added, ${words.updated} updated, ${words.unchanged} unchanged, ${words.conflicts.length} conflict(s), ${words.problems.length} unreadable file problem(s).\n`);
    const conflicts = [...report.conflicts, ...words.conflicts];
    const problems = [...report.problems, ...words.problems];
    if (conflicts.length > 0) err.write(`Conflicts (not imported):\n${conflictLines(conflicts)}`);
    if (problems.length > 0) err.write(`Files skipped:\n${problems.map((problem) => `  - ${problem.path}: ${problem.field}: ${problem.message}\n`).join('')}`);
    return conflicts.length > 0 || problems.length > 0 ? 1 : 0;
  }
  if (input.action === 'export') {
    const report = await exportArticles(articles, dir, progress);
    const words = await exportSynonyms(synonyms, dir);
    out.write(`Exported to ${dir}: ${report.written} written, ${report.moved} moved to their category folder, ${report.unchanged} unchanged, ${report.conflicts.length} conflict(s).\n`);
    out.write(`Synonyms: ${words.written} language(s) written, ${words.unchanged} unchanged, ${words.conflicts.length} conflict(s).\n`);
    const conflicts = [...report.conflicts, ...words.conflicts];
    if (conflicts.length > 0) err.write(`Conflicts (not written):\n${conflictLines(conflicts)}`);
    return conflicts.length > 0 ? 1 : 0;
  }
  err.write(`Unknown kb command "${input.action ?? ''}"; expected "kb import" or "kb export".\n`);
  return 2;
}
