/**
 * A hash map from a pair of non-negative int32s to an int32, open addressing in typed
 * arrays: no allocation per lookup, unlike a Map keyed by a combined number beyond the
 * small-integer range.
 */
export class PairTable {
  private firsts = new Int32Array(1024).fill(-1);
  private seconds = new Int32Array(1024);
  private values = new Int32Array(1024);
  private count = 0;

  get(first: number, second: number): number | undefined {
    const mask = this.firsts.length - 1;
    for (let slot = hash(first, second) & mask; ; slot = (slot + 1) & mask) {
      const stored = this.firsts[slot]!;
      if (stored === -1) return undefined;
      if (stored === first && this.seconds[slot] === second) return this.values[slot];
    }
  }

  set(first: number, second: number, value: number): void {
    if ((this.count + 1) * 2 > this.firsts.length) this.grow();
    const mask = this.firsts.length - 1;
    for (let slot = hash(first, second) & mask; ; slot = (slot + 1) & mask) {
      const stored = this.firsts[slot]!;
      if (stored === -1) {
        this.firsts[slot] = first;
        this.seconds[slot] = second;
        this.values[slot] = value;
        this.count++;
        return;
      }
      if (stored === first && this.seconds[slot] === second) {
        this.values[slot] = value;
        return;
      }
    }
  }

  private grow(): void {
    const { firsts, seconds, values } = this;
    this.firsts = new Int32Array(firsts.length * 2).fill(-1);
    this.seconds = new Int32Array(firsts.length * 2);
    this.values = new Int32Array(firsts.length * 2);
    this.count = 0;
    for (let slot = 0; slot < firsts.length; slot++) if (firsts[slot] !== -1) this.set(firsts[slot]!, seconds[slot]!, values[slot]!);
  }
}

function hash(first: number, second: number): number {
  return (Math.imul(first, 0x9e3779b1) ^ Math.imul(second + 0x7f4a7c15, 0x85ebca77)) >>> 0;
}
