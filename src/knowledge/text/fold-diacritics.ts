/**
 * Removes diacritics the way customers drop them when typing fast: "Bảo hành bao lâu?" →
 * "Bao hanh bao lau?", "záruka" → "zaruka", and Vietnamese "đ" → "d" (a letter of its own,
 * not a mark, so Unicode decomposition alone keeps it).
 */
export function foldDiacritics(text: string): string {
  return text.normalize('NFD').replace(/\p{M}+/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').normalize('NFC');
}
