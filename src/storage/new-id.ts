import { randomFillSync } from 'node:crypto';

const alphabet = '0123456789abcdefghjkmnpqrstvwxyz';

// Random bytes fetched 4 KiB at a time: one call into the CSPRNG per ~340 ids, not per id.
const pool = Buffer.alloc(4096);
let used = pool.length;

function randomChars(count: number): string {
  if (used + count > pool.length) {
    randomFillSync(pool);
    used = 0;
  }
  let chars = '';
  for (let i = 0; i < count; i++) chars += alphabet[pool[used + i]! % 32];
  used += count;
  return chars;
}

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
  return `${prefix}_${head}${randomChars(12)}`;
}
