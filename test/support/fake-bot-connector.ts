import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach } from 'vitest';
import { startTestApp, type TestApp } from './test-app.js';

/** One activity the bot posted to the connector. */
export interface PostedActivity {
  conversationId: string;
  /** Set when the bot replied to an activity (`/activities/{replyToId}`), absent for a new message. */
  replyToId?: string;
  authorization?: string;
  activity: {
    type: string;
    text?: string;
    textFormat?: string;
    replyToId?: string;
    suggestedActions?: { to?: string[]; actions: { type: string; title: string; value: string }[] };
    attachments?: { contentType: string; content: { buttons?: { type: string; title: string; value: string }[] } }[];
    [key: string]: unknown;
  };
}

/** What the fake answers the next sends with, instead of 200. */
export interface FailureScript {
  status: number;
  headers?: Record<string, string>;
  times: number;
}

/**
 * A local Bot Framework connector (the channel service a bot replies to, e.g. the Emulator's):
 * `POST /v3/conversations/{id}/activities[/{replyToId}]` with the activity as JSON, answered
 * `{ id }` as the real service does, and `GET /v3/attachments/{id}/views/original` for what
 * a customer uploaded. Records every activity; can be told to fail.
 */
export interface FakeBotConnector {
  url: string;
  posted: PostedActivity[];
  /** The posted message activities (not typing), in order. */
  messages: () => PostedActivity[];
  /** Queues a failure: the next `times` sends, after those of the failures queued before, fail this way. */
  failNext: (failure: FailureScript) => void;
  /** Drops the failures still queued. */
  recover: () => void;
  /** Serves `bytes` at `GET /v3/attachments/{id}/views/original`, as the channel keeps a customer's upload; answers its URL. */
  attach: (id: string, bytes: Buffer, contentType: string) => string;
  /** The `Authorization` headers of the attachment downloads, in order (absent: none sent). */
  attachmentDownloads: (string | undefined)[];
  close: () => Promise<void>;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => resolve(body));
    req.on('error', reject);
  });
}

export async function startFakeBotConnector(): Promise<FakeBotConnector> {
  const posted: PostedActivity[] = [];
  const failures: FailureScript[] = [];
  let counter = 0;
  const attachments = new Map<string, { bytes: Buffer; contentType: string }>();
  const attachmentDownloads: (string | undefined)[] = [];
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const body = await readBody(req);
    const download = /^\/v3\/attachments\/([^/]+)\/views\/original$/.exec(req.url ?? '');
    if (req.method === 'GET' && download) {
      attachmentDownloads.push(req.headers.authorization);
      const attachment = attachments.get(decodeURIComponent(download[1]!));
      if (!attachment) res.writeHead(404).end();
      else res.writeHead(200, { 'content-type': attachment.contentType, 'content-length': attachment.bytes.length }).end(attachment.bytes);
      return;
    }
    const match = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?$/.exec(req.url ?? '');
    if (req.method !== 'POST' || !match) {
      res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { code: 'NotFound', message: `no route ${req.method} ${req.url}` } }));
      return;
    }
    while (failures[0]?.times === 0) failures.shift();
    const failure = failures[0];
    if (failure) {
      failure.times -= 1;
      res.writeHead(failure.status, { 'content-type': 'application/json', ...failure.headers }).end(JSON.stringify({ error: { code: 'ServiceError', message: `scripted ${failure.status}` } }));
      return;
    }
    posted.push({
      conversationId: decodeURIComponent(match[1]!),
      ...(match[2] ? { replyToId: decodeURIComponent(match[2]) } : {}),
      ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}),
      activity: JSON.parse(body) as PostedActivity['activity'],
    });
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id: `bot-activity-${++counter}` }));
  };
  const server: Server = createServer((req, res) => void handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    posted,
    messages: () => posted.filter((entry) => entry.activity.type === 'message'),
    failNext: (next) => {
      failures.push({ ...next });
    },
    recover: () => {
      failures.length = 0;
    },
    attach: (id, bytes, contentType) => {
      attachments.set(id, { bytes, contentType });
      return `http://127.0.0.1:${port}/v3/attachments/${encodeURIComponent(id)}/views/original`;
    },
    attachmentDownloads,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/**
 * Before each test of the enclosing suite: a fake connector and the app with Bot Framework on
 * without authentication (as for the Emulator), open around the clock; both closed after
 * each test. Read `world.app` and `world.connector` inside the tests.
 */
export function emulatorAppPerTest(): { readonly app: TestApp; readonly connector: FakeBotConnector } {
  const world = {} as { app: TestApp; connector: FakeBotConnector };
  beforeEach(async () => {
    world.connector = await startFakeBotConnector();
    world.app = await startTestApp({ BOTFRAMEWORK_ENABLED: 'true', BUSINESS_HOURS: 'mon-sun 00:00-24:00' });
  });
  afterEach(async () => {
    await world.app.close();
    await world.connector.close();
  });
  return world;
}
