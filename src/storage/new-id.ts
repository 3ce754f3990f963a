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

let lastTime = -1;
let lastRandom: number[] = [];

/** The random part, one more than the last one when the clock has not moved on (ids stay in creation order). */
function nextRandom(time: number): number[] {
  if (time === lastTime) {
    const next = [...lastRandom];
    let i = next.length - 1;
    while (i >= 0 && next[i] === 31) next[i--] = 0;
    if (i >= 0) {
      next[i]!++;
      return next;
    }
  }
  return [...randomChars(12)].map((char) => alphabet.indexOf(char));
}

/**
 * A new document id: a prefix, 10 characters of time (sortable by creation) and 12 random
 * characters, e.g. `tkt_01jd3x9c8q4n2m7k5p0r3s`. Ids made by one process in the same
 * millisecond (or while the clock steps back) follow each other in creation order.
 */
export function newId(prefix: string): string {
  const now = Math.max(Date.now(), lastTime);
  lastRandom = nextRandom(now);
  lastTime = now;
  let time = now;
  let head = '';
  for (let i = 0; i < 10; i++) {
    head = alphabet[time % 32] + head;
    time = Math.floor(time / 32);
  }
  return `${prefix}_${head}${lastRandom.map((digit) => alphabet[digit]).join('')}`;
}
