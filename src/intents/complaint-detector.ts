import { tokenParts } from '../knowledge/text/tokenize.js';
import { complaintLexicons, type ComplaintWords, type CueSignal } from './complaint-lexicon.js';
import { compileCues, cueAt, findCues, readClauses, spansOf, type Clause, type Cue, type CueHit, type Negation } from './cue-matcher.js';

/** Whether a message is a complaint, how strongly, and the cues that said so. */
export interface ComplaintSignal {
  complaint: boolean;
  /** The weighed cues; 1 or more is a complaint. */
  score: number;
  /** `signal:cue` for each cue found: `insult:lừa đảo`, `threat:lawyer`, `wait:3 tuần`, `shouting`, `strong:terrible`. */
  reasons: string[];
}

type Signal = CueSignal | 'shouting' | 'accusation';

// What one cue of a signal weighs and the most that signal adds however many of its cues occur.
// One insult, threat, angry or strong word, an explicit complaint, "disappointed", chasing
// ("I've called 5 times") or a fault told as a fact suffices; a short wait, a repeat, a
// demand, something left undone, a weak word or shouting needs a second signal.
const weights: Record<Signal, { each: number; most: number }> = {
  insult: { each: 1, most: 1 },
  threat: { each: 1, most: 1 },
  anger: { each: 1, most: 1 },
  strong: { each: 1, most: 1 },
  complaint: { each: 1, most: 1 },
  mild: { each: 1, most: 1 },
  chase: { each: 1, most: 1 },
  // A wait phrase ("waited too long", "đợi mãi") suffices, and so does waiting weeks ("đợi 3 tuần");
  // a shorter counted wait weighs `waitedFor` ("waiting 3 days"), one without the verb `waitSince` ("3 tuần rồi").
  wait: { each: 1, most: 1 },
  repeat: { each: 0.7, most: 0.7 },
  // Something the shop did wrong, told as a fact ("you sent me the wrong item"), suffices; asked
  // or supposed ("what if the wrong item comes?") it weighs `askedFailure`.
  failure: { each: 1, most: 1 },
  // "Still not here" is a status question until it comes with a feeling, a repeat or a wait for it.
  unresolved: { each: 0.4, most: 0.4 },
  demand: { each: 0.5, most: 1 },
  emotion: { each: 0.6, most: 1 },
  // Upper case over several words weighs `capitals`, "!!!", "??" or "?!" `exclamations`.
  shouting: { each: 0, most: 0.8 },
  // "you never …", "jste mi poslali", "你们又…": an accusation corroborates, it does not complain alone.
  accusation: { each: 0.5, most: 0.5 },
};
// Two different signals tell one complaint between them ("waited 2 weeks" and "still nothing",
// "4th time" and "contacting you", "you promised" and "again"), whatever each weighs alone.
const corroborated = 2;
const hypotheticalAnger = new Set<Signal>(['insult', 'threat', 'anger', 'strong', 'complaint']);
const askedFailure = 0.6;
const waitedFor = 0.7;
const waitSince = 0.55;
const capitals = 0.5;
const exclamations = 0.3;
const threshold = 1;

interface CompiledWait {
  counts: ReadonlySet<string>;
  /** Chinese markers that must follow the duration directly ("三天了"), or precede it ("处理了半个月"). */
  after: readonly string[];
  before: readonly string[];
  units: Cue[];
  long: ReadonlySet<string>;
  selfCounting: Cue[];
  verbs: Cue[];
  markers: Cue[];
  estimates: Cue[];
  brief: ReadonlySet<string>;
  han?: RegExp;
}

interface CompiledLexicon {
  cues: Cue[];
  signals: Map<Cue, CueSignal>;
  harmless: Cue[];
  negation: Negation;
  intensifiers: { words: ReadonlySet<string>; han: readonly string[] };
  conditionals: Cue[];
  targets: Cue[];
  contacts: Cue[];
  ultimatums: Cue[];
  accusations: RegExp[];
  faults: RegExp[];
  wait?: CompiledWait;
}

