import type { Segment } from '../customers/customer.js';
import type { Ticket } from './ticket.js';

/**
 * A ticket's priority from who is asking and why: VIP customers and complaints go first,
 * a VIP's complaint is urgent.
 */
export function ticketPriority(segment: Segment, reason: Ticket['reason']): Ticket['priority'] {
  const isVip = segment === 'vip';
  const isComplaint = reason === 'complaint';
  if (isVip && isComplaint) return 'urgent';
  if (isVip || isComplaint) return 'high';
  return 'normal';
}
