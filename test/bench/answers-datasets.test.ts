import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsv, stratifiedHoldOut } from '../../bench/answers/closed-world.js';
import { stripDiacritics } from '../../bench/answers/datasets.js';
import { mixStripped, readTranslated, translatedFolder, translatedRuns } from '../../bench/answers/translated.js';
import { packageRoot } from '../../src/http/package-root.js';

const folder = translatedFolder(packageRoot());

describe('the translated CLINC150 banking + credit-card sets', () => {
  for (const locale of ['vi', 'cs']) {
    const file = join(folder, `${locale}.tsv`);
    it.skipIf(!existsSync(file))(`${locale}: 30 intents with 5 variants, 10 validation and 30 test messages each, 100 + 100 out-of-scope, all with diacritics`, () => {
      const rows = readTranslated(file);
      const count = (split: string, intent?: string) => rows.filter((row) => row.split === split && (intent ? row.intent === intent : row.intent !== 'oos')).length;
      const intents = new Set(rows.filter((row) => row.intent !== 'oos').map((row) => row.intent));
      expect(intents.size).toBe(30);
      for (const intent of intents) expect([count('kb', intent), count('validation', intent), count('test', intent)]).toEqual([5, 10, 30]);
      expect([count('validation', 'oos'), count('test', 'oos')]).toEqual([100, 100]);
      // Stripping must change nearly every message, or the R8 runs would prove nothing.
      const unchanged = rows.filter((row) => stripDiacritics(row.text) === row.text);
      expect(unchanged.length).toBeLessThan(rows.length * 0.03);
    });
  }

  it('become original, stripped and mixed runs that keep the knowledge base and share its thresholds', () => {
    const all = translatedRuns(folder, existsSync);
    expect(all[0]!.id).toBe('translated-en');
    expect(all[0]!.test.length).toBe(1000);
    const runs = all.filter((run) => run.locale === 'vi');
    expect(runs.map((run) => run.id)).toEqual(['translated-vi', 'translated-vi-stripped', 'translated-vi-mixed']);
    const [original, stripped] = runs;
    expect(stripped!.knowledge).toBe(original!.knowledge);
    expect(stripped!.thresholdsFrom).toBe('translated-vi');
    expect(stripped!.test.map((message) => message.text)).toEqual(original!.test.map((message) => stripDiacritics(message.text)));
  });

  it('rejects a malformed row naming the file and line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'careline-translated-'));
    const file = join(dir, 'xx.tsv');
    writeFileSync(file, 'split\tintent\tenglish\ttext\nkb\tbalance\twhat is my balance\tzůstatek\ntest\tbalance\tonly three fields\n');
    expect(() => readTranslated(file)).toThrow(`${file}: line 3`);
  });
});

describe('mixStripped', () => {
  it('strips exactly half of the messages, the same half for the same seed', () => {
    const messages = Array.from({ length: 11 }, (_, i) => ({ text: `tài khoản ${i}`, label: 'balance' }));
    const mixed = mixStripped(messages, 1);
    expect(mixed.filter((message) => message.text.startsWith('tai khoan')).length).toBe(5);
    expect(mixStripped(messages, 1)).toEqual(mixed);
    expect(mixStripped(messages, 2)).not.toEqual(mixed);
  });
});

describe('the BANKING77 CSV reader and hold-out', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks', () => {
    expect(parseCsv('text,category\n"Where is it, my card?",card_arrival\r\n"She said ""hi""\nthen left",other\nplain,x')).toEqual([
      ['text', 'category'],
      ['Where is it, my card?', 'card_arrival'],
      ['She said "hi"\nthen left', 'other'],
      ['plain', 'x'],
    ]);
  });

  it('holds out 10 % of every intent, disjoint from the rest and the same for the same seed', () => {
    const rows = [...Array.from({ length: 40 }, (_, i) => ({ text: `a${i}`, label: 'a' })), ...Array.from({ length: 20 }, (_, i) => ({ text: `b${i}`, label: 'b' }))];
    const { kept, heldOut } = stratifiedHoldOut(rows, 0.1, 1);
    expect(heldOut.filter((row) => row.label === 'a').length).toBe(4);
    expect(heldOut.filter((row) => row.label === 'b').length).toBe(2);
    expect(kept.length + heldOut.length).toBe(60);
    expect(new Set([...kept, ...heldOut].map((row) => row.text)).size).toBe(60);
    expect(stratifiedHoldOut(rows, 0.1, 1).heldOut).toEqual(heldOut);
  });
});
