// Case endings, longest first, by the length a word must exceed for them to go (diacritics folded).
const caseEndings: readonly [number, readonly string[]][] = [
  [7, ['atech']],
  [6, ['etem', 'atum']],
  [5, ['ech', 'ich', 'eho', 'emi', 'emu', 'ete', 'eti', 'iho', 'imi', 'imu', 'ach', 'ata', 'aty', 'ych', 'ama', 'ami', 'ove', 'ovi', 'ymi']],
  [4, ['em', 'es', 'im', 'um', 'at', 'am', 'os', 'us', 'ym', 'mi', 'ou']],
];
const finalVowels = new Set(['a', 'e', 'i', 'o', 'u', 'y']);

function removeCase(word: string): string {
  for (const [minLength, endings] of caseEndings) {
    if (word.length <= minLength) continue;
    for (const ending of endings) if (word.endsWith(ending)) return word.slice(0, -ending.length);
  }
  return word.length > 3 && finalVowels.has(word.at(-1)!) ? word.slice(0, -1) : word;
}

function removePossessive(word: string): string {
  return word.length > 5 && (word.endsWith('ov') || word.endsWith('in') || word.endsWith('uv')) ? word.slice(0, -2) : word;
}

// Verb forms and the nouns made from verbs, folded, longest first: infinitives (zaplatit,
// reklamovat), past forms (zaplatila, objednal), present forms (reklamuju), verbal nouns
// (vrácení, objednání, objednávka, reklamace). What is left must keep this many letters.
const verbEndings = ['ovani', 'ovala', 'ovali', 'ovalo', 'ovaly', 'ovat', 'oval', 'ujete', 'ujeme', 'avka', 'avku', 'avky', 'avce', 'avkou', 'eni', 'ani', 'ila', 'ili', 'ilo', 'ily', 'ala', 'ali', 'alo', 'aly', 'uju', 'uji', 'uje', 'ace', 'aci', 'it', 'il', 'al'].sort((a, b) => b.length - a.length);
const minVerbStem = 4;

function removeVerbEnding(word: string): string {
  for (const ending of verbEndings) if (word.endsWith(ending) && word.length - ending.length >= minVerbStem) return word.slice(0, -ending.length);
  return word;
}

function normalize(word: string): string {
  if (word.endsWith('ct') || word.endsWith('st')) return `${word.slice(0, -1)}k`;
  const last = word.at(-1);
  if (last === 'c') return `${word.slice(0, -1)}k`;
  if (last === 'z') return `${word.slice(0, -1)}h`;
  if (word.length > 1 && word.at(-2) === 'e') return word.slice(0, -2) + last;
  return word;
}

/**
 * Czech stems, on words with diacritics already folded. Nouns and adjectives by the light
 * stemmer of Dolamic & Savoy ("Indexing and stemming approaches for the Czech language",
 * Information Processing & Management 45, 2009; the algorithm of Lucene's `CzechStemmer`):
 * case endings, then possessive suffixes, then the common consonant alternations, so
 * `záruka`, `záruky`, `záruku`, `zárukou` all become `zaruk`. That stemmer leaves verbs alone
 * (its aggressive variant too: objednal / objednat / objednávka stay three stems), so a verb
 * step of Careline's own comes first: a word with a verb ending (infinitive, past or present
 * form) or a verbal-noun ending loses it instead, then the alternations apply. `objednala`,
 * `objednat`, `objednávka` → `objedn`; `zaplatit`, `zaplatila` → `zaplat`; `reklamovat`,
 * `reklamace`, `reklamuju` → `reklam`.
 */
export function czechStem(folded: string): string {
  const verb = removeVerbEnding(folded);
  if (verb !== folded) return normalize(verb);
  const stem = removePossessive(removeCase(folded));
  return stem.length > 0 ? normalize(stem) : folded;
}
