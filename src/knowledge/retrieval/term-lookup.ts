/**
 * Finds known words close to a query word: within one edit (deletion neighbourhoods, as
 * SymSpell does: two words match when deleting at most one character from each makes them
 * equal, which covers one insertion, deletion, substitution or transposition) and words
 * the query word is the start of. Built once per index; lookups are hash probes and one
 * binary search.
 */
export class TermLookup {
  private readonly deletes = new Map<string, string[]>();
  private readonly sorted: string[];

  constructor(
    words: Iterable<string>,
    private readonly minLength = 4,
  ) {
    const list: string[] = [];
    for (const word of words) {
      if (word.length < minLength || word.includes('_')) continue;
      list.push(word);
      for (const variant of deletionsOf(word)) {
        const bucket = this.deletes.get(variant);
        if (bucket) bucket.push(word);
        else this.deletes.set(variant, [word]);
      }
    }
    this.sorted = list.sort();
  }

  /** Known words within one edit of `term`, not `term` itself. */
  near(term: string): string[] {
    if (term.length < this.minLength) return [];
    const found = new Set<string>();
    for (const variant of deletionsOf(term)) for (const word of this.deletes.get(variant) ?? []) if (word !== term) found.add(word);
    return [...found];
  }

  /** Known words that start with `term`, not `term` itself (at most `limit`). */
  completions(term: string, limit = 10): string[] {
    if (term.length < this.minLength) return [];
    let low = 0;
    let high = this.sorted.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.sorted[mid]! < term) low = mid + 1;
      else high = mid;
    }
    const found: string[] = [];
    for (let i = low; i < this.sorted.length && found.length < limit && this.sorted[i]!.startsWith(term); i++) if (this.sorted[i] !== term) found.push(this.sorted[i]!);
    return found;
  }
}

function deletionsOf(word: string): string[] {
  const result: string[] = [word];
  for (let i = 0; i < word.length; i++) result.push(word.slice(0, i) + word.slice(i + 1));
  return result;
}
