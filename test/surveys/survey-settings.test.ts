import { describe, expect, it } from 'vitest';
import { loadCarelineConfig } from '../../src/channels/careline-config.js';
import { ConfigError } from '../../src/config/config-error.js';
import { chooseSurvey, surveyKindsOn } from '../../src/surveys/survey-choice.js';

describe('survey settings', () => {
  it('ask CSAT alone by default, as before NPS and CES, with NPS every 90 days and one survey a week per customer', () => {
    const config = loadCarelineConfig({ env: {} });
    expect(surveyKindsOn(config)).toEqual(['csat']);
    expect(config.surveys.npsIntervalDays).toBe(90);
    expect(config.csat.minDaysBetweenSurveys).toBe(7);
  });

  it('take the kinds from SURVEYS, drop CSAT when CSAT_ENABLED=false, and let SURVEY_MIN_DAYS_BETWEEN win over its older name', () => {
    const config = loadCarelineConfig({ env: { SURVEYS: 'nps, ces,csat', CSAT_ENABLED: 'false', NPS_INTERVAL_DAYS: '30', CSAT_MIN_DAYS_BETWEEN: '3', SURVEY_MIN_DAYS_BETWEEN: '14' } });
    expect(surveyKindsOn(config)).toEqual(['nps', 'ces']);
    expect(config.surveys.npsIntervalDays).toBe(30);
    expect(config.csat.minDaysBetweenSurveys).toBe(14);
  });

  it('refuse to start on an unknown kind or interval, naming the variable', () => {
    let problems: string[] = [];
    try {
      loadCarelineConfig({ env: { SURVEYS: 'csat,nsp', NPS_INTERVAL_DAYS: '0' } });
    } catch (error) {
      if (error instanceof ConfigError) problems = error.problems;
    }
    expect(problems).toEqual([expect.stringMatching(/^SURVEYS \(environment variable\) is "csat,nsp": expected csat, ces or nps/), expect.stringMatching(/^NPS_INTERVAL_DAYS .*from 1 to 3650/)]);
  });
});

describe('chooseSurvey', () => {
  it('gives NPS when due, else CES after an agent resolved and CSAT after a bot conversation', () => {
    const kinds = ['csat', 'ces', 'nps'] as const;
    expect(chooseSurvey({ kinds, handledBy: 'agent', npsDue: true })).toBe('nps');
    expect(chooseSurvey({ kinds, handledBy: 'agent', npsDue: false })).toBe('ces');
    expect(chooseSurvey({ kinds, handledBy: 'bot', npsDue: false })).toBe('csat');
    expect(chooseSurvey({ kinds: ['ces'], handledBy: 'bot', npsDue: false })).toBe('ces');
    expect(chooseSurvey({ kinds: ['csat'], handledBy: 'agent', npsDue: true })).toBe('csat');
    expect(chooseSurvey({ kinds: ['nps'], handledBy: 'agent', npsDue: false })).toBeNull();
  });
});
