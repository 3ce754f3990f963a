/**
 * The Vietnamese and Czech evaluation sets of protocol section 3.6 (CLINC150 `banking` and
 * `credit_cards`, translated; bench/datasets/clinc150-banking-credit/README.md) as benchmark
 * runs: the original messages, the same test messages without diacritics, and a mixed set
 * (half of them stripped, fixed seed). The stripped and mixed runs reuse the thresholds
 * tuned on the original run's validation split; the knowledge base keeps its diacritics.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locale } from '../../src/config/config-schema.js';
import { group, seeded, stripDiacritics, type BenchRun, type Labeled } from './datasets.js';

/** One row of a translated set: its split, its CLINC150 intent (or `oos`), the English source and the translation. */
export interface TranslatedRow {
  split: 'kb' | 'validation' | 'test';
  intent: string;
  english: string;
  text: string;
}

const splits = new Set(['kb', 'validation', 'test']);

/** Reads a translated set (TSV with a `split intent english text` header); throws naming the file and line of a bad row. */
export function readTranslated(file: string): TranslatedRow[] {
  const [header, ...body] = readFileSync(file, 'utf8').split('\n');
  if (header?.trim() !== 'split\tintent\tenglish\ttext') throw new Error(`${file}: line 1 must be the header "split<TAB>intent<TAB>english<TAB>text"`);
  const rows: TranslatedRow[] = [];
  body.forEach((line, index) => {
    if (line.trim() === '') return;
    const [split, intent, english, text, ...extra] = line.split('\t');
    if (!split || !splits.has(split) || !intent || !english || !text?.trim() || extra.length > 0) throw new Error(`${file}: line ${index + 2} is not "split<TAB>intent<TAB>english<TAB>text" with split kb, validation or test`);
    rows.push({ split: split as TranslatedRow['split'], intent, english, text: text.trim() });
  });
  return rows;
}

/** Every other message of a shuffled order stripped: exactly half, the same half on every run. */
export function mixStripped(messages: Labeled[], seed: number): Labeled[] {
  const random = seeded(seed);
  const order = messages.map((_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const strip = new Set(order.slice(0, Math.floor(order.length / 2)));
  return messages.map((message, i) => (strip.has(i) ? { ...message, text: stripDiacritics(message.text) } : message));
}

const languages: { locale: Locale; name: string; marks: string }[] = [
  { locale: 'vi', name: 'Vietnamese', marks: 'diacritics' },
  { locale: 'cs', name: 'Czech', marks: 'háčky and čárky' },
];

/** The folder of the translated sets inside the repository. */
export const translatedFolder = (root: string) => join(root, 'bench', 'datasets', 'clinc150-banking-credit');

/**
 * R3/R8-style runs on each translated set present in `folder` (original, stripped, mixed),
 * after a control on the English source rows (same articles, variants and messages), which
 * shows how much of a language's figures is the language and how much the small set.
 */
export function translatedRuns(folder: string, present: (file: string) => boolean): BenchRun[] {
  const runs: BenchRun[] = [];
  let controlled = false;
  for (const { locale, name, marks } of languages) {
    const file = join(folder, `${locale}.tsv`);
    if (!present(file)) continue;
    const rows = readTranslated(file);
    if (!controlled) {
      controlled = true;
      const english = (split: TranslatedRow['split']) => rows.filter((row) => row.split === split).map((row) => ({ text: row.english, label: row.intent }));
      runs.push({
        id: 'translated-en',
        title: 'R3 control: the English source of the translated sets (CLINC150 banking + credit cards, 30 articles × 5 variants)',
        locale: 'en',
        knowledge: group(english('kb')),
        validation: english('validation'),
        test: english('test'),
        published: [],
        tunable: true,
        note: 'The same rows as the Vietnamese and Czech runs below, in their English original: the gap to those runs is what the language costs the engine.',
      });
    }
    const labeled = (split: TranslatedRow['split']) => rows.filter((row) => row.split === split).map((row) => ({ text: row.text, label: row.intent }));
    const knowledge = group(labeled('kb'));
    const test = labeled('test');
    const id = `translated-${locale}`;
    const base = { locale, knowledge, validation: labeled('validation'), published: [] };
    const size = `${knowledge.size} articles × 5 variants`;
    runs.push({ ...base, id, title: `R3 ${name} CLINC150 banking + credit cards (${size}), with ${marks}`, test, tunable: true });
    runs.push({
      ...base,
      id: `${id}-stripped`,
      title: `R8 ${name}, test messages without ${marks} (knowledge base unchanged)`,
      test: test.map((message) => ({ ...message, text: stripDiacritics(message.text) })),
      tunable: false,
      thresholdsFrom: id,
      pairedWith: id,
    });
    runs.push({ ...base, id: `${id}-mixed`, title: `R8 ${name}, half of the test messages without ${marks} (seed 1)`, test: mixStripped(test, 1), tunable: false, thresholdsFrom: id, pairedWith: id });
  }
  return runs;
}
