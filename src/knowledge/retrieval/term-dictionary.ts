import type { Locale } from '../../core/locale.js';
import type { LanguageSynonyms } from '../synonyms/language-synonyms.js';
import { tokenParts } from '../text/tokenize.js';
import { PairTable } from './pair-table.js';

/**
 * Interned index terms: every word, Chinese term and word pair gets an integer id. Word
 * pairs (`bao_hanh`) are keyed by their two word ids, so building the index never makes or
 * hashes the pair strings (PairTable) (a 10,000-article knowledge base has over a million of them).
 */
export class TermDictionary {
  private readonly ids = new Map<string, number>();
  private readonly pairIds = new PairTable();
  private readonly texts: (string | null)[] = [];
  /** For a pair term, its first and second word ids; -1 for other terms. */
  private readonly firsts: number[] = [];
  private readonly seconds: number[] = [];
  private seenIn: number[] = [];
  /** Per term, a bit for each language whose texts use it as a word. */
  private readonly localeMasks: number[] = [];
  private stamp = 0;

  /** `synonyms` rewrites editors' synonyms in every text interned, each language's in its own texts. */
  constructor(private readonly synonyms: LanguageSynonyms | null = null) {}

  get size(): number {
    return this.texts.length;
  }

  /** The id of a term as `tokenize` writes it (pairs as `first_second`), if known. */
  id(term: string): number | undefined {
    const cut = term.indexOf('_');
    if (cut < 0) return this.ids.get(term);
    const first = this.ids.get(term.slice(0, cut));
    const second = this.ids.get(term.slice(cut + 1));
    return first === undefined || second === undefined ? undefined : this.pairIds.get(first, second);
  }

  text(id: number): string {
    return this.texts[id] ?? (this.texts[id] = `${this.text(this.firsts[id]!)}_${this.text(this.seconds[id]!)}`);
  }

  /** The first word of a pair term, or -1 when the term is not a pair. */
  firstOf(id: number): number {
    return this.firsts[id]!;
  }

  /**
   * The distinct term ids of a text in `locale` (as `tokenize(text, { compact, locale })` would
   * give them, with that language's synonyms), interning new ones; marks its words and Chinese
   * terms as used in the language of `localeBit`.
   */
  internText(text: string, compact: boolean, locale: Locale, localeBit: number): number[] {
    const { words, others } = tokenParts(text, { compact, locale, synonyms: this.synonyms?.of(locale) ?? null });
    const stamp = ++this.stamp;
    const result: number[] = [];
    const wordIds: number[] = [];
    const keep = (id: number) => {
      if (this.seenIn[id] === stamp) return false;
      this.seenIn[id] = stamp;
      result.push(id);
      return true;
    };
    for (const word of words) {
      const id = this.intern(word, -1, -1);
      wordIds.push(id);
      if (keep(id)) this.localeMasks[id]! |= localeBit;
    }
    if (!compact) {
      for (let i = 1; i < wordIds.length; i++) {
        let id = this.pairIds.get(wordIds[i - 1]!, wordIds[i]!);
        if (id === undefined) {
          id = this.add(null, wordIds[i - 1]!, wordIds[i]!);
          this.pairIds.set(wordIds[i - 1]!, wordIds[i]!, id);
        }
        keep(id);
      }
    }
    for (const term of others) {
      const id = this.intern(term, -1, -1);
      if (keep(id)) this.localeMasks[id]! |= localeBit;
    }
    return result;
  }

  /** The language bits (as passed to `internText`) of the texts that use `word`; 0 when none. */
  localesOf(word: string): number {
    const id = this.ids.get(word);
    return id === undefined ? 0 : this.localeMasks[id]!;
  }

  /** Frees what only building needed. */
  doneBuilding(): void {
    this.seenIn = [];
  }

  private intern(term: string, first: number, second: number): number {
    let id = this.ids.get(term);
    if (id === undefined) {
      id = this.add(term, first, second);
      this.ids.set(term, id);
    }
    return id;
  }

  private add(text: string | null, first: number, second: number): number {
    this.firsts.push(first);
    this.seconds.push(second);
    this.seenIn.push(0);
    this.localeMasks.push(0);
    return this.texts.push(text) - 1;
  }
}
