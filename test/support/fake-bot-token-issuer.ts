import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The issuer Bot Framework channels put in the tokens they send to bots. */
export const channelTokenIssuer = 'https://api.botframework.com';

function base64url(value: string | Buffer): string {
  return Buffer.from(value).toString('base64url');
}

/** Signs a JWT with RS256, the way the Bot Connector service signs the tokens it sends to bots. */
export function signJwt(claims: Record<string, unknown>, key: KeyObject, kid: string): string {
  const header = base64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid }));
  const payload = base64url(JSON.stringify(claims));
  const signature = sign('RSA-SHA256', Buffer.from(`${header}.${payload}`), key);
  return `${header}.${payload}.${base64url(signature)}`;
}

/**
 * A local stand-in for login.botframework.com: an OpenID metadata document at
 * `/v1/.well-known/openidconfiguration` whose `jwks_uri` lists one RSA signing key (with
 * the channels it is endorsed for), and a way to sign channel tokens with that key.
 */
export interface FakeBotTokenIssuer {
  metadataUrl: string;
  kid: string;
  /** A channel token as the Bot Connector sends it: `aud` the bot's app id, `serviceurl` the activity's. */
  channelToken: (claims: { aud: string; serviceurl: string; [claim: string]: unknown }, options?: { key?: KeyObject; kid?: string }) => string;
  close: () => Promise<void>;
}

export async function startFakeBotTokenIssuer(): Promise<FakeBotTokenIssuer> {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = publicKey.export({ format: 'jwk' });
  const kid = 'careline-test-key';
  let base = '';
  const server: Server = createServer((req, res) => {
    if (req.url === '/v1/.well-known/openidconfiguration') {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ issuer: channelTokenIssuer, authorization_endpoint: `${base}/v1/authorize`, jwks_uri: `${base}/v1/.well-known/keys`, id_token_signing_alg_values_supported: ['RS256'], token_endpoint_auth_methods_supported: ['private_key_jwt'] }));
    } else if (req.url === '/v1/.well-known/keys') {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [{ kty: 'RSA', use: 'sig', kid, n: jwk.n, e: jwk.e, endorsements: ['msteams', 'webchat', 'emulator', 'directline'] }] }));
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const now = () => Math.floor(Date.now() / 1000);
  return {
    metadataUrl: `${base}/v1/.well-known/openidconfiguration`,
    kid,
    channelToken: (claims, options = {}) => signJwt({ iss: channelTokenIssuer, nbf: now() - 60, exp: now() + 3600, ...claims }, options.key ?? privateKey, options.kid ?? kid),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
