import { ChannelRegistry } from '../core/channel-registry.js';
import type { ChannelId } from '../core/channel-id.js';
import { ChannelInbox } from './channel-inbox.js';
import type { ChannelContext, ChannelModule, ChannelParts, ChannelRoutes, Listening } from './channel-module.js';
import type { ChannelSettings, SettingsOf } from './channel-settings.js';

/**
 * The enabled channels of one server, built from the module table: their senders in one
 * registry, their routes for the app, and their start, stop and drain, run together.
 */
export class ChannelSet {
  /** Every enabled channel's sender, by id (the outbox and dispatcher send through it). */
  readonly registry = new ChannelRegistry();
  private readonly started: ChannelParts[] = [];

  private constructor(private readonly parts: ReadonlyMap<ChannelId, ChannelParts>) {
    for (const part of parts.values()) if (part.channel) this.registry.register(part.channel);
  }

  /**
   * Builds every module its settings (`channels`, the parsed `config.channels`) enable;
   * `context.inbox` is made here, over `context.onMessage`.
   */
  static async create(modules: readonly ChannelModule[], channels: Readonly<Record<string, unknown>>, context: Omit<ChannelContext, 'inbox'>): Promise<ChannelSet> {
    const full: ChannelContext = { ...context, inbox: (channel) => new ChannelInbox(channel, context.onMessage, context.logger) };
    const parts = new Map<ChannelId, ChannelParts>();
    for (const module of modules) {
      const settings = channels[module.settings.key] as SettingsOf<ChannelSettings>;
      if (module.enabled(settings)) parts.set(module.id, await module.create(full, settings));
    }
    return new ChannelSet(parts);
  }

  /** The ids of the enabled channels. */
  get ids(): ChannelId[] {
    return [...this.parts.keys()];
  }

  /** The routes to mount before the JSON body parser (`raw`, webhooks) or under it (`json`). */
  routes(body: ChannelRoutes['body']): ChannelRoutes[] {
    return [...this.parts.values()].flatMap((part) => part.routes ?? []).filter((route) => route.body === body);
  }

  /** Starts every channel (except `skip`) on the listening server. */
  async start(listening: Listening, skip: readonly ChannelId[] = []): Promise<void> {
    for (const [id, part] of this.parts) {
      if (skip.includes(id)) continue;
      await part.start?.(listening);
      this.started.push(part);
    }
  }

  /** Stops taking new messages on every started channel (sockets, polling). */
  async stop(): Promise<void> {
    await Promise.all(this.started.splice(0).map(async (part) => part.stop?.()));
  }

  /** Resolves when the turns every channel started are done. */
  async idle(): Promise<void> {
    await Promise.all([...this.parts.values()].map(async (part) => part.idle?.()));
  }

  /** Banner lines of the started channels. */
  notes(listening: Listening): string[] {
    return [...this.parts.values()].flatMap((part) => part.notes?.(listening) ?? []);
  }

  /** Start-up warnings of the enabled channels. */
  get warnings(): string[] {
    return [...this.parts.values()].flatMap((part) => (part.warning ? [part.warning] : []));
  }
}
