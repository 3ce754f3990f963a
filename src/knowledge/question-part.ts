// A message this long that tells a story is worth asking about its question sentence alone.
const minWords = 12;
const sentenceEnd = /(?<=[.!?。！？;…])\s*|\n+/u;
const questionMark = /[?？]\s*$/u;

/**
 * The sentence of a long message that asks the question, or null for a short message or
 * one sentence: the last sentence ending in a question mark, else the last sentence.
 * Customers often tell a story first ("I bought boots in May. The sole came off. Can I get
 * them fixed for free?"), whose words drown the question's. Example:
 * `questionPart('Tôi mua giày tháng trước. Đế bị bong. Có sửa miễn phí không?')` → `'Có sửa miễn phí không?'`.
 */
export function questionPart(text: string): string | null {
  const words = text.split(/\s+/).filter(Boolean).length;
  const han = (text.match(/\p{Script=Han}/gu) ?? []).length;
  if (words + han / 2 < minWords) return null;
  const sentences = text
    .split(sentenceEnd)
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence.length >= 4);
  if (sentences.length < 2) return null;
  return sentences.findLast((sentence) => questionMark.test(sentence)) ?? sentences.at(-1)!;
}
