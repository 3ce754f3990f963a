import { Router } from 'express';
import { z } from 'zod';
import type { ConversationLog } from '../../conversations/conversation-log.js';
import type { ConversationRepository } from '../../conversations/conversation-repository.js';
import type { MessageRepository } from '../../conversations/message-repository.js';
import { NotFoundError } from '../../http/app-error.js';
import { validate } from '../../http/validate.js';

const postMessageSchema = z.strictObject({
  sender: z.string().min(1).max(256),
  text: z.string().min(1).max(8000),
  messageId: z.string().min(1).max(256).optional(),
  displayName: z.string().max(200).optional(),
  locale: z.string().max(35).optional(),
});

const transcriptParamsSchema = z.object({ conversationId: z.string().min(1).max(100) });
const transcriptQuerySchema = z.object({ sender: z.string().min(1).max(256) });

/**
 * The plain REST channel (`rest`): a server-to-server way to talk to Careline, e.g. from a
 * shop's own app. `POST /api/channels/rest/messages` records a customer message;
 * `GET /api/channels/rest/conversations/:id/messages?sender=` reads the transcript back.
 */
export function restRoutes(deps: { log: ConversationLog; conversations: ConversationRepository; messages: MessageRepository }): Router {
  const router = Router();
  router.post('/messages', async (req, res) => {
    const body = validate(postMessageSchema, req.body, 'body');
    const recorded = await deps.log.recordInbound({
      channel: 'rest',
      externalUserId: body.sender,
      text: body.text,
      address: { sender: body.sender },
      receivedAt: new Date(),
      ...(body.displayName ? { displayName: body.displayName } : {}),
      ...(body.messageId ? { platformMessageId: body.messageId } : {}),
      ...(body.locale ? { localeHint: body.locale } : {}),
    });
    res.status(recorded.duplicate ? 200 : 201).json({
      conversationId: recorded.conversation._id,
      customerId: recorded.customer._id,
      messageId: recorded.message._id,
      duplicate: recorded.duplicate,
    });
  });
  router.get('/conversations/:conversationId/messages', async (req, res) => {
    const { conversationId } = validate(transcriptParamsSchema, req.params, 'params');
    const { sender } = validate(transcriptQuerySchema, req.query, 'query');
    const conversation = await deps.conversations.get(conversationId);
    // The sender must match, so a guessed conversation id reveals nothing.
    if (!conversation || conversation.channel !== 'rest' || conversation.address.sender !== sender) throw new NotFoundError('The conversation');
    const transcript = await deps.messages.transcript(conversationId);
    res.json({ conversationId, state: conversation.state, messages: transcript.map(({ _id, author, text, buttons, createdAt }) => ({ id: _id, author: author.kind, text, buttons, createdAt })) });
  });
  return router;
}