const hanPattern = /\p{Script=Han}/u;
const latin = (entries: readonly string[] = []) => entries.filter((entry) => !hanPattern.test(entry)).map((entry) => tokenParts(entry).words);
const folded = (entries?: readonly string[]) => new Set(latin(entries).flat());
// "dont" folds to "do not": the negating word is the last one.
const foldedNegators = (entries?: readonly string[]) => new Set(latin(entries).flatMap((words) => words.slice(-1)));
// The chat shorthand folds "asap" to "now", so these are read as written: "NOW" in capitals, "asap".
const writtenDemand = /(?<!\p{L})(NOW|[Aa][Ss][Aa][Pp])(?!\p{L})/u;
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function compileWait(wait: NonNullable<ComplaintWords['wait']>): CompiledWait {
  const isHan = wait.units.some((unit) => hanPattern.test(unit));
  const verbs = [...compileCues(wait.verbs), ...compileCues(wait.accentedVerbs, { accented: true })];
  const placed = (sign: string) => wait.markers.filter((marker) => marker.startsWith(sign)).map((marker) => marker.slice(1));
  const markers = [...compileCues(wait.markers.filter((marker) => !/^[+-]/.test(marker))), ...compileCues(wait.accentedMarkers, { accented: true })];
  const shared = { after: placed('+'), before: placed('-'), verbs, markers, estimates: compileCues(wait.estimates), brief: new Set((wait.briefUnits ?? []).map((unit) => unit.replaceAll('*', ''))) };
  if (isHan) {
    const counts = wait.counts.map(escape).join('');
    const units = wait.units.map(escape).join('|');
    return { ...shared, counts: new Set(), units: [], long: new Set(wait.longUnits), selfCounting: [], han: new RegExp(`[${counts}]+[个整]?多?[个整]?(?:${units})`, 'u') };
  }
  const long = new Set((wait.longUnits ?? []).map((unit) => unit.replaceAll('*', '')));
  return { ...shared, counts: folded(wait.counts), units: compileCues(wait.units), long, selfCounting: compileCues(wait.selfCounting) };
}

function compile(words: ComplaintWords): CompiledLexicon {
  const signals = new Map<Cue, CueSignal>();
  const add = (entries: Partial<Record<CueSignal, readonly string[]>> | undefined, accented: boolean) => {
    for (const [signal, list] of Object.entries(entries ?? {}) as [CueSignal, string[]][]) for (const cue of compileCues(list, { accented })) signals.set(cue, signal);
  };
  add(words.cues, false);
  add(words.accentedCues, true);
  const harmless = [...compileCues(words.harmless), ...compileCues(words.harmless?.filter((entry) => !hanPattern.test(entry)), { accented: true })];
  const negation: Negation = {
    negators: foldedNegators(words.negators),
    fillers: folded(words.fillers),
    hanNegators: (words.negators ?? []).filter((entry) => hanPattern.test(entry)),
    hanFillers: (words.fillers ?? []).filter((entry) => hanPattern.test(entry)).sort((a, b) => b.length - a.length),
  };
  const intensifiers = { words: folded(words.intensifiers), han: (words.intensifiers ?? []).filter((entry) => hanPattern.test(entry)) };
  const structure = {
    conditionals: compileCues(words.conditionals),
    targets: compileCues(words.targets),
    contacts: compileCues(words.contacts),
    ultimatums: compileCues(words.ultimatums),
    accusations: (words.accusations ?? []).map((source) => new RegExp(source, 'u')),
    faults: (words.faults ?? []).map((source) => new RegExp(source, 'u')),
  };
  return { cues: [...signals.keys()], signals, harmless, negation, intensifiers, ...structure, ...(words.wait ? { wait: compileWait(words.wait) } : {}) };
}

const lexicons = complaintLexicons.map(compile);

interface Duration {
  duration: string;
  /** Weeks and more. */
  long: boolean;
  /** Minutes counted below 10, or in words: maybe only asked for ("đợi 5 phút nhé"). */
  brief: boolean;
}

const fewOf = (count: string) => !/^\d+$/.test(count) || Number(count) < 10;

/** How long, in the clause's words: a count and a unit ("3 tuần", "三天") or a unit that counts itself ("týden"). */
function durationIn(clause: Clause, wait: CompiledWait): Duration | null {
  if (wait.han) {
    const found = wait.han.exec(clause.text);
    if (!found) return null;
    const ends = (units: Iterable<string>) => [...units].some((unit) => found[0].endsWith(unit));
    return { duration: found[0], long: ends(wait.long), brief: ends(wait.brief) && fewOf(found[0].match(/\d+/)?.[0] ?? '') };
  }
  const { words } = clause;
  for (let i = 0; i < words.length - 1; i++) {
    if (!/^\d+$/.test(words[i]!) && !wait.counts.has(words[i]!)) continue;
    const unit = wait.units.find((candidate) => cueAt(words, i + 1, candidate));
    if (unit) return { duration: `${words[i]} ${unit.label}`, long: wait.long.has(unit.label), brief: wait.brief.has(unit.label) && fewOf(words[i]!) };
  }
  const unit = wait.selfCounting.find((candidate) => spansOf(candidate, clause).length > 0);
  return unit ? { duration: unit.label, long: wait.long.has(unit.label), brief: false } : null;
}

