import type { Turn } from '../engine/conversation-engine.js';

/**
 * Whether the engine handed back, as this message's "duplicate", a message another customer
 * sent with the same platform id (possible while ids are unique per channel rather than per
 * sender). A channel must refuse such a turn rather than show that message.
 */
export function isSomeoneElsesMessage(turn: Pick<Turn, 'duplicate' | 'message' | 'customer'>): boolean {
  return turn.duplicate && turn.message.customerId !== turn.customer._id;
}
