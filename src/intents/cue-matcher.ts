import { tokenParts } from '../knowledge/text/tokenize.js';

/**
 * One clause of a customer message (split at punctuation, so a negation does not reach
 * past a comma) in the three views the complaint and human-request lexicons match on.
 */
export interface Clause {
  /** Latin-script words folded as the knowledge base folds them (`tokenParts`): "ko tệ" → `khong te`. */
  words: string[];
  /** Lower-case words as written, diacritics kept, for entries whose folded form is an everyday word. */
  accented: string[];
  /** The clause as written, lower-case (Chinese entries are matched as substrings). */
  text: string;
}

/** A lexicon entry ready to match. */
export interface Cue {
  /** The entry as written in the lexicon, without `*` (shown in reasons: `insult:lừa đảo`). */
  label: string;
  view: 'words' | 'accented' | 'han';
  /** For `words` and `accented`: the words in order; `prefix` matches any ending (`podvod*`). */
  words: { text: string; prefix: boolean }[];
  /** For `han`: the substring. */
  han: string;
}

/** Where a cue matched: clause index and the span, in words or (for `han`) characters. */
export interface CueHit {
  cue: Cue;
  clause: number;
  start: number;
  end: number;
}

/** Words that negate a cue right after them, and words that may stand between ("not that bad", "ko tệ lắm"). */
export interface Negation {
  negators: ReadonlySet<string>;
  fillers: ReadonlySet<string>;
  /** Chinese negators and fillers, matched as characters and substrings before the cue. */
  hanNegators: readonly string[];
  hanFillers: readonly string[];
}

