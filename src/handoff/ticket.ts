import { z } from 'zod';

export const ticketReasonSchema = z.enum(['customer_request', 'complaint', 'bot_could_not_answer', 'out_of_hours_contact']);
export const ticketPrioritySchema = z.enum(['urgent', 'high', 'normal', 'low']);
export const ticketStatusSchema = z.enum(['waiting', 'assigned', 'resolved', 'closed']);
export type TicketStatus = z.infer<typeof ticketStatusSchema>;

export const ticketNoteSchema = z.object({
  _id: z.string(),
  authorId: z.string(),
  text: z.string().min(1).max(8000),
  createdAt: z.date(),
});

/** A request for a human, with a sequential number people can quote (`#1042`). */
export const ticketSchema = z.object({
  _id: z.string(),
  number: z.number().int().positive(),
  conversationId: z.string(),
  /** Which handoff of the conversation opened it (1, 2, …); absent on tickets made before handoffs were counted. */
  handoff: z.number().int().positive().optional(),
  customerId: z.string(),
  reason: ticketReasonSchema,
  /** What the customer asked last before the handoff, so agents see the topic in the queue. */
  subject: z.string().max(500).optional(),
  priority: ticketPrioritySchema,
  status: ticketStatusSchema,
  assigneeId: z.string().nullable().default(null),
  notes: z.array(ticketNoteSchema).default([]),
  contact: z.object({ email: z.email().optional(), phone: z.string().optional(), orderCode: z.string().max(60).optional() }).optional(),
  createdAt: z.date(),
  firstResponseAt: z.date().optional(),
  resolvedAt: z.date().optional(),
  updatedAt: z.date(),
});
export type Ticket = z.infer<typeof ticketSchema>;

/** Statuses in which a ticket still asks for an agent. */
export const openTicketStatuses: TicketStatus[] = ['waiting', 'assigned'];

/**
 * The id of the ticket of a conversation's `n`-th handoff: the same for every try of that
 * handoff, so a retried or resumed handoff finds its ticket instead of opening a second.
 */
export function handoffTicketId(conversationId: string, n: number): string {
  return `tkt_${conversationId}_${n}`;
}
