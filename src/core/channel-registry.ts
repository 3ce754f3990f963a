import type { Channel } from './channel.js';
import type { ChannelId } from './channel-id.js';

/** The channels this server runs, by id; the composition root registers them. */
export class ChannelRegistry {
  private readonly channels = new Map<ChannelId, Channel>();

  constructor(channels: Channel[] = []) {
    for (const channel of channels) this.register(channel);
  }

  register(channel: Channel): this {
    this.channels.set(channel.id, channel);
    return this;
  }

  /** The channel, or null when it is not enabled on this server. */
  get(id: ChannelId): Channel | null {
    return this.channels.get(id) ?? null;
  }
}
