/**
 * The root of Careline's expected errors. The HTTP error handler answers each with its
 * status, a stable `code` and the message (and `Retry-After` when `retryAfterSeconds` is
 * set); anything else is logged and answered 500.
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
    /** When a retry may succeed (429, 503); sent as `Retry-After`. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** A request named something that does not exist. */
export class NotFoundError extends AppError {
  constructor(what: string) {
    super(404, 'not_found', `${what} was not found.`);
  }
}

/** The request's body, query or parameters failed validation; `details` lists the issues. */
export class ValidationError extends AppError {
  constructor(where: string, issues: { path: string; message: string }[]) {
    super(400, 'invalid_request', `The request ${where} is invalid: ${issues.map((i) => `${i.path || '(root)'}: ${i.message}`).join('; ')}`, issues);
  }
}

/** The request conflicts with the current state (already claimed, already exists). */
export class ConflictError extends AppError {
  constructor(message: string) {
    super(409, 'conflict', message);
  }
}

/** A dependency (the database) cannot serve the request now. */
export class UnavailableError extends AppError {
  constructor(message: string) {
    super(503, 'unavailable', message);
  }
}

/** The request needs a logged-in user. */
export class UnauthorizedError extends AppError {
  constructor(message = 'Log in first.') {
    super(401, 'unauthorized', message);
  }
}

/** The logged-in user lacks the role (or the CSRF token) this needs. */
export class ForbiddenError extends AppError {
  constructor(message: string) {
    super(403, 'forbidden', message);
  }
}

/** Too many attempts; try again later. */
export class TooManyRequestsError extends AppError {
  declare readonly retryAfterSeconds: number;

  constructor(message: string, retryAfterSeconds: number) {
    super(429, 'too_many_requests', message, { retryAfterSeconds }, retryAfterSeconds);
  }
}
