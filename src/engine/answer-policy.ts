import type { Config, Locale } from '../config/config-schema.js';
import type { IntentMatch, IntentMatcher } from '../intents/intent-matcher.js';
import type { IntentName } from '../intents/intent.js';
import { detectComplaint, type ComplaintSignal } from '../intents/complaint-detector.js';
import { detectHumanRequest, type HumanRequest } from '../intents/human-request.js';
import type { ArticleCandidate, KnowledgeBase } from '../knowledge/knowledge-base.js';
import { detectLanguage, type DetectedLanguage } from '../knowledge/language/detect-language.js';
import { readingLanguages } from '../knowledge/language/reading-languages.js';

/** Button payloads the engine puts on its own buttons and understands when pressed. */
export const payloads = {
  article: (slug: string) => `article:${slug}`,
  feedback: (helpful: boolean, slug: string) => `feedback:${helpful ? 'yes' : 'no'}:${slug}`,
  handoff: 'handoff',
  /** A platform's "start" (Telegram `/start`): greet like a typed hello. */
  greeting: 'greeting',
  /** A platform's help command (Telegram `/help`): say how to use the bot. */
  help: 'help',
};

export type SmallTalkIntent = Exclude<IntentName, 'human' | 'complaint'>;

/** What the bot should do with one customer message. */
export type Action =
  | { kind: 'smalltalk'; intent: SmallTalkIntent }
  | { kind: 'handoff'; reason: 'customer_request' | 'complaint' }
  | { kind: 'answer'; slug: string; confidence: number; chosen: boolean }
  | { kind: 'clarify'; candidates: ArticleCandidate[]; weak: boolean }
  | { kind: 'feedback'; helpful: boolean; slug: string }
  | { kind: 'help' }
  | { kind: 'miss' };

/** What the optional model provider (OpenAI) did for a decision. */
export interface ModelAssist {
  /** `hybrid` when embedding similarity was blended into the candidates' confidences. */
  ranking: 'hybrid' | 'offline';
  /**
   * `worded`: the answer text comes from the chat model; `refused`: the model found no
   * answer in the matched articles (the action became a miss); `rejected`: its reply failed
   * the checks; `offline`: not asked or failed, the article's own answer is used.
   */
  wording: 'worded' | 'refused' | 'rejected' | 'offline';
  /** Why a provider call failed or a reply was rejected, e.g. `embeddings: HTTP 500`. */
  notes: string[];
}

/** The decision with its reasons, for the engine and for editors' "try it". */
export interface Decision {
  action: Action;
  language: DetectedLanguage;
  candidates: ArticleCandidate[];
  intent: IntentMatch | null;
  /** Present when OpenAI is configured and was consulted. */
  model?: ModelAssist;
  /** The model's wording of the answer, grounded in (and citing) the answered article, and which model wrote it. */
  wording?: { slug: string; text: string; model: string };
  /**
   * Why the message was handed off before any article was considered: the customer asked for
   * a person (`human:转人工`) or complained (`insult:lừa đảo`, `wait:3 tuần`, …).
   */
  escalation?: HandoffCause;
}

/** A hand-off the complaint and human-request detectors asked for, with their reasons. */
export interface HandoffCause {
  kind: 'human' | 'complaint';
  reasons: string[];
}

/** Anything that decides for the engine: the offline `AnswerPolicy` or a model-aware one. */
export interface DecisionMaker {
  decide(input: DecisionInput): Decision | Promise<Decision>;
}

export interface DecisionInput {
  text: string;
  payload?: string;
  localeHint?: string;
  conversationLocale?: Locale;
}

// A runner-up this close to the best article makes the question ambiguous.
const ambiguityMargin = 0.08;
// Articles that hold this share of the question's words hold all that matters of it.
const fullCoverage = 0.8;
// Clarification offers articles whose ranking score is at most this far below the best one's.
const clarifySpread = 0.1;
// The least confidence of a runner-up that ties with the best article by words alone, unless
// it matches the question's words within this much of the best article's word overlap.
const tieConfidence = 0.05;
const overlapTie = 0.05;
const maxChoices = 3;
// How far a plausible but not sure intent must lead the best article to win.
const intentLead = 0.15;
/**
 * An intent's confidence (under the default calibration, not the knowledge base's own) from
 * which it is sure, and from which it is plausible: the answer and clarify defaults those
 * confidences were tuned with. Content gaps use them to leave small talk out.
 */
