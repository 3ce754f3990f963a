import { AppError } from '../core/app-error.js';

/** How deeply a JSON body may nest objects and arrays; no Careline payload comes near it. */
export const maxJsonDepth = 64;

/** A JSON body nested deeper than `maxJsonDepth`. */
export class JsonTooDeepError extends AppError {
  constructor() {
    super(400, 'json_too_deep', `The JSON body nests objects or arrays deeper than ${maxJsonDepth} levels.`);
  }
}

const [openBrace, openBracket, closeBrace, closeBracket, quote, backslash] = ['{', '[', '}', ']', '"', '\\'].map((char) => char.charCodeAt(0));

/**
 * Refuses a raw JSON body nested deeper than `maxJsonDepth` before it is parsed (as
 * body-parser's `verify`), so no recursive walk over it (zod, `JSON.stringify`, the store's
 * codec) can run out of stack. One pass over the bytes; brackets inside strings do not count.
 */
export function checkJsonDepth(_req: unknown, _res: unknown, body: Buffer): void {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < body.length; i++) {
    const byte = body[i];
    if (inString) {
      if (byte === backslash) i++;
      else if (byte === quote) inString = false;
    } else if (byte === quote) inString = true;
    else if (byte === openBrace || byte === openBracket) {
      if (++depth > maxJsonDepth) throw new JsonTooDeepError();
    } else if (byte === closeBrace || byte === closeBracket) depth--;
  }
}
