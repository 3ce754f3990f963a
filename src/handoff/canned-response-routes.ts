import { Router } from 'express';
import { requireRole, userOf } from '../accounts/auth.js';
import { validate } from '../http/validate.js';
import type { CannedResponseView } from './console-documents.js';
import { defaultPersona, personaWordsOf, type Persona } from '../config/persona.js';
import { cannedResponseInput, type CannedResponse, type CannedResponses } from './canned-responses.js';

const publicResponse = ({ _id, shortcut, text, locale, updatedAt }: CannedResponse): CannedResponseView => ({ id: _id, shortcut, text, ...(locale ? { locale } : {}), updatedAt });

/**
 * `/api/agent/canned-responses` (agents): the team's canned responses — list, add, change,
 * remove. The console offers them after `/` in the reply box and fills in the variables;
 * `unnamedCustomer` is what `{customer.name}` reads when the name is unknown, in the shop's
 * persona ("anh/chị" or "quý khách").
 */
export function cannedResponseRoutes(responses: CannedResponses, persona: Persona = defaultPersona): Router {
  // Only Vietnamese names an unknown customer; elsewhere the greeting reads without a name.
  const unnamedCustomer = { vi: personaWordsOf(persona, 'vi')!.you };
  const router = Router();
  router.use(requireRole('agent'));
  router.get('/', async (_req, res) => {
    res.json({ responses: (await responses.list()).map(publicResponse), unnamedCustomer });
  });
  router.post('/', async (req, res) => {
    const created = await responses.create(validate(cannedResponseInput, req.body, 'body'), userOf(res)._id);
    res.status(201).json(publicResponse(created));
  });
  router.patch('/:id', async (req, res) => {
    const updated = await responses.update(req.params.id!, validate(cannedResponseInput.partial(), req.body, 'body'), userOf(res)._id);
    res.json(publicResponse(updated));
  });
  router.delete('/:id', async (req, res) => {
    await responses.remove(req.params.id!);
    res.status(204).end();
  });
  return router;
}
