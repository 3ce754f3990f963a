import type { Ticket } from './ticket.js';

/** First-response targets in minutes per priority. */
export type SlaTargets = Record<Ticket['priority'], number>;



/** A ticket's first-response SLA at `now`: when it is due, time left (negative when breached). */
export function firstResponseSla(ticket: Pick<Ticket, 'priority' | 'createdAt' | 'firstResponseAt'>, targets: SlaTargets, now = new Date()) {
  const dueAt = new Date(ticket.createdAt.getTime() + targets[ticket.priority] * 60_000);
  const answeredAt = ticket.firstResponseAt;
  const lateBy = (answeredAt ?? now).getTime() - dueAt.getTime();
  return { dueAt, msLeft: -lateBy, breached: lateBy > 0, met: answeredAt !== undefined && lateBy <= 0 };
}

const priorityRank: Record<Ticket['priority'], number> = { urgent: 0, high: 1, normal: 2, low: 3 };

/** Queue order: higher priority first, then who has waited longest. */
export function byQueueOrder(a: Pick<Ticket, 'priority' | 'createdAt'>, b: Pick<Ticket, 'priority' | 'createdAt'>): number {
  return priorityRank[a.priority] - priorityRank[b.priority] || a.createdAt.getTime() - b.createdAt.getTime();
}
