import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** Sends raw bytes and reads the answer until the server closes the connection. */
function rawRequest(app: TestApp, bytes: string): Promise<string> {
  const { port } = new URL(app.url);
  return new Promise((resolve) => {
    let received = '';
    const socket = connect(Number(port), '127.0.0.1', () => socket.end(bytes));
    socket.on('data', (data) => (received += data));
    socket.on('error', () => undefined);
    socket.on('close', () => resolve(received));
  });
}

const bodyOf = (answer: string) => JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4)) as { error: { code: string; message: string } };

describe('answerClientErrors', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => {
    await app.close();
  });

  it('answers headers over the size limit with 431 and a JSON body', async () => {
    const answer = await rawRequest(app, `GET /healthz HTTP/1.1\r\nHost: x\r\nX-Huge: ${'h'.repeat(20_000)}\r\n\r\n`);
    expect(answer).toMatch(/^HTTP\/1\.1 431 /);
    expect(bodyOf(answer).error).toMatchObject({ code: 'headers_too_large', message: expect.stringContaining('KiB') });
  });

  it('answers a request that is not HTTP with 400 naming the parse error', async () => {
    const answer = await rawRequest(app, 'GET /healthz HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n');
    expect(answer).toMatch(/^HTTP\/1\.1 400 /);
    expect(bodyOf(answer).error).toMatchObject({ code: 'bad_request', message: expect.stringContaining('not valid HTTP (HPE_') });
  });

  it('answers an Expect other than 100-continue with 417 and a JSON body', async () => {
    const answer = await rawRequest(app, 'GET /healthz HTTP/1.1\r\nHost: x\r\nExpect: tea\r\nConnection: close\r\n\r\n');
    expect(answer).toMatch(/^HTTP\/1\.1 417 /);
    expect(bodyOf(answer).error.code).toBe('expectation_failed');
    expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
  });
});
