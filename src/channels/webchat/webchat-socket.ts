import type { IncomingMessage, Server } from 'node:http';
import type { Logger } from 'pino';
import { writeRawError } from '../../http/raw-error-response.js';
import { WebSocketServer, type WebSocket } from 'ws';
import { z } from 'zod';
import { AppError } from '../../core/app-error.js';
import type { PublicRateLimits } from '../../http/public-rate-limits.js';
import type { WebchatChannel } from './webchat-channel.js';
import { widgetMessageSchema, type WebchatInbox } from './webchat-inbox.js';
import type { WebchatServerEvent } from './webchat-message.js';
import { visitorIdOf, webchatTokenSchema } from './webchat-token.js';

export const webchatSocketPath = '/api/webchat/socket';

const clientEventSchema = z.object({ type: z.enum(['message', 'sync', 'typing']) }).passthrough();

function describeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`).join('; ');
}

function sendEvent(socket: WebSocket, event: WebchatServerEvent): void {
  if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(event));
}

/** What the socket needs besides the server. */
export interface WebchatSocketDeps {
  inbox: WebchatInbox;
  channel: WebchatChannel;
  logger: Logger;
  /** The limits shared with the widget's HTTP routes: every frame counts per address, a message also per visitor. */
  limits: PublicRateLimits;
  /** The client address of an upgrade request, read as express reads `req.ip` (`TRUST_PROXY`). */
  clientAddress: (request: IncomingMessage) => string;
  /** The visitor is typing: passed to the agents' consoles (throttled there). */
  typing: (visitorId: string) => Promise<void>;
}

/**
 * The widget's live connection: `ws(s)://host/api/webchat/socket?token=…`. On connect the
 * server sends the whole transcript (`history`); the widget sends `message` events and
 * gets an `ack` for each, while the bot's replies and typing arrive as they happen. A
 * `typing` event (no text, no answer) tells the agent the visitor is typing. A frame
 * over the rate limits is dropped and answered with an `error` event saying when to retry.
 * Returns a function that closes every socket (for shutdown).
 */
export function attachWebchatSocket(server: Server, deps: WebchatSocketDeps): () => void {
  const wss = new WebSocketServer({ noServer: true, maxPayload: 16 * 1024 });
  // This is the server's only upgrade handler, so it answers every handshake: one it
  // cannot serve is refused at once and its socket destroyed, never left open.
  server.on('upgrade', (request, socket, head) => {
    // Node stops listening for errors on a socket it hands to 'upgrade'; a reset must not end the process.
    socket.on('error', (error) => deps.logger.debug({ err: error }, 'web chat handshake socket error'));
    // As a URL: `//[`, `http://[::1` or `//x:99999/` are none and are refused, not thrown.
    const target = URL.parse(request.url ?? '/', 'http://localhost');
    if (!target) return writeRawError(socket, 400, 'malformed_url', 'The request target is not a valid URL.');
    if (target.pathname !== webchatSocketPath) return writeRawError(socket, 404, 'not_found', `There is no WebSocket here; the web chat's is ${webchatSocketPath}.`);
    const token = webchatTokenSchema.safeParse(target.searchParams.get('token'));
    if (!token.success) return writeRawError(socket, 401, 'unauthorized', 'A valid ?token= is required.');
    wss.handleUpgrade(request, socket, head, (ws) => serveSocket(ws, visitorIdOf(token.data), deps.clientAddress(request)));
  });

  function serveSocket(ws: WebSocket, visitorId: string, address: string): void {
    const disconnect = deps.channel.connect(visitorId, ws);
    ws.on('close', disconnect);
    ws.on('error', (error) => deps.logger.debug({ err: error }, 'web chat socket error'));
    const sendHistory = () =>
      deps.inbox.history(visitorId).then(
        (history) => sendEvent(ws, { type: 'history', ...history }),
        (error: unknown) => {
          deps.logger.error({ err: error }, 'reading web chat history failed');
          sendEvent(ws, { type: 'error', error: 'The conversation could not be loaded; retrying.' });
        },
      );
    void sendHistory();
    ws.on('message', (data) => {
      const overAddress = deps.limits.address(address);
      if (overAddress) {
        sendEvent(ws, { type: 'error', error: overAddress.message, retryAfterSeconds: overAddress.retryAfterSeconds });
        return;
      }
      let json: unknown;
      try {
        json = JSON.parse(String(data));
      } catch {
        sendEvent(ws, { type: 'error', error: 'Expected a JSON event.' }); // malformed input is answered, not thrown
        return;
      }
      const parsed = clientEventSchema.safeParse(json);
      if (!parsed.success) {
        sendEvent(ws, { type: 'error', error: `Invalid event: ${describeIssues(parsed.error)}` });
        return;
      }
      if (parsed.data.type === 'sync') {
        void sendHistory();
        return;
      }
      if (parsed.data.type === 'typing') {
        deps.typing(visitorId).catch((error: unknown) => deps.logger.warn({ err: error }, 'passing on a web chat typing signal failed'));
        return;
      }
      const { type: _type, ...fields } = parsed.data;
      const message = widgetMessageSchema.safeParse(fields);
      if (!message.success) {
        sendEvent(ws, { type: 'error', error: `Invalid message: ${describeIssues(message.error)}` });
        return;
      }
      const input = message.data;
      const overSender = deps.limits.sender('webchat', visitorId);
      if (overSender) {
        sendEvent(ws, { type: 'error', clientId: input.clientId, error: overSender.message, retryAfterSeconds: overSender.retryAfterSeconds });
        return;
      }
      deps.inbox.receive(visitorId, input).then(
        (result) => sendEvent(ws, { type: 'ack', clientId: input.clientId, message: result.accepted }),
        (error: unknown) => {
          if (error instanceof AppError && error.status < 500) {
            sendEvent(ws, { type: 'error', clientId: input.clientId, error: error.message });
            return;
          }
          deps.logger.error({ err: error }, 'handling a web chat message failed');
          sendEvent(ws, { type: 'error', clientId: input.clientId, error: 'The message could not be processed; it will be resent.', retryable: true });
        },
      );
    });
  }

  return () => {
    for (const client of wss.clients) client.close(1001, 'server shutting down');
    wss.close();
  };
}
