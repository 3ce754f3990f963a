import type { Locale } from '../../core/locale.js';
import { tokenParts } from '../text/tokenize.js';
import type { SynonymList } from './synonyms.js';

interface WordRule {
  words: readonly string[];
  canonical: readonly string[];
}

const hanPattern = /\p{Script=Han}/u;

/**
 * Editors' synonyms compiled for the tokenizer: every member of a group is rewritten to the
 * group's canonical entry, in articles when they are indexed and in questions when they are
 * asked, so "money back" and "reimburse" meet "refund". Latin-script members are matched as
 * whole folded words (case, diacritics and chat abbreviations as the tokenizer treats them);
 * Chinese members as substrings, before segmentation. Longer members win over shorter ones.
 * Within a group, Latin members stand for its first Latin member and Chinese ones for its
 * first Chinese member. Members are read as text of their list's language (its chat
 * abbreviations). One table is meant for one language's texts: `LanguageSynonyms` keeps one
 * per language, so Vietnamese "shop" (the seller) never becomes English "store".
 */
export class SynonymTable {
  private readonly byFirstWord = new Map<string, WordRule[]>();
  private readonly hanRules: { member: string; canonical: string }[] = [];

  constructor(lists: readonly SynonymList[]) {
    for (const list of lists) for (const group of list.groups) this.addGroup(group, list.locale);
    for (const rules of this.byFirstWord.values()) rules.sort((a, b) => b.words.length - a.words.length);
    this.hanRules.sort((a, b) => b.member.length - a.member.length);
  }

  /** Whether there is nothing to rewrite. */
  get empty(): boolean {
    return this.byFirstWord.size === 0 && this.hanRules.length === 0;
  }

  private addGroup(group: readonly string[], locale: Locale): void {
    const latin = group.filter((member) => !hanPattern.test(member));
    const han = group.filter((member) => hanPattern.test(member)).map((member) => member.normalize('NFKC').toLowerCase().replace(/\s+/g, ''));
    const canonicalWords = latin.length > 0 ? tokenParts(latin[0]!, { locale }).words : [];
    for (const member of latin.slice(1)) {
      const words = tokenParts(member, { locale }).words;
      if (words.length === 0 || words.join(' ') === canonicalWords.join(' ')) continue;
      const rules = this.byFirstWord.get(words[0]!) ?? [];
      if (rules.some((rule) => rule.words.join(' ') === words.join(' '))) continue;
      rules.push({ words, canonical: canonicalWords });
      this.byFirstWord.set(words[0]!, rules);
    }
    for (const member of han.slice(1)) if (member !== han[0] && !this.hanRules.some((rule) => rule.member === member)) this.hanRules.push({ member, canonical: han[0]! });
  }

  /** Lower-cased text with its Chinese members replaced by their canonical entries. */
  rewriteHan(lower: string): string {
    if (this.hanRules.length === 0 || !hanPattern.test(lower)) return lower;
    let text = lower;
    // Longest first, each replaced by a marker so a canonical entry is never rewritten again.
    const found: string[] = [];
    for (const rule of this.hanRules) {
      if (!text.includes(rule.member)) continue;
      text = text.split(rule.member).join(`\u0000${found.push(rule.canonical) - 1}\u0000`);
    }
    return found.length === 0 ? text : text.replace(/\u0000(\d+)\u0000/g, (_, i: string) => found[Number(i)]!);
  }

  /** Folded words with every member found replaced by its group's canonical words. */
  rewriteWords(words: string[]): string[] {
    if (this.byFirstWord.size === 0) return words;
    let out: string[] | null = null;
    for (let i = 0; i < words.length; ) {
      const rule = this.byFirstWord.get(words[i]!)?.find((candidate) => candidate.words.every((word, k) => words[i + k] === word));
      if (!rule) {
        out?.push(words[i]!);
        i++;
        continue;
      }
      out ??= words.slice(0, i);
      out.push(...rule.canonical);
      i += rule.words.length;
    }
    return out ?? words;
  }
}
