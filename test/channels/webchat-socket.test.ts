import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { postJson } from '../support/post-json.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** What a raw TCP client saw: every byte the server sent, and whether it hung up. */
interface RawExchange {
  received: Buffer;
  closedByServer: boolean;
}

const handshake = (target: string) =>
  `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n`;

/**
 * Writes `chunks` to the server over a plain socket (each after the server's first answer
 * to the one before, when `stepwise`) and collects what comes back until the server closes
 * the connection, or gives up after `patienceMs` (then `closedByServer` is false).
 */
function exchange(app: TestApp, chunks: (string | Buffer)[], patienceMs = 5000): Promise<RawExchange> {
  const { port } = new URL(app.url);
  return new Promise((resolve) => {
    const parts: Buffer[] = [];
    const socket = connect(Number(port), '127.0.0.1');
    const pending = [...chunks];
    const writeNext = () => {
      const chunk = pending.shift();
      if (chunk !== undefined) socket.write(chunk);
    };
    socket.on('connect', writeNext);
    socket.on('data', (data) => {
      parts.push(data);
      writeNext();
    });
    socket.on('error', () => undefined);
    const giveUp = setTimeout(() => {
      socket.destroy();
      resolve({ received: Buffer.concat(parts), closedByServer: false });
    }, patienceMs);
    socket.on('close', () => {
      clearTimeout(giveUp);
      resolve({ received: Buffer.concat(parts), closedByServer: true });
    });
  });
}

/** A masked client frame (RFC 6455 §5.2) with the given first byte and payload. */
function clientFrame(firstByte: number, payload: Buffer, declaredLength = payload.length): Buffer {
  const mask = Buffer.from([1, 2, 3, 4]);
  const masked = Buffer.from(payload.map((byte, i) => byte ^ mask[i % 4]!));
  const header =
    declaredLength < 126
      ? Buffer.from([firstByte, 0x80 | declaredLength])
      : Buffer.concat([Buffer.from([firstByte, 0x80 | 127]), (() => { const length = Buffer.alloc(8); length.writeBigUInt64BE(BigInt(declaredLength)); return length; })()]);
  return Buffer.concat([header, mask, masked]);
}

/** The close code in the server's close frame (opcode 8), if it sent one. */
function closeCodeOf(received: Buffer): number | null {
  const start = received.indexOf('\r\n\r\n');
  let at = start < 0 ? 0 : start + 4;
  while (at + 2 <= received.length) {
    const opcode = received[at]! & 0x0f;
    let length = received[at + 1]! & 0x7f;
    let offset = at + 2;
    if (length === 126) {
      length = received.readUInt16BE(offset);
      offset += 2;
    } else if (length === 127) {
      length = Number(received.readBigUInt64BE(offset));
      offset += 8;
    }
    if (opcode === 8) return length >= 2 ? received.readUInt16BE(offset) : null;
    at = offset + length;
  }
  return null;
}

describe('the web chat socket', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => {
    await app.close();
  });
  const newToken = async () => ((await (await postJson(`${app.url}/api/webchat/session`, {})).json()) as { token: string }).token;
  const stillServes = async () => expect((await fetch(`${app.url}/healthz`)).status).toBe(200);

  describe('when the handshake names a malformed URL', () => {
    for (const target of ['//[', 'http://[::1', '//x:99999/', 'http://[::1]:99999/api/webchat/socket']) {
      it(`refuses ${target} with 400 and keeps serving`, async () => {
        const { received, closedByServer } = await exchange(app, [handshake(target)]);
        const text = received.toString();
        expect(text).toMatch(/^HTTP\/1\.1 400 /);
        expect(JSON.parse(text.slice(text.indexOf('\r\n\r\n') + 4))).toMatchObject({ error: { code: 'malformed_url', message: expect.any(String) } });
        expect(closedByServer).toBe(true);
        await stillServes();
      });
    }
  });

  describe('when the handshake asks for a path with no socket', () => {
    it('answers 404 and hangs up, even when many are held at once', async () => {
      const held = await Promise.all(Array.from({ length: 200 }, (_, i) => exchange(app, [handshake(`/nothing/${i}`)])));
      expect(held.filter((one) => one.received.toString().startsWith('HTTP/1.1 404 '))).toHaveLength(200);
      expect(held.filter((one) => one.closedByServer)).toHaveLength(200);
      await stillServes();
    });

    it('answers a bad token with 401 and hangs up', async () => {
      const { received, closedByServer } = await exchange(app, [handshake('/api/webchat/socket?token=%E0%A4%A')]);
      expect(received.toString()).toMatch(/^HTTP\/1\.1 401 /);
      expect(closedByServer).toBe(true);
    });
  });

  describe('when a connected widget sends a bad frame', () => {
    const cases: [string, (string | Buffer)[], number][] = [
      ['a reserved opcode', [clientFrame(0x83, Buffer.from('hi'))], 1002],
      ['an unmasked frame', [Buffer.from([0x81, 0x02, 0x68, 0x69])], 1002],
      ['a frame over the 16 KiB limit', [clientFrame(0x81, Buffer.alloc(0), 1_000_000)], 1009],
      ['text that is not UTF-8', [clientFrame(0x81, Buffer.from([0xc3, 0x28]))], 1007],
    ];
    for (const [name, frames, code] of cases) {
      it(`closes only that socket on ${name}`, async () => {
        const token = await newToken();
        const neighbour = new WebSocket(`${app.url.replace('http', 'ws')}/api/webchat/socket?token=${await newToken()}`);
        await new Promise((resolve) => neighbour.once('open', resolve));
        const { received, closedByServer } = await exchange(app, [handshake(`/api/webchat/socket?token=${token}`), ...frames]);
        expect(received.toString()).toMatch(/^HTTP\/1\.1 101 /);
        expect(closeCodeOf(received)).toBe(code);
        expect(closedByServer).toBe(true);
        const ack = new Promise<string>((resolve) => neighbour.on('message', (data) => String(data).includes('"ack"') && resolve(String(data))));
        neighbour.send(JSON.stringify({ type: 'message', clientId: 'c_neighbour01', text: 'xin chao' }));
        expect(JSON.parse(await ack)).toMatchObject({ type: 'ack', clientId: 'c_neighbour01' });
        neighbour.close();
        await stillServes();
      });
    }
  });
});
