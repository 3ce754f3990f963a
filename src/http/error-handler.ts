import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from 'pino';
import { AppError, NotFoundError, TooManyRequestsError } from '../core/app-error.js';

/** Answers any request no route took with a JSON 404. */
export const notFoundHandler: RequestHandler = (req, _res, next) => {
  next(new NotFoundError(`${req.method} ${req.path}`));
};

/** The fields http-errors, body-parser, the router and `send` put on the errors they raise. */
interface HttpError {
  status?: number;
  statusCode?: number;
  type?: string;
  expose?: boolean;
  headers?: Record<string, string>;
}

/** A failure the client caused, as it is answered. */
interface ClientFailure {
  status: number;
  code: string;
  message: string;
  details?: unknown;
  headers?: Record<string, string>;
}

// body-parser's error types, as stable codes.
const codesOfTypes: Record<string, string> = {
  'entity.parse.failed': 'invalid_json',
  'entity.too.large': 'payload_too_large',
  'entity.verify.failed': 'invalid_body',
  'charset.unsupported': 'unsupported_charset',
  'encoding.unsupported': 'unsupported_encoding',
  'parameters.too.many': 'too_many_parameters',
  'request.aborted': 'request_aborted',
  'request.size.invalid': 'invalid_content_length',
};

/**
 * What the client did wrong, or null for a failure of ours: an `AppError`; a percent escape
 * in the path that does not decode (the router's `URIError`); a 4xx the HTTP libraries
 * raise for a body, encoding or range they cannot read.
 */
function clientFailureOf(error: unknown): ClientFailure | null {
  if (error instanceof AppError) return { status: error.status, code: error.code, message: error.message, details: error.details };
  const httpError = (error ?? {}) as HttpError;
  const status = httpError.status ?? httpError.statusCode;
  if (error instanceof URIError && status === 400) {
    return { status, code: 'malformed_uri', message: `The request path has a malformed percent escape (${error.message}).` };
  }
  if (error instanceof Error && httpError.expose && status && status >= 400 && status < 500) {
    return { status, code: codesOfTypes[httpError.type ?? ''] ?? 'bad_request', message: error.message, ...(httpError.headers ? { headers: httpError.headers } : {}) };
  }
  return null;
}

/**
 * The one error handler: every failure the client caused becomes its 4xx with a stable
 * `code` and a message saying what was wrong; an `AppError` of ours keeps its status (503
 * `database_unavailable` with `Retry-After` when the store does not answer in time);
 * anything else is logged once and answered 500 with only the request id, never internals.
 */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, _next) => {
    if (error instanceof AppError && error.retryAfterSeconds !== undefined && !res.headersSent) res.setHeader('retry-after', String(error.retryAfterSeconds));
    const requestId = String(req.id ?? '');
    const failure = clientFailureOf(error);
    if (res.headersSent) {
      // Too late for a status: the response is cut off, which the client notices.
      if (!failure) logger.error({ err: error, requestId }, 'unhandled error after the response started');
      res.destroy();
      return;
    }
    // What a static file's answer set before it failed (its type, length, caching) does not describe the error.
    for (const name of res.getHeaderNames()) if (/^(content-(type|length|disposition|encoding|range)|etag|last-modified|cache-control|accept-ranges)$/.test(name)) res.removeHeader(name);
    if (failure) {
      const { status, code, message, details, headers } = failure;
      if (status >= 500) logger.warn({ err: error, requestId }, `answered ${status} ${code}`);
      if (headers) res.set(headers);
      res.status(status).json({ error: { code, message, ...(details === undefined ? {} : { details }), requestId } });
      return;
    }
    logger.error({ err: error, requestId }, 'unhandled error');
    res.status(500).json({ error: { code: 'internal', message: 'Something went wrong on our side.', requestId } });
  };
}
