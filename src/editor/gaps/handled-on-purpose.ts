import { intentThresholds } from '../../engine/answer-policy.js';
import { detectComplaint } from '../../intents/complaint-detector.js';
import type { IntentMatcher } from '../../intents/intent-matcher.js';
import type { LoggedQuestion } from '../../knowledge/question-log.js';

/** Why a logged message is not a knowledge gap: it asked for a person, complained, or was small talk. */
export type OnPurpose = 'person' | 'complaint' | 'smalltalk';

/**
 * Whether a logged message was not a question the knowledge base missed, and why: a
 * request for a person ("cho gặp nhân viên") or a complaint, which the bot hands off on
 * purpose (older logs recorded them as `handed_off`; the complaint detector tells the two
 * apart), or small talk (a greeting, thanks, "ok") or a plea for a person that reads more
 * like its intent than like any article did. Null for a real question.
 * Example: `handledOnPurpose({ text: 'cảm ơn shop nhiều nha', outcome: 'missed', … }, intents)` → 'smalltalk'.
 */
export function handledOnPurpose(question: Pick<LoggedQuestion, 'text' | 'outcome' | 'candidates'>, intents: IntentMatcher): OnPurpose | null {
  if (question.outcome === 'handed_off') return detectComplaint(question.text).complaint ? 'complaint' : 'person';
  // The engine ran the hand-off detectors on every logged message already; only the intents' verdict is left to weigh.
  const intent = intents.match(question.text);
  // As the engine decides: an intent counts when it is plausible and reads better than the best article did.
  const intentWins = intent !== null && intent.confidence >= intentThresholds.plausible && intent.confidence >= (question.candidates[0]?.confidence ?? 0);
  if (!intentWins) return null;
  return intent.intent === 'complaint' ? 'complaint' : intent.intent === 'human' ? 'person' : 'smalltalk';
}