export const intentThresholds = { sure: 0.6, plausible: 0.4 };
// The conversation's own language is good evidence for a short message; a hint or the default is not.
const weakDetection = new Set<DetectedLanguage['reason']>(['hint', 'default']);

/**
 * The answer / clarify / miss / small-talk / hand-off choice for a message's best intent and
 * ranked articles under the given thresholds. Pure, so the answer-quality benchmark can sweep
 * thresholds over the candidates `AnswerPolicy.decide` returned.
 */
export function chooseAction(thresholds: Pick<Config['answers'], 'answerThreshold' | 'clarifyThreshold'>, intent: IntentMatch | null, candidates: ArticleCandidate[]): Action {
  const { answerThreshold, clarifyThreshold } = thresholds;
  const [best] = candidates;
  const bestConfidence = best?.confidence ?? 0;
  const intentConfidence = intent?.confidence ?? 0;
  // Intents keep the default calibration (see IntentMatcher), so their own thresholds.
  const intentIsSure = intentConfidence >= intentThresholds.sure;
  // A less sure intent still wins when no article comes close.
  const intentClearlyBeatsArticles = intentConfidence >= intentThresholds.plausible && intentConfidence >= bestConfidence + intentLead;
  if (intent && (intentIsSure || intentClearlyBeatsArticles)) {
    // Asking for a person or complaining hands off even when an article also matches.
    if (intent.intent === 'human' || intent.intent === 'complaint') return { kind: 'handoff', reason: intent.intent === 'human' ? 'customer_request' : 'complaint' };
    if (intentConfidence >= bestConfidence) return { kind: 'smalltalk', intent: intent.intent };
  }
  if (!best || bestConfidence < clarifyThreshold) return { kind: 'miss' };
  // A runner-up is plausible when it ranks about as well as the best article (its calibrated
  // confidence is low because it trails, not because it fits badly), or holds the question's
  // words as fully and ranks not far behind ("hoàn tiền" = refund: four articles are about refunds).
  const fit = (candidate: ArticleCandidate) => candidate.signals?.blend ?? candidate.confidence;
  const wordsTie = (candidate: ArticleCandidate) =>
    !!candidate.signals && !!best.signals && candidate.signals.coverage >= fullCoverage && candidate.signals.coverage >= best.signals.coverage - ambiguityMargin;
  // Sharing the words counts for a runner-up the calibration does not rule out (0.998 against
  // 0.002 is one clear winner, whatever words they share), or that matches them about as
  // closely: then only the classifier, trained on a few variants, tells the articles apart,
  // no reason to pick one for a customer who named a bare topic.
  const tiesByWords = (candidate: ArticleCandidate) => wordsTie(candidate) && (candidate.confidence >= tieConfidence || Math.abs(candidate.signals!.overlap - best.signals!.overlap) <= overlapTie);
  const isPlausible = (candidate: ArticleCandidate) => candidate !== best && (fit(candidate) >= fit(best) - clarifySpread || tiesByWords(candidate));
  const runnersUp = candidates.filter(isPlausible).slice(0, maxChoices - 1);
  // Sure and not tied by words: answer. With no plausible runner-up, the one likely article is
  // answered too, with "did this help?": a clarification never offers a single choice.
  if (runnersUp.length === 0 || (bestConfidence >= answerThreshold && !runnersUp.some(tiesByWords))) return { kind: 'answer', slug: best.slug, confidence: bestConfidence, chosen: false };
  return { kind: 'clarify', candidates: [best, ...runnersUp], weak: bestConfidence < answerThreshold };
}

/**
 * Decides answer / clarify / hand off / small talk for one message, without side effects:
 * the same code serves customers, "try it" and the answer-quality benchmark. Thresholds
 * come from `config.answers`.
 */
