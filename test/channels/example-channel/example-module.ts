import { Router, json } from 'express';
import type { Channel, SendReceipt } from '../../../src/core/channel.js';
import type { OutboundMessage, PlatformAddress } from '../../../src/core/messages.js';
import type { ChannelModule } from '../../../src/channels/channel-module.js';
import { exampleSettings } from './example-settings.js';

/** What the example platform received: one entry per send, as the platform would show it. */
export const examplePlatform: { to: string; text: string }[] = [];

/** An SMS-like sender: plain text cut to the configured length, choices as numbered lines. */
class ExampleChannel implements Channel {
  readonly id = 'example';
  constructor(private readonly maxLength: number) {}
  async send(address: PlatformAddress, message: OutboundMessage): Promise<SendReceipt> {
    const lines = [message.text, ...message.buttons.map((button, index) => `${index + 1}. ${button.label}`)];
    examplePlatform.push({ to: String(address.phone), text: lines.join('\n').slice(0, this.maxLength) });
    return { platformMessageId: `ex-${examplePlatform.length}` };
  }
}

/**
 * A channel that exists only in the tests: a folder (settings, sender, webhook, module) and one
 * line in a module table, with no edit anywhere else, to show what adding a channel takes.
 */
export const exampleModule: ChannelModule<typeof exampleSettings> = {
  id: 'example',
  settings: exampleSettings,
  enabled: (example) => Boolean(example.token),
  create({ inbox }, example) {
    const messages = inbox('example');
    const router = Router().post('/', json(), async (req, res) => {
      if (req.headers.authorization !== `Bearer ${example.token}`) return void res.status(401).json({ error: 'unauthorized' });
      const { from, text, id } = req.body as { from: string; text: string; id: string };
      await messages.accept({ channel: 'example', externalUserId: from, text, platformMessageId: id, address: { phone: from }, receivedAt: new Date() });
      res.status(202).json({ accepted: true });
    });
    return { channel: new ExampleChannel(example.maxLength), routes: [{ path: '/webhooks/example', body: 'raw', router }], idle: () => messages.idle() };
  },
};
