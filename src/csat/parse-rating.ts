import { foldDiacritics } from '../knowledge/text/fold-diacritics.js';
import { maxAnswerWords } from '../surveys/looks-like-question.js';

// Where it was born; every survey kind uses it now.
export { looksLikeQuestion } from '../surveys/looks-like-question.js';

type Score = 1 | 2 | 3 | 4 | 5;

// Rating words per language, written without diacritics (text is folded before matching);
// a trailing `*` accepts any ending (Czech "spokojen*" covers spokojený/spokojená/spokojen).
const phrases: [string, Score][] = [
  // Vietnamese
  ['rat khong hai long', 1], ['rat te', 1], ['qua te', 1], ['te qua', 1], ['rat kem', 1], ['that vong', 1], ['te hai', 1],
  ['khong hai long', 2], ['chua hai long', 2], ['khong tot', 2], ['te', 2], ['kem', 2],
  ['binh thuong', 3], ['tam duoc', 3], ['tam on', 3], ['cung duoc', 3],
  ['rat hai long', 5], ['rat tot', 5], ['tuyet voi', 5], ['xuat sac', 5], ['qua tot', 5],
  ['khong on', 2], ['hai long', 4], ['tot', 4], ['on', 4],
  // English
  ['very bad', 1], ['very poor', 1], ['terrible', 1], ['awful', 1], ['horrible', 1], ['worst', 1], ['useless', 1], ['very unsatisfied', 1], ['very dissatisfied', 1],
  ['not good', 2], ['not satisfied', 2], ['unsatisfied', 2], ['dissatisfied', 2], ['bad', 2], ['poor', 2],
  ['not bad', 4], ['okay', 3], ['ok', 3], ['average', 3], ['so so', 3], ['meh', 3], ['neutral', 3], ['fair', 3],
  ['very good', 5], ['very satisfied', 5], ['excellent', 5], ['great', 5], ['amazing', 5], ['perfect', 5], ['awesome', 5], ['fantastic', 5],
  ['satisfied', 4], ['good', 4], ['nice', 4], ['helpful', 4],
  // Czech
  ['velmi nespokojen*', 1], ['velmi spatn*', 1], ['hrozn*', 1], ['strasn*', 1], ['otresn*', 1], ['katastrof*', 1],
  ['nespokojen*', 2], ['spatn*', 2], ['nic moc', 2],
  ['prumern*', 3], ['ujde', 3], ['normaln*', 3], ['slusn*', 3],
  ['velmi spokojen*', 5], ['vyborn*', 5], ['skvel*', 5], ['perfektn*', 5], ['super', 5], ['vynikajic*', 5],
  ['spokojen*', 4], ['dobr*', 4],
];

// Chinese has no spaces between words: substrings, longest first.
const chinese: [string, Score][] = [
  ['非常不满意', 1], ['很不满意', 1], ['非常差', 1], ['很差', 1], ['太差', 1], ['糟糕', 1], ['极差', 1],
  ['不满意', 2], ['不太好', 2], ['不好', 2],
  ['一般', 3], ['还行', 3], ['还可以', 3], ['马马虎虎', 3],
  ['非常满意', 5], ['十分满意', 5], ['很满意', 5], ['非常好', 5], ['太棒', 5], ['完美', 5],
  ['满意', 4], ['不错', 4], ['很好', 4],
];
const chineseWhole: Record<string, Score> = { 好: 4, 差: 2, 棒: 5 };
const chineseDigits: Record<string, Score> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5 };

const emoji: [RegExp, Score][] = [
  [/😡|😠|🤬|👎/u, 1],
  [/😞|☹|🙁|😟|😢|😭/u, 2],
  [/😐|😶|🤔/u, 3],
  [/😍|🤩|🥰|😀|😃|😄|😁|❤|💯|👏/u, 5],
  [/🙂|😊|👍/u, 4],
];

