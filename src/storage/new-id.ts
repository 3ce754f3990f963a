import { randomBytes } from 'node:crypto';

const alphabet = '0123456789abcdefghjkmnpqrstvwxyz';

/**
 * A new document id: a prefix, 10 characters of time (sortable by creation) and 12 random
 * characters, e.g. `tkt_01jd3x9c8q4n2m7k5p0r3s`.
 */
export function newId(prefix: string): string {
  let time = Date.now();
  let head = '';
  for (let i = 0; i < 10; i++) {
    head = alphabet[time % 32] + head;
    time = Math.floor(time / 32);
  }
  const random = [...randomBytes(12)].map((byte) => alphabet[byte % 32]).join('');
  return `${prefix}_${head}${random}`;
}