/**
 * A wait told with a duration and a waiting verb or marker in the clause ("đợi 3 tuần", "už
 * týden čekám", "等了三天"), and its weight: waited (the verb, and a marker or no question)
 * complains by itself unless brief; an estimate or a wait still to come ("khoảng 3 tuần",
 * "3 ngày nữa", "大概三天") is no wait.
 */
function countedWaitIn(clause: Clause, wait: CompiledWait, questioned: boolean): { duration: string; weight: number } | null {
  const said = (cues: Cue[]) => cues.some((cue) => spansOf(cue, clause).length > 0);
  const found = durationIn(clause, wait);
  if (!found || said(wait.estimates)) return null;
  const waiting = said(wait.verbs);
  const placed = wait.after.some((marker) => clause.text.includes(found.duration + marker)) || wait.before.some((marker) => clause.text.includes(marker + found.duration));
  const marked = placed || said(wait.markers);
  if (!waiting && !marked) return null;
  const waited = waiting && !found.brief && (marked || !questioned);
  return { duration: found.duration, weight: !waiting ? waitSince : found.long || waited ? weights.wait.each : waitedFor };
}

const anyIn = (clauses: readonly Clause[], cues: Cue[]) => findCues(clauses, cues)[0];

/** The first of the patterns found in the message: its folded words for Latin patterns, its text for Chinese ones. */
function patternIn(clauses: readonly Clause[], patterns: readonly RegExp[]): string | null {
  const words = clauses.map((clause) => clause.words.join(' ')).join(' ');
  const text = clauses.map((clause) => clause.text).join('，');
  for (const pattern of patterns) {
    const found = pattern.exec(hanPattern.test(pattern.source) ? text : words);
    if (found) return found[0];
  }
  return null;
}

/** Whether an intensifier stands right beside the hit ("opravdu hrozné", "chán lắm", "太慢"). */
function intensified(hit: CueHit, clause: Clause, intensifiers: CompiledLexicon['intensifiers']): boolean {
  if (hit.cue.view === 'han') {
    const before = clause.text.slice(0, hit.start);
    const after = clause.text.slice(hit.end);
    return intensifiers.han.some((word) => before.endsWith(word) || after.startsWith(word));
  }
  const words = hit.cue.view === 'words' ? clause.words : clause.accented;
  const fold = (word: string | undefined) => (word === undefined ? [] : hit.cue.view === 'words' ? [word] : tokenParts(word).words);
  return [...fold(words[hit.start - 1]), ...fold(words[hit.end])].some((word) => intensifiers.words.has(word));
}

/** Drops an accented hit already told by a folded one ("lừa" inside "lừa đảo"). */
function withoutEchoes(hits: CueHit[]): CueHit[] {
  const folded = hits.filter((hit) => hit.cue.view === 'words');
  return hits.filter((hit) => hit.cue.view !== 'accented' || !folded.some((other) => other.clause === hit.clause && other.cue.label.split(' ').includes(hit.cue.label)));
}

// An annoyed face, or a word in scare quotes ('服务真是"好"啊', 'such "great" service'): a feeling, told without words.
const annoyedFaces = /[😒🙄😡😠🤬😤💢👎😑😾]/u;
// One word or a few characters in quotes: a quoted label ("in transit", "COD on delivery") is no feeling.
const scareQuotes = /["“„「『](?:\p{L}+|\p{Script=Han}{1,3})["”“」』]/u;

function unspoken(text: string): string | null {
  return annoyedFaces.exec(text)?.[0] ?? (scareQuotes.test(text) ? 'quoted' : null);
}

function shouting(text: string): { reason: string; weight: number }[] {
  const found: { reason: string; weight: number }[] = [];
  const words = (text.match(/\p{L}{2,}/gu) ?? []).filter((word) => /[\p{Lu}\p{Ll}]/u.test(word));
  const upper = words.join('').match(/\p{Lu}/gu)?.length ?? 0;
  const lower = words.join('').match(/\p{Ll}/gu)?.length ?? 0;
  if (words.length >= 3 && upper + lower >= 10 && upper / (upper + lower) >= 0.8) found.push({ reason: 'shouting', weight: capitals });
  // "!!!", a question asked twice ("??") or with an exclamation ("?!", "!?").
  if ((text.match(/[!?！？]{2,}/gu) ?? []).some((run) => /[!！]{3}/u.test(run) || /[?？]{2}/u.test(run) || (/[!！]/u.test(run) && /[?？]/u.test(run)))) found.push({ reason: 'shouting:!!!', weight: exclamations });
  return found;
}

