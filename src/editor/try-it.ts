import type { z } from 'zod';
import type { Locale } from '../config/config-schema.js';
import type { AnswerPolicy, Decision } from '../engine/answer-policy.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import type { tryItResultSchema } from './editor-documents.js';

/** What "try it" shows: the engine's decision for a question (whole, as the engine made it), and why. */
export type TryItResult = z.infer<typeof tryItResultSchema> & { decision: Decision };

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
