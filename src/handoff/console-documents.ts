import { z } from 'zod';
import { publicUserSchema } from '../accounts/user.js';
import { conversationSchema } from '../conversations/conversation.js';
import { authorKindSchema, messageSchema } from '../conversations/message.js';
import { attachmentSchema } from '../core/messages.js';
import { customerIdentitySchema, customerSchema } from '../customers/customer.js';
import { customerRecordSchema } from '../customers/customer-record.js';
import { cannedResponseSchema } from './canned-responses.js';
import { ticketSchema } from './ticket.js';

/**
 * The documents the agent console receives, cut from the domain schemas so that they cannot
 * drift apart: the routes build them typed by these schemas, and `GET /api/schemas` serves
 * them as JSON Schema for the console to check what it is sent (see `staffJsonSchemas`).
 */

/** A conversation in the console's lists: the queue, mine, search results, transfers. */
export const conversationSummarySchema = conversationSchema.pick({ channel: true, state: true, locale: true, ownerId: true, lastCustomerMessageAt: true }).extend({
  id: z.string(),
  customer: customerSchema.pick({ displayName: true, segment: true }).extend({ id: z.string() }).nullable(),
});
export type ConversationSummary = z.infer<typeof conversationSummarySchema>;

/** A ticket with its waiting time and first-response SLA at the time it was sent. */
export const ticketViewSchema = ticketSchema
  .pick({ number: true, reason: true, priority: true, status: true, subject: true, assigneeId: true, contact: true, notes: true, createdAt: true, firstResponseAt: true, resolvedAt: true })
  .extend({
    id: z.string(),
    waitingMs: z.number(),
    sla: z.object({ dueAt: z.date(), msLeft: z.number(), breached: z.boolean(), met: z.boolean() }),
  });
export type TicketView = z.infer<typeof ticketViewSchema>;

/** An attachment as the console shows it: media get `href`, the route that fetches them from the platform. */
export const consoleAttachmentSchema = attachmentSchema.pick({ kind: true, mimeType: true, fileName: true, size: true, emoji: true, location: true, contact: true, summary: true }).extend({ href: z.string().optional() });
export type ConsoleAttachment = z.infer<typeof consoleAttachmentSchema>;

/** A transcript line as the console shows it: the bot's article, confidence and Markdown as safe HTML included. */
export const consoleMessageSchema = messageSchema.pick({ text: true, articleId: true, confidence: true, kind: true, wordedBy: true }).extend({
  id: z.string(),
  author: authorKindSchema,
  authorName: z.string().optional(),
  html: z.string().optional(),
  attachments: z.array(consoleAttachmentSchema).optional(),
  /** The labels of the buttons the bot offered. */
  buttons: z.array(z.string()),
  articleTitle: z.string().optional(),
  articleSlug: z.string().optional(),
  at: z.date(),
});
export type ConsoleMessage = z.infer<typeof consoleMessageSchema>;

/** The customer of an open conversation: the whole record and the channels they are known on. */
export const consoleCustomerSchema = customerSchema.extend({
  identities: z.array(customerIdentitySchema.pick({ channel: true, externalId: true, displayName: true })),
});

/** An earlier conversation of the same person, with its transcript and who handled it. */
export const previousConversationSchema = conversationSchema.pick({ channel: true, state: true, createdAt: true }).extend({
  id: z.string(),
  handledBy: z.string().optional(),
  messages: z.array(consoleMessageSchema),
});

/** A colleague one may transfer to. */
export const agentSummarySchema = publicUserSchema.pick({ id: true, displayName: true }).extend({ online: z.boolean() });

/** A canned response as the console lists it. */
export const cannedResponseViewSchema = cannedResponseSchema.pick({ shortcut: true, text: true, locale: true, updatedAt: true }).extend({ id: z.string() });
export type CannedResponseView = z.infer<typeof cannedResponseViewSchema>;

/** The documents by the names the console uses for them. */
export const staffDocumentSchemas = {
  conversation: conversationSummarySchema,
  ticket: ticketViewSchema,
  message: consoleMessageSchema,
  customer: consoleCustomerSchema,
  previousConversation: previousConversationSchema,
  user: publicUserSchema,
  agent: agentSummarySchema,
  customerRecord: customerRecordSchema,
  cannedResponse: cannedResponseViewSchema,
};

/** JSON carries dates as ISO strings: a Date field is described as one. */
const datesAsStrings = (context: { zodSchema: z.core.$ZodTypes; jsonSchema: z.core.JSONSchema.BaseSchema }) => {
  if (context.zodSchema._zod.def.type !== 'date') return;
  context.jsonSchema.type = 'string';
  context.jsonSchema.format = 'date-time';
};

/** The documents as JSON Schema (draft 2020-12), as they travel in the API's JSON; `documents`: zod schemas by name. */
export function staffJsonSchemas<Name extends string>(documents: Record<Name, z.ZodType>): Record<Name, z.core.JSONSchema.BaseSchema> {
  const entries = Object.entries<z.ZodType>(documents).map(([name, schema]) => [name, z.toJSONSchema(schema, { io: 'output', unrepresentable: 'any', override: datesAsStrings })]);
  return Object.fromEntries(entries) as Record<Name, z.core.JSONSchema.BaseSchema>;
}
