import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';

/** An embeddings request as the fake received it. */
export interface EmbeddingsRequest {
  model: string;
  input: string[];
  encodingFormat: string | undefined;
  dimensions: number | undefined;
  authorization: string | undefined;
}

/** A chat completion request as the fake received it. */
export interface ChatRequest {
  model: string;
  system: string;
  user: string;
  authorization: string | undefined;
}

/**
 * How an endpoint misbehaves: an HTTP status with an OpenAI error body, a 200 whose body is
 * not JSON, headers only after `ms`, or headers at once and a body that never ends.
 */
export type FakeFailure = { status: number } | 'malformed-json' | { delayMs: number } | 'stalled-body';

/**
 * A local stand-in for the OpenAI API on 127.0.0.1 speaking its wire format (express):
 * `POST /v1/embeddings` → `{ object: 'list', data: [{ object: 'embedding', index, embedding }],
 * model, usage }` and `POST /v1/chat/completions` → `{ id, object: 'chat.completion', created,
 * model, choices: [{ index, message: { role: 'assistant', content, refusal: null },
 * logprobs: null, finish_reason: 'stop' }], usage }`; errors as `{ error: { message, type,
 * param, code } }`. Tests decide the vectors (`embed`) and the model's replies (`reply`).
 */
export class FakeOpenAI {
  readonly embeddings: EmbeddingsRequest[] = [];
  readonly chats: ChatRequest[] = [];
  embed: (text: string) => number[] = () => [1, 0, 0, 0];
  reply: (request: ChatRequest) => string = () => 'NO_ANSWER';
  fail: { embeddings?: FakeFailure | null; chat?: FakeFailure | null } = {};
  url = '';
  private server: Server | null = null;

  /** Every text sent for embedding, in order. */
  get embeddedTexts(): string[] {
    return this.embeddings.flatMap((request) => request.input);
  }

  async start(): Promise<this> {
    const app = express();
    app.use(express.json({ limit: '10mb' }));
    app.post('/v1/embeddings', (req, res) => {
      const body = req.body as { model: string; input: string | string[]; encoding_format?: string; dimensions?: number };
      const input = Array.isArray(body.input) ? body.input : [body.input];
      this.embeddings.push({ model: body.model, input, encodingFormat: body.encoding_format, dimensions: body.dimensions, authorization: req.headers.authorization });
      this.respond(res, this.fail.embeddings, () => ({
        object: 'list',
        data: input.map((text, index) => ({ object: 'embedding', index, embedding: this.embed(text) })),
        model: body.model,
        usage: { prompt_tokens: input.length * 8, total_tokens: input.length * 8 },
      }));
    });
    app.post('/v1/chat/completions', (req, res) => {
      const body = req.body as { model: string; messages: { role: string; content: string }[] };
      const request = {
        model: body.model,
        system: body.messages.find((message) => message.role === 'system')?.content ?? '',
        user: body.messages.find((message) => message.role === 'user')?.content ?? '',
        authorization: req.headers.authorization,
      };
      this.chats.push(request);
      this.respond(res, this.fail.chat, () => ({
        id: `chatcmpl-${this.chats.length}`,
        object: 'chat.completion',
        created: Math.floor(Date.now() / 1000),
        model: body.model,
        choices: [{ index: 0, message: { role: 'assistant', content: this.reply(request), refusal: null }, logprobs: null, finish_reason: 'stop' }],
        usage: { prompt_tokens: 200, completion_tokens: 40, total_tokens: 240 },
      }));
    });
    await new Promise<void>((resolve) => {
      this.server = app.listen(0, '127.0.0.1', () => resolve());
    });
    this.url = `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}/v1`;
    return this;
  }

  /** Environment that points Careline at this fake. */
  env(extra: Record<string, string> = {}): Record<string, string> {
    return { OPENAI_API_KEY: 'sk-test-key', OPENAI_BASE_URL: this.url, OPENAI_EMBEDDING_MODEL: 'fake-embedding', OPENAI_CHAT_MODEL: 'fake-chat', ...extra };
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => {
      this.server?.close(() => resolve());
      this.server?.closeAllConnections();
    });
  }

  private respond(res: express.Response, failure: FakeFailure | null | undefined, body: () => unknown): void {
    if (!failure) {
      res.json(body());
      return;
    }
    if (failure === 'malformed-json') {
      res.status(200).type('application/json').send('{"object": "list", "data": [');
      return;
    }
    if (failure === 'stalled-body') {
      res.status(200).type('application/json');
      res.flushHeaders();
      res.write('{"object": ');
      return;
    }
    if ('delayMs' in failure) {
      setTimeout(() => {
        if (!res.destroyed) res.json(body());
      }, failure.delayMs).unref();
      return;
    }
    res.status(failure.status).json({ error: { message: 'The server had an error while processing your request.', type: 'server_error', param: null, code: null } });
  }
}
