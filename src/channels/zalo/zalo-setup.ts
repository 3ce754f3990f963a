import type { Config } from '../../config/config-schema.js';
import type { DocumentStore } from '../../storage/document-store.js';
import { ZaloChannel } from './zalo-channel.js';
import { ZaloChoices } from './zalo-choices.js';
import { ZaloTokens } from './zalo-tokens.js';

/** The Zalo channel's parts, built once by the composition root. */
export interface ZaloSetup {
  channel: ZaloChannel;
  choices: ZaloChoices;
  tokens: ZaloTokens;
  appId: string;
  oaSecretKey: string;
}

/** Builds the Zalo OA channel when its credentials are configured (app id, OA secret key, access token); null otherwise. */
export function createZalo(config: Config['channels']['zalo'], store: DocumentStore): ZaloSetup | null {
  const { appId, oaSecretKey, accessToken } = config;
  if (!appId || !oaSecretKey || !accessToken) return null;
  const tokens = new ZaloTokens(store, { appId, appSecret: config.appSecret, accessToken, refreshToken: config.refreshToken, oauthBase: config.oauthBase });
  const choices = new ZaloChoices(store);
  return { channel: new ZaloChannel({ apiBase: config.apiBase, tokens, choices }), choices, tokens, appId, oaSecretKey };
}