/**
 * Reads a customer message for a complaint, in Vietnamese (with or without diacritics, chat
 * spelling), English, Czech and Chinese, by rules and the lexicons in `complaint-words-*.ts`:
 * insults, anger, threats (lawyer, consumer protection, bad reviews), long waits, repeated
 * contact, faults, demands and shouting, weighed together (`weights`). Negated cues do not count ("không tệ",
 * "not a scam right?", "není to špatné", "不算太慢"); a question about how to complain does,
 * because the shop wants a person to take complaints.
 *
 * Example: `detectComplaint('đợi hoàn tiền 3 tuần rồi, các người định lừa à')` →
 * `{ complaint: true, score: 2.6, reasons: ['insult:định lừa', 'emotion:các người', 'wait:3 tuần'] }`.
 */
export function detectComplaint(text: string): ComplaintSignal {
  const clauses = readClauses(text);
  const totals = new Map<Signal, number>();
  const reasons: string[] = [];
  const add = (signal: Signal, weight: number, reason: string) => {
    if (reasons.includes(reason)) return;
    reasons.push(reason);
    totals.set(signal, (totals.get(signal) ?? 0) + weight);
  };
  let waited = false;
  const questioned = /[?？]/.test(text);
  const conditional = lexicons.some((lexicon) => findCues(clauses, lexicon.conditionals).length > 0);
  const asked = questioned || conditional;
  for (const lexicon of lexicons) {
    const hits = withoutEchoes(findCues(clauses, lexicon.cues, { negation: lexicon.negation, harmless: lexicon.harmless, group: (cue) => lexicon.signals.get(cue)! }));
    for (const hit of hits) {
      const cued = lexicon.signals.get(hit.cue)!;
      const clause = clauses[hit.clause]!;
      // A weak word with an intensifier beside it, or said of the shop's service or staff, is a strong one.
      const word = hit.cue.view === 'han' ? hit.cue.han.length <= 2 : hit.cue.words.length === 1;
      const judges = word && !asked && findCues([clause], lexicon.targets).length > 0;
      const signal = cued === 'emotion' && (intensified(hit, clause, lexicon.intensifiers) || judges) ? 'strong' : cued;
      add(signal, signal === 'failure' && asked ? askedFailure : weights[signal].each, `${signal}:${hit.cue.label}`);
    }
    const accused = patternIn(clauses, lexicon.accusations);
    // Said of the staff or the service ("the shop assistant didn't even look up", "店员头都不抬一下"), an accusation judges the shop.
    const judged = accused && !asked && findCues(clauses, lexicon.targets).length > 0;
    if (accused) add(judged ? 'strong' : 'accusation', judged ? weights.strong.each : weights.accusation.each, `${judged ? 'strong' : 'accusation'}:${accused}`);
    const fault = patternIn(clauses, lexicon.faults);
    if (fault) add('failure', asked ? askedFailure : weights.failure.each, `failure:${fault}`);
    for (const clause of lexicon.wait && !waited ? clauses : []) {
      const counted = countedWaitIn(clause, lexicon.wait!, questioned);
      if (!counted) continue;
      add('wait', counted.weight, `wait:${counted.duration}`);
      // One counted wait is one fact, however it is repeated.
      waited = true;
      break;
    }
  }
  // A repeat beside a verb of getting in touch is chasing; a demand with "or else", an ultimatum.
  for (const lexicon of lexicons) {
    const contact = totals.has('repeat') ? anyIn(clauses, lexicon.contacts) : undefined;
    if (contact) add('chase', weights.chase.each, `chase:${contact.cue.label}`);
    const ultimatum = totals.has('demand') ? anyIn(clauses, lexicon.ultimatums) : undefined;
    if (ultimatum) add('threat', weights.threat.each, `threat:${ultimatum.cue.label}`);
  }
  for (const { reason, weight } of shouting(text.normalize('NFKC'))) add('shouting', weight, reason);
  const demand = writtenDemand.exec(text)?.[1];
  if (demand) add('demand', weights.demand.each, `demand:${demand}`);
  const feeling = unspoken(text);
  if (feeling) add('emotion', weights.emotion.each, `emotion:${feeling}`);
  let score = 0;
  // A hypothetical ("if the parcel is late, do I get compensation?", "if I'm not happy, can I return
  // it?") counts only anger that is there whatever happens: insults, threats, strong words, complaining.
  for (const [signal, total] of totals) if (!conditional || hypotheticalAnger.has(signal)) score += Math.min(total, weights[signal].most);
  // Punctuation alone ("??") corroborates nothing.
  const told = [...totals].filter(([signal, total]) => signal !== 'shouting' || total > exclamations);
  if (!conditional && told.length >= corroborated) score = Math.max(score, threshold);
  score = Math.round(score * 100) / 100;
  return { complaint: score >= threshold, score, reasons };
}
