import { Readable } from 'node:stream';
import { Router } from 'express';
import { z } from 'zod';
import { requireRole } from '../accounts/auth.js';
import { AppError, NotFoundError } from '../core/app-error.js';
import type { ChannelRegistry } from '../core/channel-registry.js';
import type { MediaSource } from '../core/channel.js';
import type { Attachment } from '../core/messages.js';
import type { MessageRepository } from '../conversations/message-repository.js';
import { validate } from '../http/validate.js';

const attachmentParams = z.object({ id: z.string().min(1).max(100), index: z.coerce.number().int().min(0).max(19) });

/** Kinds that are media an agent can open (the others are shown from the transcript itself). */
export const mediaKinds: ReadonlySet<Attachment['kind']> = new Set(['image', 'video', 'audio', 'voice', 'file', 'sticker']);

export interface AttachmentRouteDeps {
  messages: MessageRepository;
  channels: ChannelRegistry;
  /** The largest media the route passes on, in bytes. */
  maxBytes: number;
  /** How long fetching from the platform may take. */
  timeoutMs: number;
}

/**
 * `GET /api/agent/messages/:id/attachments/:index` (role agent): a customer's photo, file or
 * voice message, fetched from the platform when an agent opens it (nothing is downloaded
 * before) and passed on with its type, up to `maxBytes`. The platform's URL and token never
 * reach the browser.
 */
export function attachmentRoutes(deps: AttachmentRouteDeps): Router {
  const router = Router();
  router.use(requireRole('agent'));
  router.get('/messages/:id/attachments/:index', async (req, res) => {
    const { id, index } = validate(attachmentParams, req.params, 'params');
    const message = await deps.messages.get(id);
    const attachment = message?.attachments?.[index];
    if (!message || !attachment || !mediaKinds.has(attachment.kind)) throw new NotFoundError('The attachment');
    const source = await sourceOf(attachment, deps.channels, message.channel);
    if (!source) throw new AppError(404, 'media_unavailable', `The ${message.channel} platform does not give this ${attachment.kind} (any more).`);
    let response: Response;
    try {
      response = await fetch(source.url, { headers: source.headers ?? {}, redirect: 'follow', signal: AbortSignal.timeout(deps.timeoutMs) });
    } catch (error) {
      throw new AppError(502, 'media_unreachable', `The ${message.channel} platform did not give the ${attachment.kind}: ${(error as Error).message}`);
    }
    if (!response.ok || !response.body) throw new AppError(502, 'media_unreachable', `The ${message.channel} platform answered ${response.status} for the ${attachment.kind}.`);
    const declared = Number(response.headers.get('content-length') ?? 0);
    if (declared > deps.maxBytes) throw new AppError(413, 'media_too_large', `The ${attachment.kind} is ${declared} bytes; at most ${deps.maxBytes} are passed on.`);
    // Telegram's file server says application/octet-stream for everything: then the type the message named wins.
    const platformType = safeType(response.headers.get('content-type') ?? undefined);
    res.setHeader('content-type', platformType === 'application/octet-stream' ? safeType(attachment.mimeType) : platformType);
    // Shown inline only for pictures, video and sound; anything else is downloaded, never rendered as a page.
    const inline = /^(image|video|audio)\//.test(res.getHeader('content-type') as string);
    res.setHeader('content-disposition', `${inline ? 'inline' : 'attachment'}; filename="${(attachment.fileName ?? `${attachment.kind}-${index}`).replace(/[^\w.-]+/g, '_')}"`);
    res.setHeader('cache-control', 'private, max-age=300');
    res.setHeader('x-content-type-options', 'nosniff');
    let sent = 0;
    const body = Readable.fromWeb(response.body as import('node:stream/web').ReadableStream);
    body.on('data', (chunk: Buffer) => {
      sent += chunk.length;
      if (sent > deps.maxBytes) body.destroy(new Error('media larger than the limit'));
    });
    body.on('error', () => res.destroy());
    body.pipe(res);
  });
  return router;
}

async function sourceOf(attachment: Attachment, channels: ChannelRegistry, channelId: string): Promise<MediaSource | null> {
  if (attachment.mediaId) {
    const source = await channels.get(channelId)?.mediaSource?.(attachment);
    if (source) return source;
  }
  return attachment.url ? { url: attachment.url } : null;
}

/** A content type to pass on: a picture, video, sound or PDF as the platform said, anything else as bytes. */
function safeType(type: string | undefined): string {
  const base = (type ?? '').split(';')[0]!.trim().toLowerCase();
  return /^(image\/(png|jpeg|gif|webp)|video\/(mp4|webm|quicktime)|audio\/(mpeg|ogg|mp4|aac|amr|wav|webm)|application\/pdf)$/.test(base) ? base : 'application/octet-stream';
}
