import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from 'pino';
import { AppError, NotFoundError } from './app-error.js';

/** Answers any request no route took with a JSON 404. */
export const notFoundHandler: RequestHandler = (req, _res, next) => {
  next(new NotFoundError(`${req.method} ${req.path}`));
};

interface HttpError {
  status?: number;
  statusCode?: number;
  type?: string;
  expose?: boolean;
}

/**
 * The one error handler: `AppError`s become their status and message; body-parser errors
 * (bad JSON, too large) become 400/413; anything else is logged and answered 500 with only
 * the request id, never internals.
 */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, _next) => {
    const requestId = String(req.id ?? '');
    if (error instanceof AppError) {
      res.status(error.status).json({ error: { code: error.code, message: error.message, details: error.details, requestId } });
      return;
    }
    const httpError = error as HttpError;
    const status = httpError.status ?? httpError.statusCode;
    if (httpError.expose && status && status >= 400 && status < 500) {
      const code = httpError.type === 'entity.too.large' ? 'payload_too_large' : httpError.type === 'entity.parse.failed' ? 'invalid_json' : 'bad_request';
      res.status(status).json({ error: { code, message: (error as Error).message, requestId } });
      return;
    }
    logger.error({ err: error, requestId }, 'unhandled error');
    res.status(500).json({ error: { code: 'internal', message: 'Something went wrong on our side.', requestId } });
  };
}
