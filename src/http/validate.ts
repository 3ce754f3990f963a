import type { z } from 'zod';
import { ValidationError } from '../core/app-error.js';

/**
 * Parses a request part with a zod schema; on failure throws `ValidationError`, which the
 * error handler answers 400 with every issue and its path.
 */
export function validate<S extends z.ZodType>(schema: S, value: unknown, where: 'body' | 'query' | 'params'): z.infer<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new ValidationError(
    where,
    result.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
  );
}
