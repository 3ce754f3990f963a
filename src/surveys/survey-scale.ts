import type { SurveyKind } from '../config/config-schema.js';
import type { Button } from '../core/messages.js';

/** The survey kinds beside CSAT, stored in `survey_prompts` and `survey_responses`. */
export type NpsOrCes = Exclude<SurveyKind, 'csat'>;

/** The lowest and highest score of a kind. */
export interface SurveyScale {
  min: number;
  max: number;
}

/** Each kind's scale: CSAT 1–5, CES 1–7 (7 = very easy), NPS 0–10 (10 = extremely likely to recommend). */
export const surveyScales: Record<SurveyKind, SurveyScale> = { csat: { min: 1, max: 5 }, ces: { min: 1, max: 7 }, nps: { min: 0, max: 10 } };

/** Whether `score` is a whole number on the kind's scale. */
export function isOnScale(kind: SurveyKind, score: number): boolean {
  const { min, max } = surveyScales[kind];
  return Number.isInteger(score) && score >= min && score <= max;
}

/** The payload of the button for `score`: `nps:9`, `ces:6`. */
export const scorePayloadOf = (kind: NpsOrCes, score: number): string => `${kind}:${score}`;

/** The payload of the "no comment" button of an NPS or CES survey. */
export const skipSurveyCommentPayload = 'survey:skip';

/** The score a pressed button of `kind` stands for, or null for any other payload. */
export function scoreOfPayload(kind: NpsOrCes, payload: string | undefined): number | null {
  const match = payload?.match(/^([a-z]+):(\d{1,2})$/);
  if (!match || match[1] !== kind) return null;
  const score = Number(match[2]);
  return isOnScale(kind, score) ? score : null;
}

/**
 * One button per score of the scale, labelled with the bare number ("0" … "10"); the question
 * says what the ends mean. Channels that limit buttons show them as a scale line or in rows.
 */
export function scaleButtons(kind: NpsOrCes): Button[] {
  const { min, max } = surveyScales[kind];
  return Array.from({ length: max - min + 1 }, (_, index) => ({ label: String(min + index), payload: scorePayloadOf(kind, min + index) }));
}

/** The NPS group of a score: 9–10 promoters, 7–8 passives, 0–6 detractors. */
export function npsGroupOf(score: number): 'promoter' | 'passive' | 'detractor' {
  return score >= 9 ? 'promoter' : score >= 7 ? 'passive' : 'detractor';
}
