import { foldDiacritics } from '../knowledge/text/fold-diacritics.js';
import { looksLikeQuestion } from './looks-like-question.js';

// How easy it was, in words, on the CES scale as the question labels it (1 very difficult …
// 7 very easy). Latin phrases are matched without diacritics (`*` accepts any ending, for
// Czech snadné/snadná/snadno); Vietnamese "dễ" and "khó" fold to "de" (also "để", "to") and
// "kho" (also "kho", "store"), so on their own they count only as written, like the number
// words in parse-score.ts. Chinese has no spaces: substrings.
const folded: [string, number][] = [
  // English
  ['very easy', 7], ['extremely easy', 7], ['super easy', 7], ['really easy', 7], ['very simple', 7], ['effortless', 7],
  ['easy', 6], ['simple', 6],
  ['quite easy', 5], ['fairly easy', 5], ['rather easy', 5], ['somewhat easy', 5],
  ['neither easy nor difficult', 4], ['neither easy nor hard', 4], ['neutral', 4],
  ['quite difficult', 3], ['fairly difficult', 3], ['rather difficult', 3], ['somewhat difficult', 3], ['a bit difficult', 3],
  ['quite hard', 3], ['fairly hard', 3], ['rather hard', 3], ['somewhat hard', 3], ['a bit hard', 3],
  ['difficult', 2], ['hard', 2],
  ['very difficult', 1], ['very hard', 1], ['extremely difficult', 1], ['extremely hard', 1], ['really difficult', 1], ['really hard', 1],
  // Vietnamese without diacritics (two syllables or more)
  ['rat de dang', 7], ['rat de', 7], ['cuc ky de', 7], ['qua de', 7], ['de dang', 6], ['kha de', 5], ['tuong doi de', 5],
  ['binh thuong', 4], ['kha kho', 3], ['tuong doi kho', 3], ['hoi kho', 3], ['kho khan', 2],
  ['rat kho khan', 1], ['rat kho', 1], ['qua kho', 1], ['cuc ky kho', 1],
  // Czech ("ne-" negates a word by its prefix: nesnadné, neobtížné)
  ['velmi snadn*', 7], ['velmi jednoduch*', 7], ['velmi lehk*', 7], ['nejsnadnej*', 7], ['nejjednodussi*', 7],
  ['snadn*', 6], ['jednoduch*', 6], ['lehk*', 6],
  ['celkem snadn*', 5], ['docela snadn*', 5], ['spise snadn*', 5], ['neobtizn*', 5], ['netezk*', 5], ['neslozit*', 5],
  ['ani snadn* ani obtizn*', 4], ['prumern*', 4],
  ['celkem obtizn*', 3], ['docela obtizn*', 3], ['spise obtizn*', 3], ['docela tezk*', 3], ['nesnadn*', 3], ['nejednoduch*', 3],
  ['obtizn*', 2], ['tezk*', 2], ['slozit*', 2],
  ['velmi obtizn*', 1], ['velmi tezk*', 1], ['velmi slozit*', 1],
];
const written: [string, number][] = [['rất dễ', 7], ['dễ', 6], ['khá dễ', 5], ['hơi khó', 3], ['khá khó', 3], ['khó', 2], ['rất khó', 1]];
const chinese: [string, number][] = [
  ['非常容易', 7], ['非常简单', 7], ['特别容易', 7], ['十分容易', 7], ['超级简单', 7],
  ['很容易', 6], ['很简单', 6], ['容易', 6], ['简单', 6],
  ['比较容易', 5], ['比较简单', 5], ['还算容易', 5], ['一般', 4],
  ['比较难', 3], ['比较困难', 3], ['有点难', 3], ['有点困难', 3],
  ['很难', 2], ['困难', 2], ['难', 2],
  ['非常困难', 1], ['非常难', 1], ['太难', 1], ['特别难', 1], ['十分困难', 1],
];

interface Pattern {
  length: number;
  regex: RegExp;
  on: 'folded' | 'raw';
  score: number;
}
const latin = (phrase: string) => phrase.replaceAll('*', '[a-z]*').replaceAll(' ', '\\s+');
const patterns: Pattern[] = [
  ...folded.map(([phrase, score]): Pattern => ({ length: phrase.length, regex: new RegExp(`(?<![a-z])${latin(phrase)}(?![a-z])`), on: 'folded', score })),
  ...written.map(([phrase, score]): Pattern => ({ length: phrase.length, regex: new RegExp(`(?<!\\p{L})${phrase.replaceAll(' ', '\\s+')}(?!\\p{L})`, 'u'), on: 'raw', score })),
  ...chinese.map(([phrase, score]): Pattern => ({ length: phrase.length, regex: new RegExp(phrase, 'u'), on: 'raw', score })),
].sort((a, b) => b.length - a.length);

// A negation up to two words before the phrase: "not easy", "wasn't that easy", "không dễ",
// "không hề khó", "není snadné", "nebylo to snadné"; Chinese 不容易, 不太难, 没那么容易.
const latinNegation = /(?:(?<![a-z])(?:not|never|khong|chang|cha|chua|ko|neni|nebylo|nebyl|nebyla|nijak)|n't)(?:\s+\S+){0,2}\s+$/;
const chineseNegation = /[不没][是太很那么怎并也]{0,3}$/u;

/**
 * The CES score (1–7) a short answer gives in words ("very easy", "rất dễ", "velmi snadné",
 * "非常容易" → 7; "hard", "khó", "obtížné", "很难" → 2); negated, the other side of the
 * middle ("not easy", "không dễ", "není snadné", "不容易" → 3; "not hard" → 5). Null when it
 * says no such thing, is longer than an answer or asks something ("làm sao để đăng ký?" holds
 * "de dang" once folded).
 */
export function cesScoreOfWords(text: string): number | null {
  const raw = text.normalize('NFC').toLowerCase().trim();
  if (!raw || looksLikeQuestion(raw)) return null;
  const foldedText = foldDiacritics(raw);
  for (const { regex, on, score } of patterns) {
    const source = on === 'folded' ? foldedText : raw;
    const match = regex.exec(source);
    if (!match) continue;
    const before = source.slice(0, match.index);
    const negated = latinNegation.test(foldDiacritics(before)) || chineseNegation.test(before);
    if (!negated) return score;
    return score > 4 ? 3 : score < 4 ? 5 : null;
  }
  return null;
}
