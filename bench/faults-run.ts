/**
 * `npm run bench:faults [-- --only <trial>]`: the fault and attack trials of issue 16, run
 * against real `node dist/src/main.js serve` processes on 127.0.0.1 with every channel on and
 * every platform API pointed at a local fake. Prints one line per figure: name | figure | must
 * be | PASS/FAIL. A measurement, not a test: FAIL lines are figures too. `--only` takes a
 * trial's number or name (e.g. `--only 7` or `--only fuzz`); `--list` names them.
 */
import { trials } from './faults/trials.js';
import { formatFigure, type TrialFigure } from './faults/trial-result.js';

const write = (text: string) => void process.stdout.write(text);
const args = process.argv.slice(2);
const onlyAt = args.indexOf('--only');
const only = onlyAt >= 0 ? args[onlyAt + 1] : undefined;

if (args.includes('--list')) {
  for (const trial of trials) write(`${trial.number}. ${trial.name} — ${trial.about}\n`);
  process.exit(0);
}

const chosen = only ? trials.filter((trial) => String(trial.number) === only || trial.name === only) : trials;
if (chosen.length === 0) {
  process.stderr.write(`Unknown trial "${only}"; --list names them.\n`);
  process.exit(2);
}

const started = Date.now();
const figures: TrialFigure[] = [];
write(`Careline fault and attack trials (issue 16) on ${new Date().toISOString()}\n`);
for (const trial of chosen) {
  const trialStarted = Date.now();
  write(`\n# ${trial.number}. ${trial.name}: ${trial.about}\n`);
  let results: TrialFigure[];
  try {
    results = await trial.run();
  } catch (error) {
    results = [{ name: `${trial.number}. ${trial.name}`, figure: `the trial could not finish: ${(error as Error).stack ?? String(error)}`, mustBe: 'a figure', pass: false }];
  }
  for (const figure of results) write(`${formatFigure(figure)}\n`);
  write(`    (${((Date.now() - trialStarted) / 1000).toFixed(1)} s)\n`);
  figures.push(...results);
}

const failed = figures.filter((figure) => !figure.pass);
write(`\nSummary: ${figures.length - failed.length} of ${figures.length} figures hold, ${failed.length} fail; ${((Date.now() - started) / 1000).toFixed(0)} s in all\n`);
for (const figure of figures) write(`  ${figure.pass ? 'PASS' : 'FAIL'}  ${figure.name}: ${figure.figure}\n`);
process.exit(0);
