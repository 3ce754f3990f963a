import express, { Router } from 'express';
import { checkJsonDepth } from '../../http/json-depth.js';
import type { Logger } from 'pino';
import type { z } from 'zod';
import { AppError, UnavailableError } from '../../core/app-error.js';
import { validate } from '../../http/validate.js';
import { checkMetaSignature } from './meta-signature.js';

/** The webhook's `X-Hub-Signature-256` header is absent: 401. */
export class MissingSignatureError extends AppError {
  constructor() {
    super(401, 'missing_signature', 'The X-Hub-Signature-256 header is missing.');
  }
}

/** The webhook's signature does not match the body and the app secret: 403. */
export class InvalidSignatureError extends AppError {
  constructor() {
    super(403, 'invalid_signature', 'The X-Hub-Signature-256 header does not match the request body.');
  }
}

/** The verification request's mode or token is wrong: 403. */
export class VerificationFailedError extends AppError {
  constructor() {
    super(403, 'verification_failed', 'hub.mode must be "subscribe" and hub.verify_token must match META_VERIFY_TOKEN.');
  }
}

/** What a Meta webhook endpoint needs; the platform is answered once `accept` has stored the delivery. */
export interface MetaWebhookOptions<S extends z.ZodType> {
  appSecret: string;
  verifyToken: string;
  /** The payload's shape; a body that does not fit is answered 400 and not handled. */
  schema: S;
  /** Stores what the delivery holds (the turns on it may run on); a failure is answered 503, so Meta redelivers. */
  accept: (payload: z.infer<S>) => Promise<void>;
  logger: Logger;
}

/**
 * One Meta webhook endpoint (Messenger, Instagram and WhatsApp share the protocol):
 * `GET /` answers the subscription handshake (`hub.mode=subscribe`, `hub.verify_token`,
 * echoing `hub.challenge`); `POST /` checks `X-Hub-Signature-256` over the raw bytes before
 * anything is parsed (missing: 401, wrong: 403), parses the JSON with `schema`, stores the
 * delivery through `accept` and only then answers 200 (store, then acknowledge: an
 * acknowledged message is never lost); the turns run on, so a slow one never makes Meta
 * time out and redeliver.
 */
export function metaWebhookRoutes<S extends z.ZodType>({ appSecret, verifyToken, schema, accept, logger }: MetaWebhookOptions<S>): Router {
  const router = Router();
  router.get('/', (req, res) => {
    const { 'hub.mode': mode, 'hub.verify_token': token, 'hub.challenge': challenge } = req.query;
    if (mode !== 'subscribe' || token !== verifyToken || typeof challenge !== 'string') throw new VerificationFailedError();
    res.type('text/plain').send(challenge);
  });
  router.post('/', express.raw({ type: () => true, limit: '1mb' }), async (req, res) => {
    const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    const check = checkMetaSignature(raw, req.get('x-hub-signature-256'), appSecret);
    if (check === 'missing') throw new MissingSignatureError();
    if (check === 'invalid') throw new InvalidSignatureError();
    // Events are kept as they came, so a body nested deeper than any documented one is refused (400) before it is parsed.
    checkJsonDepth(req, res, raw);
    const payload = validate(schema, parseJson(raw), 'body');
    try {
      await accept(payload);
    } catch (error) {
      logger.error({ err: error }, 'storing a Meta webhook delivery failed; Meta will deliver it again');
      throw new UnavailableError('The delivery could not be stored now; deliver it again.');
    }
    res.status(200).send('EVENT_RECEIVED');
  });
  return router;
}

function parseJson(raw: Buffer): unknown {
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch (error) {
    throw new AppError(400, 'invalid_json', `The webhook body is not JSON: ${(error as Error).message}`);
  }
}
