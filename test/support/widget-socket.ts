import WebSocket from 'ws';
import { postJson } from './post-json.js';
import type { TestApp } from './test-app.js';

/** A server event as the widget receives it (the fields the tests read). */
export interface WidgetEvent {
  type: string;
  clientId?: string;
  error?: string;
  retryAfterSeconds?: number;
  message?: { id: string; author: string; text: string; clientId?: string };
  messages?: { id: string; author: string; text: string }[];
}

/** An open widget socket that keeps every event it receives. */
export interface WidgetSocket {
  socket: WebSocket;
  events: WidgetEvent[];
  /** Waits until `count` events of `type` arrived (5 s at most); returns them. */
  next: (type: string, count?: number) => Promise<WidgetEvent[]>;
  /** Waits for the first event that `found` accepts (5 s at most). */
  waitFor: (found: (event: WidgetEvent) => boolean) => Promise<WidgetEvent>;
  /** Sends a `message` event. */
  send: (clientId: string, text: string) => void;
  /** Resolves once a ping came back: every event the server sent before it has arrived. */
  flush: () => Promise<void>;
}

/** A new widget session token from `POST /api/webchat/session`. */
export async function newWidgetToken(app: TestApp): Promise<string> {
  return ((await (await postJson(`${app.url}/api/webchat/session`, {})).json()) as { token: string }).token;
}

/** Opens the web chat socket of the test app with a session token, as the widget does. */
export async function openWidgetSocket(app: TestApp, token: string): Promise<WidgetSocket> {
  const socket = new WebSocket(`${app.url.replace('http', 'ws')}/api/webchat/socket?token=${token}`);
  const events: WidgetEvent[] = [];
  socket.on('message', (data) => events.push(JSON.parse(String(data)) as WidgetEvent));
  await new Promise((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('error', reject);
  });
  const poll = async <T>(look: () => T | undefined, what: string): Promise<T> => {
    for (let i = 0; i < 200; i++) {
      const found = look();
      if (found !== undefined) return found;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error(`no ${what}; got ${JSON.stringify(events)}`);
  };
  return {
    socket,
    events,
    next: (type, count = 1) =>
      poll(() => {
        const found = events.filter((event) => event.type === type);
        return found.length >= count ? found : undefined;
      }, `${count} "${type}" event(s)`),
    waitFor: (found) => poll(() => events.find(found), 'such event'),
    send: (clientId, text) => socket.send(JSON.stringify({ type: 'message', clientId, text })),
    flush: () =>
      new Promise<void>((resolve) => {
        socket.once('pong', () => resolve());
        socket.ping();
      }),
  };
}
