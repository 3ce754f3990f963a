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

function normalize(word: string): string {
  if (word.endsWith('ct') || word.endsWith('st')) return `${word.slice(0, -1)}k`;
  const last = word.at(-1);
  if (last === 'c') return `${word.slice(0, -1)}k`;
  if (last === 'z') return `${word.slice(0, -1)}h`;
  if (word.length > 1 && word.at(-2) === 'e') return word.slice(0, -2) + last;
  return word;
}

/**
 * The Czech light stemmer of Dolamic & Savoy ("Indexing and stemming approaches for the
 * Czech language", Information Processing & Management 45, 2009; the algorithm of Lucene's
 * `CzechStemmer`), on words with diacritics already folded: case endings, then possessive
 * suffixes, then the common consonant alternations. `záruka`, `záruky`, `záruku`, `zárukou`
 * all become `zaruk`.
 */
export function czechStem(folded: string): string {
  const stem = removePossessive(removeCase(folded));
  return stem.length > 0 ? normalize(stem) : folded;
}
