/**
 * R4 of the protocol: closed-world runs (every test message has an article; no out-of-scope
 * data) on BANKING77 (full, 10-shot, 5-shot) and HWU64 (full, 10-shot, 5-shot), compared with
 * the published closed-world table of the datasets README, section 4.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { group, lines, seeded, type BenchRun, type Labeled } from './datasets.js';

/** The rows of an RFC 4180 CSV (quoted fields may hold commas, quotes as `""` and line breaks). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"' && field === '') quoted = true;
    else if (char === ',') { row.push(field); field = ''; }
    else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      field = '';
      if (row.length > 1 || row[0] !== '') rows.push(row);
      row = [];
    } else field += char;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}

function banking77Csv(root: string, file: string): Labeled[] {
  const [header, ...rows] = parseCsv(readFileSync(join(root, 'banking77', file), 'utf8'));
  if (header?.join(',') !== 'text,category') throw new Error(`${join(root, 'banking77', file)}: expected the header "text,category"`);
  return rows.map(([text, label]) => ({ text: text!.trim(), label: label!.trim() }));
}

/** A stratified hold-out: `share` of each intent's rows (at least one), drawn with a fixed seed. */
export function stratifiedHoldOut(rows: Labeled[], share: number, seed: number): { kept: Labeled[]; heldOut: Labeled[] } {
  const random = seeded(seed);
  const byIntent = new Map<string, Labeled[]>();
  for (const row of rows) byIntent.set(row.label, [...(byIntent.get(row.label) ?? []), row]);
  const kept: Labeled[] = [];
  const heldOut: Labeled[] = [];
  for (const list of byIntent.values()) {
    const shuffled = [...list];
    for (let i = shuffled.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
    }
    const count = Math.max(1, Math.round(list.length * share));
    heldOut.push(...shuffled.slice(0, count));
    kept.push(...shuffled.slice(count));
  }
  return { kept, heldOut };
}

// The closed-world few-shot table of the datasets README, section 4 (from jianguoz/Few-Shot-Intent-Detection):
// USE+ConveRT (Casanueva et al. 2020), DNNC (EMNLP 2020), CPFT (EMNLP 2021), ICDA (EACL 2023).
const fewShotPublished = {
  banking77: { 5: [['USE+ConveRT', 77.75], ['DNNC', 80.4], ['CPFT', 80.86], ['ICDA', 84.01]], 10: [['USE+ConveRT', 85.19], ['DNNC', 86.71], ['CPFT', 87.2], ['ICDA', 89.79]] },
  hwu64: { 5: [['USE+ConveRT', 80.01], ['DNNC', 80.46], ['CPFT', 82.03], ['ICDA', 82.45]], 10: [['USE+ConveRT', 85.83], ['DNNC', 84.72], ['CPFT', 87.13], ['ICDA', 87.41]] },
} as const;

const published = (rows: readonly (readonly [string, number])[]) => rows.map(([system, inScope]) => ({ system, inScope }));

/** R4: BANKING77 and HWU64, full and few-shot knowledge bases, closed world. */
export function closedWorldRuns(root: string): BenchRun[] {
  const runs: BenchRun[] = [];
  const bankingTest = banking77Csv(root, 'test.csv');
  // Protocol 2: BANKING77 has no validation split; tune on a stratified 10 % of train (seed 1).
  const { kept, heldOut } = stratifiedHoldOut(banking77Csv(root, 'train.csv'), 0.1, 1);
  const base = { locale: 'en' as const, tunable: true, note: 'Closed world: no out-of-scope messages, so OOS recall does not apply; the published rows are top-1 accuracy without a reject option (compare with "top-1, no reject").' };
  runs.push({
    ...base,
    id: 'banking77-full',
    title: 'R4 BANKING77 full (train minus a stratified 10 % hold-out; closed world)',
    knowledge: group(kept),
    validation: heldOut,
    test: bankingTest,
    published: [
      // Casanueva et al. 2020, Table 3, as quoted in the datasets README (secondary quotation).
      { system: 'BERT-Large fine-tuned', inScope: 93.66 },
      { system: 'USE+ConveRT', inScope: 93.36 },
    ],
  });
  for (const shots of [10, 5] as const) {
    const knowledge = lines(root, `BANKING77/train_${shots}`);
    const inKnowledge = new Set(knowledge.map((row) => row.text.toLowerCase()));
    runs.push({
      ...base,
      id: `banking77-${shots}shot`,
      title: `R4 BANKING77 ${shots}-shot (fixed train_${shots}; closed world)`,
      knowledge: group(knowledge),
      // The same hold-out, minus any row that is one of this knowledge base's variants.
      validation: heldOut.filter((row) => !inKnowledge.has(row.text.toLowerCase())),
      test: bankingTest,
      published: published(fewShotPublished.banking77[shots]),
    });
  }
  const hwuValidation = lines(root, 'HWU64/valid');
  const hwuTest = lines(root, 'HWU64/test');
  runs.push({ ...base, id: 'hwu64-full', title: 'R4 HWU64 full (closed world)', knowledge: group(lines(root, 'HWU64/train')), validation: hwuValidation, test: hwuTest, published: [] });
  for (const shots of [10, 5] as const) {
    runs.push({ ...base, id: `hwu64-${shots}shot`, title: `R4 HWU64 ${shots}-shot (fixed train_${shots}; closed world)`, knowledge: group(lines(root, `HWU64/train_${shots}`)), validation: hwuValidation, test: hwuTest, published: published(fewShotPublished.hwu64[shots]) });
  }
  return runs;
}
