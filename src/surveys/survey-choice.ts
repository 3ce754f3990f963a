import type { Config, SurveyKind } from '../config/config-schema.js';

/** The kinds asked: `SURVEYS`, less CSAT when `CSAT_ENABLED=false`. */
export function surveyKindsOn(config: Pick<Config, 'surveys' | 'csat'>): SurveyKind[] {
  return [...new Set(config.surveys.kinds)].filter((kind) => kind !== 'csat' || config.csat.enabled);
}

/**
 * The one survey a trigger gets: NPS when it is on and due for the customer (it replaces the
 * others); else after an agent resolved, CES when on, else CSAT; after a bot conversation,
 * CSAT when on, else CES. Null when no kind is on.
 */
export function chooseSurvey({ kinds, handledBy, npsDue }: { kinds: readonly SurveyKind[]; handledBy: 'bot' | 'agent'; npsDue: boolean }): SurveyKind | null {
  if (kinds.includes('nps') && npsDue) return 'nps';
  const preference: SurveyKind[] = handledBy === 'agent' ? ['ces', 'csat'] : ['csat', 'ces'];
  return preference.find((kind) => kinds.includes(kind)) ?? null;
}
