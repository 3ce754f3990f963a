import { Router } from 'express';
import { z } from 'zod';
import { requireRole, userOf } from '../accounts/auth.js';
import type { UserRepository } from '../accounts/user-repository.js';
import { NotFoundError } from '../core/app-error.js';
import { validate } from '../http/validate.js';
import type { AgentDesk } from './agent-desk.js';
import { ticketPrioritySchema, ticketStatusSchema } from './ticket.js';
import type { TicketRepository } from './ticket-repository.js';

const listQuery = z.strictObject({ status: ticketStatusSchema.optional(), priority: ticketPrioritySchema.optional(), assignee: z.string().min(1).max(100).optional(), limit: z.coerce.number().int().min(1).max(500).default(100) });
const idParams = z.object({ id: z.string().min(1).max(100) });
const assignBody = z.strictObject({ agentId: z.string().min(1).max(100) });
const changeBody = z.strictObject({ status: z.enum(['resolved', 'closed']).optional(), priority: ticketPrioritySchema.optional() }).refine((body) => body.status || body.priority, { error: 'expected status or priority' });
const noteBody = z.strictObject({ text: z.string().trim().min(1).max(8000) });

/**
 * The tickets API under `/api/tickets` (role agent): `GET /?status=&priority=&assignee=`,
 * `GET /:id`, `POST /:id/assign { agentId }` (a waiting ticket to an agent), `PATCH /:id
 * { status?, priority? }`, `POST /:id/notes { text }`. A `status` (resolved, closed) settles
 * the conversation too (see `AgentDesk.closeTicket`): one still waiting goes back to the
 * bot, one with an agent is refused with 409.
 */
export function ticketRoutes(deps: { tickets: TicketRepository; users: UserRepository; desk: AgentDesk }): Router {
  const router = Router();
  router.use(requireRole('agent'));
  router.get('/', async (req, res) => {
    const { status, priority, assignee, limit } = validate(listQuery, req.query, 'query');
    res.json({ tickets: await deps.tickets.list({ ...(status ? { status } : {}), ...(priority ? { priority } : {}), ...(assignee ? { assigneeId: assignee } : {}) }, limit) });
  });
  router.get('/:id', async (req, res) => {
    const { id } = validate(idParams, req.params, 'params');
    const ticket = await deps.tickets.get(id);
    if (!ticket) throw new NotFoundError('The ticket');
    res.json({ ticket });
  });
  router.post('/:id/assign', async (req, res) => {
    const { id } = validate(idParams, req.params, 'params');
    const { agentId } = validate(assignBody, req.body, 'body');
    const agent = await deps.users.get(agentId);
    if (!agent || !agent.roles.some((role) => role === 'agent' || role === 'admin')) throw new NotFoundError('The agent');
    res.json({ ticket: (await deps.desk.claim(id, agent)).ticket });
  });
  router.patch('/:id', async (req, res) => {
    const { id } = validate(idParams, req.params, 'params');
    const { status, ...set } = validate(changeBody, req.body, 'body');
    if (status) {
      res.json({ ticket: await deps.desk.closeTicket(id, userOf(res), status, set) });
      return;
    }
    const ticket = await deps.tickets.change(id, { $set: set });
    if (!ticket) throw new NotFoundError('The ticket');
    res.json({ ticket });
  });
  router.post('/:id/notes', async (req, res) => {
    const { id } = validate(idParams, req.params, 'params');
    const { text } = validate(noteBody, req.body, 'body');
    res.status(201).json({ ticket: await deps.desk.noteTicket(id, userOf(res), text) });
  });
  return router;
}
