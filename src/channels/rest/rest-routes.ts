import { Router } from 'express';
import { z } from 'zod';
import type { ConversationRepository } from '../../conversations/conversation-repository.js';
import type { MessageRepository } from '../../conversations/message-repository.js';
import type { AcceptMessage } from '../channel-inbox.js';
import { NotFoundError } from '../../core/app-error.js';
import { attachmentSchema } from '../../core/messages.js';
import type { PublicRateLimits } from '../../http/public-rate-limits.js';
import { validate } from '../../http/validate.js';
import { CollectingChannel } from '../collecting/collecting-channel.js';
import { numberedText } from '../numbered-text.js';
import { requireRestApiKey } from './rest-api-key.js';

const postMessageSchema = z
  .strictObject({
    sender: z.string().min(1).max(256),
    text: z.string().max(8000).default(''),
    payload: z.string().min(1).max(256).optional(),
    messageId: z.string().min(1).max(256).optional(),
    displayName: z.string().max(200).optional(),
    locale: z.string().max(35).optional(),
    /** What the customer sent besides text (an image's URL, a location, a contact card), as in `InboundMessage`. */
    attachments: z.array(attachmentSchema).max(20).optional(),
  })
  .refine((body) => body.text.trim().length > 0 || body.payload !== undefined || (body.attachments?.length ?? 0) > 0, { error: 'expected text, a button payload or attachments', path: ['text'] });

// A rating prompt reads as numbered text, so an integration that shows only text still works.
const asText = (kind: string | undefined, text: string, buttons: { label: string; payload: string }[]) => (kind === 'rating' ? numberedText(text, buttons) : text);

const transcriptParamsSchema = z.object({ conversationId: z.string().min(1).max(100) });
const transcriptQuerySchema = z.object({ sender: z.string().min(1).max(256) });

/**
 * The plain REST channel (`rest`) for integrations, e.g. a shop's own server: off unless
 * `apiKey` is set, and every call needs it (`requireRestApiKey`); rate-limited per client
 * address and per sender. `POST /api/chat` sends a customer message and answers with the
 * bot's replies (collected for this request); `GET /api/chat/conversations/:id/messages?sender=`
 * reads the whole transcript, including what agents wrote later.
 */
export function restRoutes(deps: { onMessage: AcceptMessage; conversations: ConversationRepository; messages: MessageRepository; apiKey: string | undefined; limits: PublicRateLimits }): Router {
  const router = Router();
  router.use(deps.limits.byClientAddress(), requireRestApiKey(deps.apiKey));
  router.post('/', async (req, res) => {
    const body = validate(postMessageSchema, req.body, 'body');
    const refusal = deps.limits.sender('rest', body.sender);
    if (refusal) throw refusal;
    const collected = new CollectingChannel('rest');
    const accepted = await deps.onMessage(
      {
        channel: 'rest',
        externalUserId: body.sender,
        text: body.text,
        address: { sender: body.sender },
        receivedAt: new Date(),
        ...(body.payload ? { payload: body.payload } : {}),
        ...(body.displayName ? { displayName: body.displayName } : {}),
        ...(body.messageId ? { platformMessageId: body.messageId } : {}),
        ...(body.locale ? { localeHint: body.locale } : {}),
        ...(body.attachments?.length ? { attachments: body.attachments } : {}),
      },
      collected,
    );
    const turn = await accepted.turn;
    res.status(turn.duplicate ? 200 : 201).json({
      conversationId: turn.conversation._id,
      customerId: turn.customer._id,
      messageId: turn.message._id,
      duplicate: turn.duplicate,
      state: turn.conversation.state,
      // From the transcript, so a retried request whose turn a crash cut short still gets every reply.
      replies: turn.replies.map((message) => {
        const kind = message.kind ?? (message.buttons.length > 0 ? 'choices' : 'text');
        return { id: message._id, kind, text: asText(kind, message.text, message.buttons), buttons: message.buttons, ...(message.link ? { link: message.link } : {}) };
      }),
    });
  });
  router.get('/conversations/:conversationId/messages', async (req, res) => {
    const { conversationId } = validate(transcriptParamsSchema, req.params, 'params');
    const { sender } = validate(transcriptQuerySchema, req.query, 'query');
    const conversation = await deps.conversations.get(conversationId);
    // The sender must match, so a guessed conversation id reveals nothing.
    if (!conversation || conversation.channel !== 'rest' || conversation.address.sender !== sender) throw new NotFoundError('The conversation');
    const transcript = await deps.messages.transcript(conversationId);
    res.json({
      conversationId,
      state: conversation.state,
      messages: transcript.map(({ _id, author, kind, text, buttons, link, createdAt }) => ({ id: _id, author: author.kind, ...(author.name ? { authorName: author.name } : {}), ...(kind ? { kind } : {}), text: asText(kind, text, buttons), buttons, ...(link ? { link } : {}), createdAt })),
    });
  });
  return router;
}
