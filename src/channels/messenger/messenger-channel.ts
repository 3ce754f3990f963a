import type { Router } from 'express';
import { GraphApiClient } from '../meta/graph-api-client.js';
import { messagingRoutes, type MessagingRoutesDeps } from '../meta/messaging-routes.js';
import { carelineEchoMarker } from '../meta/messaging-webhook.js';
import { SendApiChannel } from '../meta/send-api-channel.js';
import type { OwnSends } from '../own-sends.js';
import { maxChars } from '../meta/split-text.js';

/** Messenger texts are capped at 2,000 characters. */
const messengerText = maxChars(2000);

/**
 * Facebook Messenger through the Send API with the page access token. Example:
 * `registry.register(messengerChannel(graph, config.channels.meta.pageAccessToken))`.
 */
export function messengerChannel(graph: GraphApiClient, pageAccessToken: string, ownSends?: OwnSends): SendApiChannel {
  return new SendApiChannel('messenger', graph, pageAccessToken, messengerText, { metadata: carelineEchoMarker, ...(ownSends ? { ownSends } : {}) });
}

/** The Messenger webhook (`object: "page"`), mounted at `/webhooks/messenger`. */
export function messengerRoutes(deps: MessagingRoutesDeps): Router {
  return messagingRoutes('messenger', 'page', deps);
}