const clauseBreak = /[.,;:!?…\n\r。，、；：！？()（）[\]"“”«»]+/u;
const hanPattern = /\p{Script=Han}/u;
const accentedWord = /[^\p{L}\p{M}\p{N}]+/u;
const digitsOnly = /^\d+$/;

/** Splits a message into clauses and reads each in the three views. */
export function readClauses(text: string): Clause[] {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .split(clauseBreak)
    .filter((part) => part.trim() !== '')
    .map((part) => ({ words: tokenParts(part).words, accented: part.split(accentedWord).filter(Boolean), text: part }));
}

/**
 * Compiles a lexicon entry. Entries with a Chinese character match as substrings; others are
 * folded with `tokenParts` (so "lừa đảo", "lua dao" and the lexicon's spelling agree, and "ko"
 * means "không"), a trailing `*` on a word matching any ending. `accented` entries keep their
 * diacritics and match only words written with them ("lừa" cheat, never "lựa" choose).
 */
export function compileCue(entry: string, options: { accented?: boolean } = {}): Cue {
  const label = entry.replaceAll('*', '');
  if (hanPattern.test(entry)) return { label, view: 'han', words: [], han: entry.normalize('NFKC').toLowerCase() };
  const words = entry
    .normalize('NFKC')
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .flatMap((piece) => {
      const prefix = piece.endsWith('*');
      const core = piece.replaceAll('*', '');
      const parts = options.accented ? core.split(accentedWord).filter(Boolean) : tokenParts(core).words;
      return parts.map((text, i) => ({ text, prefix: prefix && i === parts.length - 1 }));
    });
  return { label, view: options.accented ? 'accented' : 'words', words, han: '' };
}

/** Compiles a list of entries (see `compileCue`). */
export function compileCues(entries: readonly string[] = [], options: { accented?: boolean } = {}): Cue[] {
  return entries.map((entry) => compileCue(entry, options));
}

/** Whether a Latin-script cue's words start at `at`. */
export function cueAt(words: readonly string[], at: number, cue: Cue): boolean {
  const pattern = cue.words;
  if (pattern.length === 0 || at + pattern.length > words.length) return false;
  return pattern.every((want, i) => {
    const word = words[at + i]!;
    return want.prefix ? word.startsWith(want.text) : word === want.text;
  });
}

// The words of each clause as sets, so a cue whose first word is absent is passed over at once.
const wordSets = new WeakMap<Clause, { words: Set<string>; accented: Set<string> }>();

function cannotOccur(cue: Cue, clause: Clause): boolean {
  const first = cue.words[0];
  if (cue.view === 'han' || !first || first.prefix) return false;
  let sets = wordSets.get(clause);
  if (!sets) {
    sets = { words: new Set(clause.words), accented: new Set(clause.accented) };
    wordSets.set(clause, sets);
  }
  return !(cue.view === 'words' ? sets.words : sets.accented).has(first.text);
}

/** Every place the cue occurs in the clause, as spans. */
export function spansOf(cue: Cue, clause: Clause): [number, number][] {
  const spans: [number, number][] = [];
  if (cannotOccur(cue, clause)) return spans;
  if (cue.view === 'han') {
    const boundedDigits = digitsOnly.test(cue.han);
    for (let at = clause.text.indexOf(cue.han); at >= 0; at = clause.text.indexOf(cue.han, at + 1)) {
      // A number such as 12315 counts only on its own, not inside a phone number.
      if (boundedDigits && (/\d/.test(clause.text[at - 1] ?? '') || /\d/.test(clause.text[at + cue.han.length] ?? ''))) continue;
      spans.push([at, at + cue.han.length]);
    }
    return spans;
  }
  const words = cue.view === 'words' ? clause.words : clause.accented;
  for (let at = 0; at < words.length; at++) if (cueAt(words, at, cue)) spans.push([at, at + cue.words.length]);
  return spans;
}

function latinNegated(before: readonly string[], negation: Negation): boolean {
  let skipped = 0;
  for (let i = before.length - 1; i >= 0 && skipped <= 3; i--) {
    const word = before[i]!;
    if (negation.negators.has(word)) return true;
    if (!negation.fillers.has(word)) return false;
    skipped++;
  }
  return false;
}

// A rhetorical question ends in 吗 or 呢 ("这不是骗人吗"), or opens with 难道.
function isRhetorical(text: string, from: number): boolean {
  return /[吗嘛呢][啊呀]?\s*$/u.test(text) || text.slice(0, from).includes('难道');
}

function hanNegated(text: string, start: number, negation: Negation): boolean {
  let at = start;
  for (let skipped = 0; skipped < 3; skipped++) {
    const filler = negation.hanFillers.find((candidate) => text.slice(0, at).endsWith(candidate));
    if (!filler) break;
    at -= filler.length;
  }
  const negator = negation.hanNegators.find((candidate) => text.slice(0, at).endsWith(candidate));
  if (!negator) return false;
  // "是不是骗子" asks (A-not-A); it does not deny.
  const from = at - negator.length;
  if (negator.length === 1 && from > 0 && text[from - 1] === text[at]) return false;
  // "这不是骗人吗" and "难道不是骗人" are rhetorical: they say it is.
  return !(isRhetorical(text, from) && text.startsWith('不是', from));
}

/** Whether the words right before the span deny it ("không tệ", "not a scam", "不算太慢"). */
export function isNegated(clause: Clause, cue: Cue, start: number, negation: Negation): boolean {
  if (cue.view === 'han') return hanNegated(clause.text, start, negation);
  const before = cue.view === 'words' ? clause.words.slice(0, start) : clause.accented.slice(0, start).flatMap((word) => tokenParts(word).words);
  return latinNegated(before, negation);
}

// Lexicons are compiled once; their cues are sorted once, longest first.
const sortedCues = new WeakMap<readonly Cue[], Cue[]>();
function longestFirstOf(cues: readonly Cue[]): Cue[] {
  let sorted = sortedCues.get(cues);
  if (!sorted) {
    sorted = [...cues].sort((a, b) => (b.words.length || b.han.length) - (a.words.length || a.han.length));
    sortedCues.set(cues, sorted);
  }
  return sorted;
}

const sameSpace = (a: CueHit, b: CueHit) => a.clause === b.clause && a.cue.view === b.cue.view;
const overlaps = (a: CueHit, b: CueHit) => sameSpace(a, b) && a.start < b.end && b.start < a.end;
const contains = (outer: CueHit, inner: CueHit) => sameSpace(outer, inner) && outer.start <= inner.start && inner.end <= outer.end;

/**
 * The cues that occur in the clauses, neither negated nor inside a harmless phrase ("stupid
 * question", "垃圾桶"), each place counted once: a cue inside a longer one is
 * left out ("not happy" is one hit, and "人工" inside a denied "不用转人工" is denied with it), and
 * so is one that overlaps a longer cue of the same `group` ("my money" beside "money back" is
 * one demand).
 */
export function findCues(clauses: readonly Clause[], cues: readonly Cue[], options: { negation?: Negation; harmless?: readonly Cue[]; group?: (cue: Cue) => string } = {}): CueHit[] {
  const group = options.group ?? (() => '');
  const harmless: CueHit[] = [];
  clauses.forEach((clause, index) => {
    for (const cue of options.harmless ?? []) for (const [start, end] of spansOf(cue, clause)) harmless.push({ cue, clause: index, start, end });
  });
  const hits: CueHit[] = [];
  // Denied cues still cover the shorter cues inside them.
  const denied: CueHit[] = [];
  const longestFirst = longestFirstOf(cues);
  clauses.forEach((clause, index) => {
    for (const cue of longestFirst) {
      for (const [start, end] of spansOf(cue, clause)) {
        const hit = { cue, clause: index, start, end };
        if (hits.some((other) => contains(other, hit) || (overlaps(other, hit) && group(other.cue) === group(cue)))) continue;
        if (denied.some((other) => contains(other, hit)) || harmless.some((other) => contains(other, hit))) continue;
        if (options.negation && isNegated(clause, cue, start, options.negation)) {
          denied.push(hit);
          continue;
        }
        hits.push(hit);
      }
    }
  });
  return hits;
}