const phrasePatterns: [RegExp, Score][] = [...phrases]
  .sort(([a], [b]) => b.length - a.length)
  .map(([phrase, score]) => [new RegExp(`(^|[^a-z])${phrase.replace('*', '[a-z]*').replace(' ', '\\s+')}($|[^a-z])`), score]);

const thanks = /(^|[^a-z])(cam on|thank you|thanks|dekuji|dekujeme|diky)(?=$|[^a-z])/g;

const unit = String.raw`(\/\s*5|sao|stars?|diem|bod[a-z]*|hvezd[a-z]*|\*+|⭐+|★+|分|星|颗星)`;
const digitWithUnit = new RegExp(String.raw`(^|\s)([1-5])\s*${unit}`, 'u');
const digitAlone = /^\s*([1-5])\s*[.!)]*\s*$/;
const stars = /^\s*([⭐★]{1,5})\s*$/u;
const chineseStars = /([一二两三四五])\s*(星|颗星|分)/u;

// Long messages are questions or stories, not ratings.
const maxRatingWords = maxAnswerWords;

/**
 * Reads a satisfaction score (1..5) from what the customer wrote or pressed: the button
 * payload `csat:4`, a number ("5", "5 sao", "4/5", "3 stars"), stars ("⭐⭐⭐⭐"), a word
 * in Vietnamese (with or without diacritics), English, Czech or Chinese ("rất hài lòng",
 * "rat te", "very good", "spokojený", "很满意"), or an emoji. Null when it is not a rating.
 */
export function parseRating(text: string, payload?: string): Score | null {
  const pressed = payload?.match(/^csat:([1-5])$/);
  if (pressed) return Number(pressed[1]) as Score;
  const raw = text.normalize('NFC').trim();
  if (!raw || raw.split(/\s+/).length > maxRatingWords) return null;
  const folded = foldDiacritics(raw.toLowerCase());
  const alone = folded.match(digitAlone);
  if (alone) return Number(alone[1]) as Score;
  const withUnit = folded.match(digitWithUnit);
  if (withUnit) return Number(withUnit[2]) as Score;
  const starred = raw.match(stars);
  if (starred) return [...starred[1]!].length as Score;
  const chineseNumber = raw.match(chineseStars);
  if (chineseNumber) return chineseDigits[chineseNumber[1]!]!;
  for (const [phrase, score] of chinese) if (raw.includes(phrase)) return score;
  const whole = chineseWhole[raw.replace(/[。！!.]+$/u, '')];
  if (whole) return whole;
  // "cảm ơn" (thanks) folds to "cam on", which holds "ổn" (fine): thanks are no rating.
  const words = folded.replace(thanks, ' ');
  for (const [pattern, score] of phrasePatterns) if (pattern.test(words)) return score;
  for (const [pattern, score] of emoji) if (pattern.test(raw)) return score;
  return null;
}

/** A rating with a comment after it ("4, the agent was quick but…", "rất hài lòng. Nhân viên nhiệt tình"). */
export interface RatingWithComment {
  score: Score;
  comment?: string;
}

// Where a rating ends and a comment begins: a comma, full stop, colon, semicolon, dash or exclamation.
const commentSeparator = /^(.{1,40}?)\s*[,.;:!–—-]\s+(.+)$/su;

/**
 * Reads a rating and what the customer wrote after it in the same message: the rating comes
 * first, then a separator, then the comment. "2 tuần rồi chưa nhận hàng" has no separator
 * after its number and is no rating. Null when the message holds no rating.
 */
export function parseRatingWithComment(text: string, payload?: string): RatingWithComment | null {
  const whole = parseRating(text, payload);
  const split = payload === undefined ? text.normalize('NFC').trim().match(commentSeparator) : null;
  const head = split ? parseRating(split[1]!) : null;
  const tail = split?.[2]?.trim() ?? '';
  // "5 – Rất hài lòng" (a button's label typed out) is a rating, not a comment.
  if (head !== null && tail && (whole === null || whole === head) && parseRating(tail) !== head) return { score: head, comment: tail };
  return whole === null ? null : { score: whole };
}
