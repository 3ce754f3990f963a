import type { Locale } from '../config/config-schema.js';
import type { AnswerPolicy, Decision } from '../engine/answer-policy.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';

/** The decision shown to editors, in words. */
export type TryItVerdict = 'answer' | 'clarify' | 'miss' | 'handoff' | 'smalltalk' | 'feedback';

/** What "try it" shows: the engine's decision for a question, and why. */
export interface TryItResult {
  verdict: TryItVerdict;
  /** The engine's own decision, unchanged. */
  decision: Decision;
  language: Decision['language'];
  /** What the customer would read for an answer (in their language or the fallback). */
  answer: { slug: string; locale: Locale; title: string; answer: string; inCustomerLanguage: boolean } | null;
  /** Articles offered as buttons for a clarification. */
  choices: string[];
  candidates: (Decision['candidates'][number] & { rank: number })[];
  /** How the confidences were fitted on this knowledge base (null while it prepares or when it is too small to fit). */
  calibration: { heldOut: number; outOfScope: number; topRight: number } | null;
}

/**
 * "Try it": runs `AnswerPolicy.decide` — the very call the conversation engine makes for a
 * customer's message — and explains the outcome, without recording a conversation or a
 * message. `locale` stands for the customer's language hint (the widget's browser language).
 */
export function tryIt(policy: AnswerPolicy, knowledge: KnowledgeBase, defaultLocale: Locale, input: { text: string; locale?: Locale }): TryItResult {
  const decision = policy.decide({ text: input.text, ...(input.locale ? { localeHint: input.locale } : {}) });
  const { action, language } = decision;
  const article = action.kind === 'answer' ? knowledge.article(action.slug, language.locale, defaultLocale) : null;
  return {
    verdict: action.kind,
    decision,
    language,
    answer: article && { slug: article.slug, locale: article.locale, title: article.title, answer: article.answer, inCustomerLanguage: article.locale === language.locale },
    choices: action.kind === 'clarify' ? action.candidates.map((candidate) => candidate.slug) : [],
    candidates: decision.candidates.map((candidate, index) => ({ ...candidate, rank: index + 1 })),
    calibration: calibrationShown(knowledge),
  };
}

function calibrationShown(knowledge: KnowledgeBase): TryItResult['calibration'] {
  const fit = knowledge.calibrationFit;
  return fit && fit.heldOut > 0 ? { heldOut: fit.heldOut, outOfScope: fit.outOfScope, topRight: Math.round(fit.topRight * 1000) / 1000 } : null;
}
