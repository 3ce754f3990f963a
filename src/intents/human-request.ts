import { tokenParts } from '../knowledge/text/tokenize.js';
import { compileCues, findCues, readClauses, spansOf, type Clause, type Cue, type CueHit, type Negation } from './cue-matcher.js';
import { humanRequestPhrases as source } from './human-request-phrases.js';

/** Whether the customer asked to talk to a person now, and in which words. */
export interface HumanRequest {
  requested: boolean;
  /** The words that asked (the lexicon's phrase, or the customer's folded words for "talk to … person"). */
  phrase?: string;
}

const hanPattern = /\p{Script=Han}/u;
const latin = (entries: readonly string[]) => entries.filter((entry) => !hanPattern.test(entry)).map((entry) => tokenParts(entry).words);
const han = (entries: readonly string[]) => entries.filter((entry) => hanPattern.test(entry));

const phrases = compileCues(source.phrases);
const pairs = source.pairs.map((pair) => ({ asks: compileCues(pair.asks), people: compileCues(pair.people), within: pair.within, after: pair.order !== 'before', before: pair.order === 'before' || pair.order === 'either' }));
const harmless = [...compileCues(source.harmless), ...compileCues(source.harmless.filter((entry) => !hanPattern.test(entry)), { accented: true })];
const negation: Negation = {
  // "dont" folds to "do not": the negating word is the last one.
  negators: new Set(latin(source.negators).flatMap((words) => words.slice(-1))),
  fillers: new Set(latin(source.fillers).flat()),
  hanNegators: han(source.negators),
  hanFillers: han(source.fillers),
};
const alone = new Set([...latin(source.alone).map((words) => words.join(' ')), ...han(source.alone)]);
const courtesyWords = new Set(latin(source.courtesy).flat());
const courtesyHan = han(source.courtesy).sort((a, b) => b.length - a.length);

/** Whether a span lies inside a harmless phrase of the clause ("zavolá mi kurýr", "客服电话"). */
function isHarmless(clause: Clause, view: Cue['view'], [start, end]: [number, number]): boolean {
  return harmless.some((cue) => cue.view === view && spansOf(cue, clause).some(([from, to]) => from <= start && end <= to));
}

/**
 * "talk to … a real person", "call me back", "经理在吗": an ask and a person within a few words
 * (characters for Chinese), after the ask or, as the pair says, before it; the ask
 * neither denied nor harmless, the person not part of a harmless phrase.
 */
function pairIn(clauses: readonly Clause[]): string | null {
  for (const pair of pairs) {
    for (const ask of findCues(clauses, pair.asks, { negation, harmless })) {
      const clause = clauses[ask.clause]!;
      const near = ([start, end]: [number, number]) => (pair.after && start >= ask.end && start <= ask.end + pair.within) || (pair.before && end <= ask.start && end >= ask.start - pair.within);
      const person = pair.people.flatMap((cue) => spansOf(cue, clause).filter((span) => near(span) && !isHarmless(clause, cue.view, span)))[0];
      if (!person) continue;
      const [from, to] = [Math.min(ask.start, person[0]), Math.max(ask.end, person[1])];
      return ask.cue.view === 'han' ? clause.text.slice(from, to) : clause.words.slice(from, to).join(' ');
    }
  }
  return null;
}

/** The message is a request word and courtesy only ("human please", "nhân viên ơi", "人工").  */
function aloneIn(clauses: readonly Clause[]): string | null {
  const words = clauses.flatMap((clause) => clause.words).filter((word) => !courtesyWords.has(word));
  let rest = clauses.map((clause) => clause.text.replace(/[\p{Script=Latin}\p{N}\p{M}\s'’-]+/gu, '')).join('');
  for (const word of courtesyHan) rest = rest.replaceAll(word, '');
  const said = words.length > 0 && rest === '' ? words.join(' ') : words.length === 0 ? rest : '';
  return said !== '' && alone.has(said) ? said : null;
}

const firstHit = (hits: CueHit[]) => hits.sort((a, b) => a.clause - b.clause || a.start - b.start)[0];

/**
 * Recognises an explicit wish to talk to a person now, in Vietnamese, English, Czech and
 * Chinese, from the phrases in `human-request-phrases.ts`: "can I talk to a real person",
 * "cho em gặp nv", "spojte mě s operátorem", "转人工". Questions about contact details or staff
 * ("what is your hotline number?", "do your staff install the TV?") are not requests, and a
 * denied one ("không cần gặp nhân viên", "不用转人工") is not either.
 */
export function detectHumanRequest(text: string): HumanRequest {
  const clauses = readClauses(text);
  const hit = firstHit(findCues(clauses, phrases, { negation, harmless }));
  if (hit) return { requested: true, phrase: hit.cue.label };
  const phrase = pairIn(clauses) ?? aloneIn(clauses);
  return phrase ? { requested: true, phrase } : { requested: false };
}
