// Each base letter matches its accented forms, so "giao hang" finds "giao hàng" (Vietnamese, Czech).
const accented: Record<string, string> = {
  a: 'aàáảãạăằắẳẵặâầấẩẫậ', e: 'eèéẻẽẹêềếểễệě', i: 'iìíỉĩị', o: 'oòóỏõọôồốổỗộơờớởỡợ', u: 'uùúủũụưừứửữựů', y: 'yỳýỷỹỵ', d: 'dđď',
  c: 'cč', n: 'nň', r: 'rř', s: 'sš', t: 'tť', z: 'zž',
};

/** A case- and accent-insensitive pattern for `text` (regular-expression characters in it are literal). */
export function foldedPattern(text: string): RegExp {
  const folded = text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/đ/g, 'd');
  const source = [...folded].map((char) => (accented[char] ? `[${accented[char]}]` : char.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('');
  return new RegExp(source, 'i');
}
