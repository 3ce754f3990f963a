import { createHash } from 'node:crypto';
import { TurnContext, type Activity, type ConversationReference } from 'botbuilder';
import { z } from 'zod';
import type { PlatformAddress } from '../../core/messages.js';

const accountSchema = z.looseObject({ id: z.string().min(1).max(1024), name: z.string().max(1024).optional() });

/**
 * The parts of a Bot Framework activity Careline reads (the rest passes through to the SDK).
 * See https://learn.microsoft.com/azure/bot-service/rest-api/bot-framework-rest-connector-api-reference#activity-object
 */
export const inboundActivitySchema = z.looseObject({
  type: z.string().min(1).max(64),
  id: z.string().min(1).max(1024).optional(),
  /** An invoke's or an event's name (`adaptiveCard/action`, `task/fetch`, …). */
  name: z.string().max(256).optional(),
  /** The activity this one answers or reacts to. */
  replyToId: z.string().max(1024).optional(),
  channelId: z.string().min(1).max(64),
  serviceUrl: z.url({ protocol: /^https?$/ }),
  from: accountSchema,
  recipient: accountSchema,
  conversation: z.looseObject({ id: z.string().min(1).max(1024), isGroup: z.boolean().optional(), tenantId: z.string().max(256).optional() }),
  text: z.string().optional(),
  value: z.unknown().optional(),
  locale: z.string().max(64).optional(),
  membersAdded: z.array(accountSchema).optional(),
  // Read entry by entry (bot-framework-content.ts): one odd attachment or reaction is skipped, not the activity.
  attachments: z.array(z.unknown()).optional(),
  reactionsAdded: z.array(z.unknown()).optional(),
  reactionsRemoved: z.array(z.unknown()).optional(),
});
export type InboundActivity = z.infer<typeof inboundActivitySchema>;

/** The parsed activity as the SDK's type: the schema checked what Careline reads, the SDK checks the rest. */
export function asSdkActivity(activity: InboundActivity): Activity {
  return activity as unknown as Activity;
}

/** What a conversation's address holds on this channel: the SDK's conversation reference. */
export const botFrameworkAddressSchema = z.object({
  reference: z.looseObject({
    channelId: z.string().min(1),
    serviceUrl: z.string().min(1),
    conversation: z.looseObject({ id: z.string().min(1) }),
    user: z.looseObject({ id: z.string().min(1) }),
    bot: z.looseObject({ id: z.string().min(1) }).optional(),
  }),
});

/** Bounded ids: readable when short, a digest when a platform's ids run long. */
function boundedId(id: string): string {
  return id.length <= 256 ? id : `sha256:${createHash('sha256').update(id).digest('hex')}`;
}

/**
 * The customer's id on Bot Framework: user ids are only unique within one channel (Teams,
 * Web Chat, the Emulator all reach the same bot), so the channel is part of it.
 */
export function externalUserIdOf(channelId: string, userId: string): string {
  return boundedId(`${channelId}:${userId}`);
}

/** Activity ids are unique only within a conversation (Teams uses timestamps), so the key includes it. */
export function platformMessageIdOf(activity: InboundActivity): string | undefined {
  return activity.id ? boundedId(`${activity.channelId}:${activity.conversation.id}:${activity.id}`) : undefined;
}

/**
 * The activity id a `platformMessageIdOf` key names in the conversation of `reference`, to
 * reply to it; undefined for another conversation's key or a digest (ids too long to keep).
 */
export function activityIdOf(platformMessageId: string, reference: Partial<ConversationReference>): string | undefined {
  const prefix = `${reference.channelId}:${reference.conversation?.id}:`;
  return platformMessageId.startsWith(prefix) && platformMessageId.length > prefix.length ? platformMessageId.slice(prefix.length) : undefined;
}

/**
 * The address to write to this customer later: the conversation reference without the
 * activity id, so proactive messages are new messages, not replies to an old one.
 */
export function addressOf(activity: InboundActivity): PlatformAddress {
  const { activityId: _replyTo, ...reference } = TurnContext.getConversationReference(asSdkActivity(activity));
  return { reference: JSON.parse(JSON.stringify(reference)) as Record<string, unknown> };
}

/** The stored conversation reference of an address made by `addressOf`. */
export function referenceOf(address: PlatformAddress): Partial<ConversationReference> {
  return botFrameworkAddressSchema.parse(address).reference as unknown as Partial<ConversationReference>;
}

/** The customer's text without the bot's @mention (Teams channels and group chats), trimmed. */
export function customerTextOf(activity: InboundActivity): string {
  // removeRecipientMention edits the activity it is given; the copy keeps the original intact.
  const text = TurnContext.removeRecipientMention(asSdkActivity({ ...activity })) ?? activity.text ?? '';
  return text.trim().slice(0, 8000);
}

