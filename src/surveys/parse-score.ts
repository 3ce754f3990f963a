import { foldDiacritics } from '../knowledge/text/fold-diacritics.js';
import { cesScoreOfWords } from './ces-words.js';
import { isOnScale, scoreOfPayload, type NpsOrCes } from './survey-scale.js';

// Number words 0–10. Vietnamese words that mean something else once their diacritics are
// dropped (năm "year"/nam, sáu/sau "after", bảy/bay "fly", tám/tạm "so-so", tư) count only as
// written; "không" is "no" far more often than "zero", so zero is only the digit there.
const writtenWords: Record<string, number> = {
  một: 1, hai: 2, ba: 3, bốn: 4, tư: 4, năm: 5, sáu: 6, bảy: 7, bẩy: 7, tám: 8, chín: 9, mười: 10,
};
const foldedWords: Record<string, number> = {
  // Vietnamese without diacritics, where unambiguous
  mot: 1, bon: 4, chin: 9, muoi: 10,
  // English
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  // Czech (folded)
  nula: 0, jedna: 1, jeden: 1, jedno: 1, dva: 2, dve: 2, tri: 3, ctyri: 4, pet: 5, sest: 6, sedm: 7, osm: 8, devet: 9, deset: 10,
};
const chineseWords: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

// "tôi cho 9 điểm", "i give it 9", "dávám 9 bodů", "9/10", "chín điểm" (folded text).
const prefix = String.raw`(?:(?:toi|em|minh)\s+)?cho|i(?:\s+would|'d)?\s+(?:give|say|rate)(?:\s+it|\s+you)?|davam|dam`;
const unit = String.raw`\/\s*(?:10|7)|diem|points?|pts|bod[uy]?|bodu`;
const spoken = new RegExp(String.raw`^(?:(?:${prefix})\s+)?(\S+?)\s*(?:${unit})?$`, 'd');
const chinese = /^(?:我给|给)?\s*(\d{1,2}|十|[零〇一二两三四五六七八九])\s*分?$/u;

/** The number a short answer names ("9", "9/10", "chín", "nine", "devět", "九分"), whatever the scale; null otherwise. */
function spokenNumber(text: string): number | null {
  const lower = text.normalize('NFC').toLowerCase().trim().replace(/[\s.!)。！]+$/u, '');
  const zh = lower.match(chinese);
  if (zh) return /^\d+$/.test(zh[1]!) ? Number(zh[1]) : chineseWords[zh[1]!]!;
  // Folding keeps one character per character, so positions in `folded` are positions in `lower`.
  const folded = foldDiacritics(lower);
  const match = spoken.exec(folded);
  if (!match?.indices?.[1]) return null;
  const [start, end] = match.indices[1];
  const token = folded.slice(start, end);
  if (/^\d{1,2}$/.test(token)) return Number(token);
  return writtenWords[lower.slice(start, end)] ?? foldedWords[token] ?? null;
}

/** The score a typed answer names as a number on the kind's scale; null otherwise. */
function numberOnScale(kind: NpsOrCes, text: string): number | null {
  const score = spokenNumber(text);
  return score !== null && isOnScale(kind, score) ? score : null;
}

/**
 * Reads an NPS (0–10) or CES (1–7) score from the pressed button (`nps:9`; another survey's or
 * another button's payload is no score) or the typed answer: digits, "9/10", "9 điểm", number
 * words in Vietnamese, English, Czech or Chinese, and for CES how easy it was in words ("rất
 * dễ" 7, "not easy" 3, see `cesScoreOfWords`). Null when the message is not a score on the
 * kind's scale ("không, cảm ơn" is not one, nor is 11 for NPS).
 */
export function parseScore(kind: NpsOrCes, text: string, payload?: string): number | null {
  if (payload !== undefined) return scoreOfPayload(kind, payload);
  return numberOnScale(kind, text) ?? (kind === 'ces' ? cesScoreOfWords(text) : null);
}

/** A score with what the customer wrote after it in the same message. */
export interface ScoreWithComment {
  score: number;
  comment?: string;
}

// Where the score ends and a comment begins: a separator ("8, fast delivery", "9 – great"),
// or right after "N/10" ("9/10 great service").
const separated = /^(.{1,30}?)\s*(?:[,.;:!–—-]\s+|[，。！；：、]\s*)(.+)$/su;
const outOf = /^(\d{1,2}\s*\/\s*\d{1,2})\s+(.+)$/su;

/**
 * Reads a score and a comment written in one message ("8, fast delivery but rude courier",
 * "9/10 great service", "chín điểm. Giao hàng nhanh"): the score first, then the comment.
 * Null when the message holds no score.
 */
export function parseScoreWithComment(kind: NpsOrCes, text: string, payload?: string): ScoreWithComment | null {
  if (payload !== undefined) {
    const pressed = scoreOfPayload(kind, payload);
    return pressed === null ? null : { score: pressed };
  }
  const number = numberOnScale(kind, text);
  if (number !== null) return { score: number };
  const trimmed = text.normalize('NFC').trim();
  const split = trimmed.match(outOf) ?? trimmed.match(separated);
  const score = split ? parseScore(kind, split[1]!) : null;
  const comment = split?.[2]?.trim();
  if (score !== null && comment) return { score, comment };
  // Words are looked for in the whole message only once it has no score before a comment ("rất dễ, cảm ơn em").
  const words = parseScore(kind, text);
  return words === null ? null : { score: words };
}

const declines = /^(khong|thoi|ko|no|nope|ne|nechci)?[\s,.!]*(cam on|thank you|thanks|no thanks|dekuji|dekujeme|diky)?[\s.!]*$/;

/** Whether a message turns the survey down ("không, cảm ơn", "no thanks", "ne, děkuji", "不用了"). */
export function isDecline(text: string): boolean {
  const raw = text.normalize('NFC').trim();
  if (/^(不用了?|不了)[，,]?\s*(谢谢)?[。！!]?$/u.test(raw)) return true;
  const folded = foldDiacritics(raw.toLowerCase());
  const match = folded.match(declines);
  // A bare "thanks" is a thank-you, not a refusal; a bare "no" is one.
  return Boolean(match && match[1]);
}
