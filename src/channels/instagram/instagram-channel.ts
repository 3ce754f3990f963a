import type { Router } from 'express';
import { GraphApiClient } from '../meta/graph-api-client.js';
import { messagingRoutes, type MessagingRoutesDeps } from '../meta/messaging-routes.js';
import { SendApiChannel } from '../meta/send-api-channel.js';
import type { OwnSends } from '../own-sends.js';
import { maxBytes } from '../meta/split-text.js';

/** Instagram texts are capped at 1,000 bytes of UTF-8 (Vietnamese letters take 2–3). */
const instagramText = maxBytes(1000);

/**
 * Instagram Direct through the Messenger API for Instagram: the Send API with the token
 * of the Facebook page linked to the Instagram professional account.
 */
export function instagramChannel(graph: GraphApiClient, accessToken: string, ownSends?: OwnSends): SendApiChannel {
  return new SendApiChannel('instagram', graph, accessToken, instagramText, ownSends ? { ownSends } : {});
}

/** The Instagram messaging webhook (`object: "instagram"`), mounted at `/webhooks/instagram`. */
export function instagramRoutes(deps: MessagingRoutesDeps): Router {
  return messagingRoutes('instagram', 'instagram', deps);
}
