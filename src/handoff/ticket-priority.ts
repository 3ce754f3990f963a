import type { Segment } from '../customers/customer.js';
import { ticketPrioritySchema, type Ticket } from './ticket.js';

type Priority = Ticket['priority'];

/** Which priority a ticket gets for who asks and why (`routing.priorities` in the configuration). */
export interface PriorityRules {
  vipComplaint: Priority;
  vip: Priority;
  complaint: Priority;
  other: Priority;
}

/**
 * A ticket's priority from who is asking and why. By default VIP customers and complaints
 * go first and a VIP's complaint is urgent.
 */
export function ticketPriority(segment: Segment, reason: Ticket['reason'], rules: PriorityRules): Priority {
  const isVip = segment === 'vip';
  const isComplaint = reason === 'complaint';
  if (isVip && isComplaint) return rules.vipComplaint;
  if (isVip) return rules.vip;
  if (isComplaint) return rules.complaint;
  return rules.other;
}

/** The priorities below `priority`, e.g. `high` → `['normal', 'low']` (the schema lists them highest first). */
export function prioritiesBelow(priority: Priority): Priority[] {
  const order = ticketPrioritySchema.options;
  return order.slice(order.indexOf(priority) + 1);
}
