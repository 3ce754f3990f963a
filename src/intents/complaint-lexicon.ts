import { complaintWordsCs } from './complaint-words-cs.js';
import { complaintWordsEn } from './complaint-words-en.js';
import { complaintWordsVi } from './complaint-words-vi.js';
import { complaintWordsZh } from './complaint-words-zh.js';

/**
 * What a cue says about the customer's mood, strongest first. The detector weighs them
 * (`complaint-detector.ts`): one insult, threat, angry or strong word, an explicit complaint,
 * a plain "disappointed" or chasing ("I've called 5 times") is enough; a long wait, a
 * repeat ("second time"), something the shop did wrong ("sent the wrong item", "giao sai"),
 * a demand, a weak word ("slow", "chậm") or shouting counts only together with another signal,
 * and two different such signals make a complaint together ("waited 2 weeks" and "still nothing").
 */
export type CueSignal = 'insult' | 'threat' | 'anger' | 'strong' | 'complaint' | 'mild' | 'chase' | 'wait' | 'repeat' | 'failure' | 'unresolved' | 'demand' | 'emotion';

/**
 * One language's complaint vocabulary. Entries are written as customers write them.
 * Latin-script entries are folded the way the knowledge base folds text (no diacritics,
 * Vietnamese chat abbreviations expanded: "ko" = "không", "r" = "rồi"), so each entry also
 * matches the text typed without diacritics; a trailing `*` on a word matches any ending
 * (Czech inflection: "podvod*" → podvodník, podvodu). Entries with Chinese characters match
 * as substrings (Chinese has no spaces).
 */
export interface ComplaintWords {
  cues: Partial<Record<CueSignal, readonly string[]>>;
  /**
   * Entries that match only with their diacritics, because their folded form is an everyday
   * word: "lừa" (cheat) / "lựa" (choose), "ngu" (stupid) / "ngủ" (sleep), "điên" (mad) / "điện" (power).
   */
  accentedCues?: Partial<Record<CueSignal, readonly string[]>>;
  /** Phrases that contain a cue but mean no harm ("stupid question", "垃圾桶" bin, "滚筒" drum). */
  harmless?: readonly string[];
  /**
   * Words that make a message hypothetical ("nếu", "what if", "pokud", "如果"): something the
   * shop did wrong (`failure`) is then a question about the policy, not a complaint by itself.
   */
  conditionals?: readonly string[];
  /** Words that make a weak (`emotion`) word strong right beside it: "opravdu hrozné", "chán lắm", "so slow", "太慢". */
  intensifiers?: readonly string[];
  /**
   * What the shop did or how it serves ("service", "nhân viên", "přístup", "态度"): a weak word
   * (`emotion`) in the same clause judges the shop and is strong ("staff behaved terribly").
   */
  targets?: readonly string[];
  /** Verbs of getting in touch ("write", "nhắn", "píšu", "联系"): a repeat beside one is chasing ("the 4th time I'm contacting you"). */
  contacts?: readonly string[];
  /** "or else" ("không thì", "jinak", "不然"): with a demand, an ultimatum, as strong as a threat. */
  ultimatums?: readonly string[];
  /**
   * Second-person accusations, as regular expressions over a clause's folded words (Chinese:
   * its text): "you never …", "jste mi poslali", "你们又…". One weighs little alone and
   * corroborates any other signal.
   */
  accusations?: readonly string[];
  /**
   * Faults told across a message, as regular expressions over its folded words (Chinese: its
   * text), weighed as `failure`: "đặt size M mà nhận được size L", "买的是M码，收到的是L码".
   */
  faults?: readonly string[];
  /** Words that deny the cue right after them ("không tệ", "not a scam", "není to špatné", "不算太慢")… */
  negators?: readonly string[];
  /** …and the words that may stand between the two ("not that bad", "ko tệ lắm" has "lắm" after, "không hề tệ"). */
  fillers?: readonly string[];
  /**
   * How a wait is told: a count ("3", "ba", "dva", "三"), a unit ("tuần", "days", "týden", "天")
   * and, in the same clause, a waiting verb ("đợi", "waiting", "čekám", "等") or a marker that
   * it is already so ("rồi", "already", "už", "了"); a wait with the verb weighs more ("I've
   * been waiting 3 weeks" complains, "it's been 3 weeks" may only ask). `selfCounting` units
   * need no count ("už týden čekám"). A neutral "how long does delivery take?" has no count
   * and no marker, so it is not a wait.
   */
  wait?: {
    counts: readonly string[];
    units: readonly string[];
    /** Units long enough that waiting for them is a complaint by itself ("đợi 3 tuần", "waiting two weeks"). */
    longUnits?: readonly string[];
    selfCounting?: readonly string[];
    verbs: readonly string[];
    markers: readonly string[];
    /** Verbs and markers matched with their diacritics only ("đợi" wait / "đổi" exchange). A Chinese marker starting with `+` must follow the duration ("三天了", not "一年坏了"). */
    accentedVerbs?: readonly string[];
    accentedMarkers?: readonly string[];
    /** Words that make a counted wait an estimate or still to come ("khoảng 3 tuần", "about", "3 ngày nữa", "大概"): not waited yet. */
    estimates?: readonly string[];
    /** Units too short to complain of unless the count is 10 or more ("đợi 5 phút nhé" asks to wait; "đợi 45 phút" has waited). */
    briefUnits?: readonly string[];
  };
}

/** The complaint vocabularies of the supported languages (vi, en, cs, zh); all apply to every message. */
export const complaintLexicons: readonly ComplaintWords[] = [complaintWordsVi, complaintWordsEn, complaintWordsCs, complaintWordsZh];

