import { connect, type Socket } from 'node:net';

/** What came back on a raw connection: the status of the first response line, or why none came. */
export interface RawAnswer {
  /** The HTTP status, or null when the connection closed or timed out before a status line. */
  status: number | null;
  outcome: 'answered' | 'closed' | 'timeout' | 'refused';
  /** The response head (status line and headers), when one came. */
  head: string;
}

/**
 * Writes `bytes` as they are on a fresh TCP connection to 127.0.0.1:`port` (no client
 * library to tidy up a malformed path, header or body first) and resolves with the status
 * line as soon as the response head is in, or when the server closes, or after `timeoutMs`.
 */
export function rawRequest(port: number, bytes: string | Buffer, timeoutMs = 5000, localAddress?: string): Promise<RawAnswer> {
  return new Promise((resolve) => {
    let received = '';
    let settled = false;
    const socket: Socket = connect({ port, host: '127.0.0.1', ...(localAddress ? { localAddress } : {}) });
    const finish = (outcome: RawAnswer['outcome']) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      const match = /^HTTP\/1\.[01] (\d{3})/.exec(received);
      const end = received.indexOf('\r\n\r\n');
      resolve({ status: match ? Number(match[1]) : null, outcome: match ? 'answered' : outcome, head: end >= 0 ? received.slice(0, end) : received.slice(0, 2000) });
    };
    const timer = setTimeout(() => finish('timeout'), timeoutMs);
    socket.on('connect', () => socket.write(bytes));
    socket.on('data', (chunk: Buffer) => {
      received += chunk.toString('latin1');
      if (received.includes('\r\n\r\n')) finish('answered');
    });
    socket.on('error', (error: NodeJS.ErrnoException) => finish(error.code === 'ECONNREFUSED' ? 'refused' : 'closed'));
    socket.on('close', () => finish('closed'));
  });
}

/** A request as raw HTTP/1.1 text: request line, headers (Host and Content-Length added unless given), body. */
export function rawHttp(method: string, target: string, headers: Record<string, string> = {}, body: string | Buffer = ''): Buffer {
  const bodyBytes = Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8');
  const names = new Set(Object.keys(headers).map((name) => name.toLowerCase()));
  const all: [string, string][] = [
    ...(names.has('host') ? [] : [['Host', '127.0.0.1'] as [string, string]]),
    ...Object.entries(headers),
    ...(names.has('content-length') || names.has('transfer-encoding') || (bodyBytes.length === 0 && method === 'GET') ? [] : [['Content-Length', String(bodyBytes.length)] as [string, string]]),
    ['Connection', 'close'],
  ];
  const head = `${method} ${target} HTTP/1.1\r\n${all.map(([name, value]) => `${name}: ${value}`).join('\r\n')}\r\n\r\n`;
  return Buffer.concat([Buffer.from(head, 'latin1'), bodyBytes]);
}