export class AnswerPolicy implements DecisionMaker {
  constructor(
    private readonly config: Pick<Config, 'answers' | 'locales'>,
    private readonly knowledge: KnowledgeBase,
    private readonly intents: IntentMatcher,
  ) {}

  decide(input: DecisionInput): Decision {
    const language = detectLanguage(input.text, {
      supported: this.config.locales.supported,
      defaultLocale: this.config.locales.default,
      ...(input.localeHint ? { hint: input.localeHint } : {}),
      ...(input.conversationLocale ? { conversationLocale: input.conversationLocale } : {}),
      vocabularyLocale: (text) => this.knowledge.vocabularyLocale(text) ?? this.intents.vocabularyLocale(text),
      vocabularyCoverage: (text, locale) => Math.max(this.knowledge.vocabularyCoverage(text, locale), this.intents.vocabularyCoverage(text, locale)),
    });
    const pressed = input.payload ? this.fromPayload(input.payload) : null;
    // A help command answers in the language the customer's app is set to, when it says.
    if (pressed?.kind === 'help' && input.localeHint) {
      return { action: pressed, language: detectLanguage('', { supported: this.config.locales.supported, defaultLocale: this.config.locales.default, hint: input.localeHint }), candidates: [], intent: null };
    }
    if (pressed) return { action: pressed, language: input.conversationLocale ? { locale: input.conversationLocale, reason: 'conversation' } : language, candidates: [], intent: null };

    // Read in the language detected, or in every language when the detector only guessed.
    const readings = readingLanguages(language, this.config.locales.supported);
    const intent = this.intents.match(input.text, undefined, readings);
    const candidates = this.knowledge.query(input.text, maxChoices + 2, readings);
    // Asking for a person or complaining hands off before any article; the intent matcher stays a second line.
    const complaint = detectComplaint(input.text);
    const escalation = escalationFor(complaint, detectHumanRequest(input.text));
    // A complaint example that merely shares words ("tôi muốn đổi trả hàng" beside "tôi muốn khiếu nại")
    // is no complaint when the detector finds no sign of one.
    const unfounded = intent?.intent === 'complaint' && complaint.score === 0;
    const action: Action = escalation ? { kind: 'handoff', reason: escalation.kind === 'human' ? 'customer_request' : 'complaint' } : chooseAction(this.config.answers, unfounded ? null : intent, candidates);
    return { action, language: this.refineLanguage(language, action, intent, candidates), candidates, intent, ...(escalation ? { escalation } : {}) };
  }

  private fromPayload(payload: string): Action | null {
    if (payload === payloads.handoff) return { kind: 'handoff', reason: 'customer_request' };
    if (payload === payloads.greeting) return { kind: 'smalltalk', intent: 'greeting' };
    if (payload === payloads.help) return { kind: 'help' };
    const [kind, first, second] = payload.split(':');
    if (kind === 'article' && first) return { kind: 'answer', slug: first, confidence: 1, chosen: true };
    if (kind === 'feedback' && (first === 'yes' || first === 'no') && second) return { kind: 'feedback', helpful: first === 'yes', slug: second };
    return null;
  }

  /** When the detector was unsure, the language of what matched decides. */
  private refineLanguage(language: DetectedLanguage, action: Action, intent: IntentMatch | null, candidates: ArticleCandidate[]): DetectedLanguage {
    if (!weakDetection.has(language.reason)) return language;
    const supported = this.config.locales.supported;
    const matched = action.kind === 'smalltalk' || action.kind === 'handoff' ? intent?.locale : action.kind === 'miss' ? undefined : candidates[0]?.locale;
    return matched && supported.includes(matched) && matched !== language.locale ? { locale: matched, reason: 'vocabulary' } : language;
  }
}

/**
 * The hand-off the detectors' readings of a message ask for, if any. A complaint that also asks for a
 * person is a complaint: its ticket goes first and the customer hears an apology.
 */
function escalationFor(complaint: ComplaintSignal, human: HumanRequest): HandoffCause | null {
  const asked = human.requested ? [`human:${human.phrase}`] : [];
  if (complaint.complaint) return { kind: 'complaint', reasons: [...complaint.reasons, ...asked] };
  return human.requested ? { kind: 'human', reasons: asked } : null;
}
