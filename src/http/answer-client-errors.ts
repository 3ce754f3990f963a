import { maxHeaderSize, type Server } from 'node:http';
import { writeRawError } from './raw-error-response.js';

/** What Node's HTTP parser refused, as a status, a code and what was wrong. */
function describeParseError(error: NodeJS.ErrnoException): [number, string, string] {
  switch (error.code) {
    case 'HPE_HEADER_OVERFLOW':
      return [431, 'headers_too_large', `The request line and headers are larger than ${Math.round(maxHeaderSize / 1024)} KiB.`];
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return [408, 'request_timeout', 'The request did not arrive in time.'];
    default:
      return [400, 'bad_request', `The request is not valid HTTP (${error.code ?? error.message}).`];
  }
}

/**
 * Answers what never reaches express with the app's JSON error body instead of Node's bare
 * status line: a request the HTTP parser refuses (headers over the size limit, a malformed
 * request line or header, conflicting lengths) and an `Expect` header other than
 * `100-continue` (417). The connection is closed after the answer.
 */
export function answerClientErrors(server: Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    // A client that went away cannot be answered.
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const [status, code, message] = describeParseError(error);
    writeRawError(socket, status, code, message);
  });
  server.on('checkExpectation', (req, res) => {
    const body = JSON.stringify({ error: { code: 'expectation_failed', message: `Only "Expect: 100-continue" is understood, not "${String(req.headers.expect).slice(0, 100)}".` } });
    res.writeHead(417, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body), 'x-content-type-options': 'nosniff', connection: 'close' });
    res.end(body);
  });
}
