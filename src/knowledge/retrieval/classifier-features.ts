import type { TokenParts } from '../text/tokenize.js';

/** Feature ids are hashes into a table of this size (a power of two): no string per feature is kept. */
export const featureTableSize = 1 << 20;
const mask = featureTableSize - 1;
// Character n-grams of each word, with the word's boundaries marked: they carry
// inflections, typos and compounds ("refund" in "refunded", "cardd").
const charGramMin = 3;
const charGramMax = 5;
// Seeds that keep the kinds of features apart in the table.
const wordSeed = 0x811c9dc5;
const pairSeed = 0x01000193;
const otherSeed = 0x5bd1e995;
const gramSeed = 0x27d4eb2d;
const space = 0x20;

/** FNV-1a over `text[from, to)`, continuing from `hash`. */
function mix(hash: number, text: string, from: number, to: number): number {
  let h = hash;
  for (let i = from; i < to; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h;
}

function mixChar(hash: number, code: number): number {
  return Math.imul(hash ^ code, 0x01000193);
}

/**
 * The classifier's features of a text's parts (`tokenParts`, read in the text's language) as
 * ids in `[0, featureTableSize)`, one per occurrence: the tokenizer's words (folded,
 * abbreviations expanded), adjacent word pairs, Chinese terms, and character 3- to 5-grams
 * of each word with its boundaries marked.
 */
export function hashedFeatures({ words, others }: TokenParts): Int32Array {
  let size = words.length * 2 + others.length;
  for (const word of words) for (let n = charGramMin; n <= charGramMax; n++) size += Math.max(0, word.length + 3 - n);
  const ids = new Int32Array(size);
  let at = 0;
  for (let w = 0; w < words.length; w++) {
    const word = words[w]!;
    ids[at++] = mix(wordSeed, word, 0, word.length) & mask;
    if (w > 0) {
      const previous = words[w - 1]!;
      ids[at++] = mix(mixChar(mix(pairSeed, previous, 0, previous.length), space), word, 0, word.length) & mask;
    }
    // " word ": the grams starting at each position, boundaries included.
    const length = word.length + 2;
    const codeAt = (i: number) => (i === 0 || i === length - 1 ? space : word.charCodeAt(i - 1));
    for (let start = 0; start + charGramMin <= length; start++) {
      let h = mixChar(gramSeed, codeAt(start));
      for (let i = start + 1; i < start + charGramMin - 1; i++) h = mixChar(h, codeAt(i));
      for (let end = start + charGramMin; end <= Math.min(length, start + charGramMax); end++) {
        h = mixChar(h, codeAt(end - 1));
        ids[at++] = (h ^ (end - start)) & mask;
      }
    }
  }
  for (const term of others) ids[at++] = mix(otherSeed, term, 0, term.length) & mask;
  return at === size ? ids : ids.subarray(0, at);
}
