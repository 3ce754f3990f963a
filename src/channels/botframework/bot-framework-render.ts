import { ActivityTypes, CardFactory, type Activity, type CardAction, type ConversationReference } from 'botbuilder';
import type { OutboundMessage } from '../../core/messages.js';
import { isScale, scaleLine } from '../numbered-text.js';

/** Teams shows at most three suggested actions; more buttons go on a hero card instead, which holds six. */
const teamsSuggestedActionLimit = 3;
const teamsHeroCardButtonLimit = 6;

function markdownLink(label: string, url: string): string {
  return `[${label.replace(/([\\[\]])/g, '\\$1')}](${url.replace(/[()\s]/g, encodeURIComponent)})`;
}

/**
 * Renders a Careline message as a Bot Framework message activity: buttons become `imBack`
 * suggested actions (their label comes back as the customer's text; Teams supports no other
 * kind) or, on Teams with more than three buttons, a hero card; a link is a Markdown link;
 * an agent's reply carries the agent's name and is plain text, so customer-facing agent
 * text is never read as Markdown.
 */
export function renderActivity(message: OutboundMessage, reference: Partial<ConversationReference>): Partial<Activity> {
  const agent = message.author?.kind === 'agent';
  const body = agent && message.author?.name ? `${message.author.name}: ${message.text}` : message.text;
  const activity: Partial<Activity> = {
    type: ActivityTypes.Message,
    text: message.link ? `${body}\n\n${markdownLink(message.link.label, message.link.url)}` : body,
    textFormat: agent && !message.link ? 'plain' : 'markdown',
  };
  if (message.buttons.length === 0) return activity;
  // NPS's and CES's scales do not fit a Teams card: their numbers as a line, typed back.
  if (reference.channelId === 'msteams' && message.buttons.length > teamsHeroCardButtonLimit && isScale(message.buttons)) {
    return { ...activity, text: `${activity.text}\n\n${scaleLine(message.buttons)}` };
  }
  const actions: CardAction[] = message.buttons.map((button) => ({ type: 'imBack', title: button.label, value: button.label }));
  if (reference.channelId === 'msteams' && actions.length > teamsSuggestedActionLimit) {
    return { ...activity, attachments: [CardFactory.heroCard('', undefined, actions)] };
  }
  return { ...activity, suggestedActions: { to: reference.user?.id ? [reference.user.id] : [], actions } };
}
