import { createHash, timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import { AppError, UnauthorizedError } from '../../core/app-error.js';

/** The chat API was asked for while no `REST_API_KEY` is configured. */
export class RestApiOffError extends AppError {
  constructor() {
    super(404, 'chat_api_off', 'The chat API is off. Set REST_API_KEY to turn it on, then send the key with every call as Authorization: Bearer <key> (see README, HTTP API).');
  }
}

const digest = (text: string) => createHash('sha256').update(text).digest();

/**
 * Guards the chat API, a server-to-server API: without a configured key every call is
 * answered 404 (`RestApiOffError`); with one, a call must send `Authorization: Bearer <key>`
 * (compared in constant time) or is answered 401.
 */
export function requireRestApiKey(apiKey: string | undefined): RequestHandler {
  const expected = apiKey ? digest(apiKey) : null;
  return (req, res, next) => {
    if (!expected) throw new RestApiOffError();
    const match = /^Bearer ([^\s]+)$/i.exec(req.headers.authorization ?? '');
    // Both sides hashed to the same length first, so the comparison takes the same time whatever was sent.
    if (!match || !timingSafeEqual(digest(match[1]!), expected)) {
      res.setHeader('www-authenticate', 'Bearer realm="careline chat API"');
      throw new UnauthorizedError('Send the chat API key as Authorization: Bearer <REST_API_KEY>.');
    }
    next();
  };
}
