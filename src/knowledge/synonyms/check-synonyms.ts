import { AppError } from '../../core/app-error.js';
import { localeSchema, type Locale } from '../../core/locale.js';
import { tokenize } from '../text/tokenize.js';
import { synonymListSchema, type SynonymList } from './synonyms.js';

/** One thing wrong with a synonym list: the field (`groups.2.1`) and what is wrong, for people. */
export interface SynonymIssue {
  path: string;
  message: string;
}

/** A synonym list that cannot be saved; 400 with every issue in `details`. */
export class SynonymError extends AppError {
  constructor(locale: string, issues: SynonymIssue[]) {
    super(400, 'invalid_synonyms', `The ${locale} synonyms were not saved: ${issues.map((issue) => issue.message).join('; ')}`, issues);
  }
}

/**
 * A member as the index compares it: the knowledge base's own terms (case and diacritics
 * folded, the chat abbreviations of the list's language expanded) joined by spaces, so
 * "Hoàn tiền" and "hoan tien" are the same member. Empty for text with no letters or digits.
 */
export function synonymKey(member: string, locale?: Locale): string {
  return tokenize(member, { compact: true, ...(locale ? { locale } : {}) }).join(' ');
}

/**
 * Checks a synonym list as editors and files write it: every group has at least two
 * members, no member is empty (or only punctuation), and no member is in two
 * groups of the language, comparing folded (another language's list may hold the same word,
 * "shop" in vi and en: each list rewrites its own language's texts only). Then the schema. Messages
 * number groups and members from 1, as the editor shows them.
 *
 * Example: `checkSynonymList({ locale: 'en', groups: [['refund', 'money back'], ['Refund', 'repay']] })`
 * → issue `groups.1.0`: `group 2: "Refund" is already in group 1 (…)`.
 */
export function checkSynonymList(input: unknown): { list: SynonymList; issues: [] } | { list?: undefined; issues: SynonymIssue[] } {
  const issues: SynonymIssue[] = [];
  const groups = (input as { groups?: unknown } | null)?.groups;
  const locale = localeSchema.safeParse((input as { locale?: unknown } | null)?.locale).data;
  if (Array.isArray(groups)) issues.push(...memberIssues(groups, locale));
  const parsed = synonymListSchema.safeParse(input);
  if (!parsed.success) {
    const seen = new Set(issues.map((issue) => issue.path));
    for (const issue of parsed.error.issues) {
      const path = issue.path.join('.') || (issue.code === 'unrecognized_keys' ? issue.keys.join(', ') : '(list)');
      // The folded checks already explained short groups and empty members, in words.
      if (!seen.has(path)) issues.push({ path, message: `${path}: ${issue.message}` });
    }
  }
  if (issues.length > 0 || !parsed.success) return { issues };
  return { list: parsed.data, issues: [] };
}

function memberIssues(groups: unknown[], locale: Locale | undefined): SynonymIssue[] {
  const issues: SynonymIssue[] = [];
  const groupOf = new Map<string, number>();
  groups.forEach((group, g) => {
    if (!Array.isArray(group)) return;
    const members = group.filter((member): member is string => typeof member === 'string');
    if (members.length < 2) issues.push({ path: `groups.${g}`, message: `group ${g + 1}${members[0] ? ` ("${members[0]}")` : ''} needs at least two members` });
    group.forEach((member, m) => {
      if (typeof member !== 'string') return;
      const key = synonymKey(member, locale);
      if (!key) {
        issues.push({ path: `groups.${g}.${m}`, message: `group ${g + 1}, member ${m + 1}: ${member.trim() ? `"${member.trim()}" has no letters or digits` : 'is empty'}` });
        return;
      }
      const earlier = groupOf.get(key);
      // The same word twice in one group (e.g. "ship" beside "giao hàng", its expansion) is only redundant.
      if (earlier === undefined) groupOf.set(key, g);
      else if (earlier !== g) issues.push({ path: `groups.${g}.${m}`, message: `group ${g + 1}: "${member.trim()}" is already in group ${earlier + 1} (case and accents do not count); a word belongs to one group only` });
    });
  });
  return issues;
}
