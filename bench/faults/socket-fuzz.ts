import { connect } from 'node:net';
import { WebSocket } from 'ws';
import { rawRequest, type RawAnswer } from './raw-http.js';
import { sleep } from './pool.js';

/** Targets of upgrade requests whose URL does not parse, or names the socket path badly. */
export const malformedUpgradeTargets = [
  '//[',
  'http://[::1',
  '//x:99999/',
  '//[::1]:99999/api/webchat/socket',
  'http://',
  '//',
  '/%',
  '/api/webchat/socket?token=%',
  '/api/webchat/socket?token=%E0%A4%A',
  '/api/webchat/socket?%zz=1',
  '/api/webchat/socket',
  '/api/webchat/socket?token=short',
  '//[/api/webchat/socket',
  'http://x:-1/',
  'ws://[',
  '*',
  '\\\\evil',
  `/api/webchat/socket?token=${'A'.repeat(43)}&token=${'B'.repeat(43)}`,
];

/** An upgrade request for `target` with the WebSocket handshake headers (optionally spoilt). */
export function upgradeRequest(target: string, extra = ''): string {
  return `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n${extra}\r\n`;
}

/**
 * Sends each malformed upgrade `times` times, one at a time, calling `afterEach` (the liveness
 * check) after each; `afterEach` resolving true means the request killed the process, and that
 * target is not sent again (one death per target is the figure; more would only cost restarts).
 */
export async function malformedUpgrades(port: number, times: number, afterEach: (target: string, answer: RawAnswer) => Promise<boolean>): Promise<RawAnswer[]> {
  const answers: RawAnswer[] = [];
  const killers = new Set<string>();
  const spoilt = ['', 'Sec-WebSocket-Version: 99\r\n', 'Sec-WebSocket-Key: %%%\r\n', 'Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits=99\r\n'];
  for (let round = 0; round < times; round++) {
    for (const target of malformedUpgradeTargets) {
      if (killers.has(target)) continue;
      const answer = await rawRequest(port, upgradeRequest(target, spoilt[round % spoilt.length]), 2000);
      answers.push(answer);
      if (await afterEach(target, answer)) killers.add(target);
    }
  }
  return answers;
}

/** Opens a widget socket and resolves once it is open (or rejects). */
function openSocket(url: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url);
    socket.once('open', () => resolve(socket));
    socket.once('error', reject);
  });
}

/**
 * Spoilt frames on a real widget socket: text that is not JSON, wrong event shapes and types,
 * deep nesting, an over-long text, a payload over the 16 KiB limit and binary noise; then
 * raw bytes that are not a WebSocket frame at all on a fresh handshake. Resolves with how many
 * frames were sent.
 */
export async function spoiltFrames(port: number, token: string): Promise<number> {
  const payloads: (string | Buffer)[] = [
    'not json',
    '{"type":"message"}',
    '{"type":"nope"}',
    '{"type":"message","clientId":"x"}',
    '{"type":"message","clientId":"abcdefgh12","text":{}}',
    `{"type":"message","clientId":"abcdefgh13","text":"${'x'.repeat(3000)}"}`,
    `{"type":"message","clientId":"abcdefgh14","payload":${'['.repeat(6000)}${']'.repeat(6000)}}`,
    '[1,2,3]',
    'null',
    '{"type":"sync","token":{"$gt":""}}',
    '{"__proto__":{"type":"message"}}',
    Buffer.from([0xff, 0xfe, 0x00, 0x01]),
  ];
  let sent = 0;
  for (let round = 0; round < 10; round++) {
    const socket = await openSocket(`ws://127.0.0.1:${port}/api/webchat/socket?token=${token}`).catch(() => null);
    if (!socket) continue;
    socket.on('error', () => undefined);
    for (const payload of payloads) {
      if (socket.readyState !== socket.OPEN) break;
      socket.send(payload);
      sent++;
    }
    if (round % 3 === 0 && socket.readyState === socket.OPEN) {
      socket.send('x'.repeat(20_000));
      sent++;
    }
    await sleep(50);
    socket.terminate();
  }
  for (let round = 0; round < 10; round++) {
    await new Promise<void>((resolve) => {
      const raw = connect({ port, host: '127.0.0.1' }, () => raw.write(`${upgradeRequest(`/api/webchat/socket?token=${token}`)}`));
      raw.on('data', () => {
        raw.write(Buffer.from([0x8f, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x00, 0x01, 0x02]));
        raw.write(Buffer.from([0x81, 0x05, 0x68, 0x65, 0x6c, 0x6c, 0x6f]));
        sent += 2;
        setTimeout(() => raw.destroy(), 20);
      });
      raw.on('error', () => resolve());
      raw.on('close', () => resolve());
    });
  }
  return sent;
}
