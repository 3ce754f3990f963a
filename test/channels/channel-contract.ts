import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Channel } from '../../src/core/channel.js';
import { ChannelSendError } from '../../src/core/channel-send-error.js';
import { outboundMessageSchema, type Button, type OutboundMessage, type PlatformAddress } from '../../src/core/messages.js';
import { ratingButtons } from '../../src/csat/csat-phrases.js';

/** One message as the customer sees it, read back from what the platform's fake received. */
export interface Delivered {
  /** Whom the platform was asked to deliver it to (chat id, PSID, phone number, conversation id, visitor id). */
  to: string;
  /** The text shown, markup parsed (an inline link keeps its label in the text; its URL goes to `links`). */
  text: string;
  /** The buttons shown with the message, each with the payload Careline gets back when it is pressed. */
  buttons: Button[];
  /** The clickable links of the message. */
  links: { label: string; url: string }[];
}

/** A platform's HTTP answer to a send, as the suite asks the fake to give it. */
export interface PlatformFailure {
  status: 400 | 403 | 429 | 503;
  /** Seconds the platform asks to wait (Retry-After, Telegram's `retry_after`). */
  retryAfterSeconds?: number;
}

/** A sender built against its platform's fake, for one test. */
export interface ContractWorld {
  channel: Channel;
  /** The customer the suite writes to. */
  address: PlatformAddress;
  /** That customer as `Delivered.to` names them. */
  recipient: string;
  /** Everything the fake accepted for delivery so far, to anyone, in order. */
  delivered(): Promise<Delivered[]>;
  /** The payload Careline reads from the customer's typed reply (numbered choices), if any. */
  payloadOfReply?(reply: string): Promise<string | undefined>;
  /** Makes the platform answer sends this way until `recover()` (senders with `platformErrors`). */
  fail?(failure: PlatformFailure): void;
  recover?(): void;
  close(): Promise<void>;
}

/** What the suite needs to know of one platform sender; the assertions are shared. */
export interface ChannelContractAdapter {
  name: string;
  open(): Promise<ContractWorld>;
  /** The most buttons the sender shows natively under one message; more become numbered text. */
  nativeButtons: number;
  /** The characters of a button label the platform shows; a longer one is cut, ending in "…". */
  labelLimit?: number;
  /** Links: `clickable` (a link with its label) or `text` (the URL written in the text). */
  links: 'clickable' | 'text';
  /** Whether one message of the platform holds this text; absent when any outbound text fits. */
  fits?: (text: string) => boolean;
  /** Whether a platform answers the sends (false for in-process senders, which nothing can refuse). */
  platformErrors: boolean;
}

const choices = (count: number): Button[] => Array.from({ length: count }, (_, i) => ({ label: `Mục ${i + 1}`, payload: `article:topic-${i + 1}` }));
const message = (input: Partial<OutboundMessage> & { text: string }): OutboundMessage => outboundMessageSchema.parse(input);
/** The same characters in the same order, whatever whitespace a split changed. */
const ink = (text: string) => text.replace(/\s+/g, '');

/** A bot answer well over every platform's message limit (Telegram and WhatsApp 4,096, Messenger and Zalo 2,000, Instagram 1,000 bytes) and under Careline's 8,000. */
export const longAnswer = Array.from({ length: 70 }, (_, i) => `Đoạn ${i + 1}: đơn hàng được giao trong ba ngày làm việc, miễn phí cho đơn từ 300.000đ.`).join('\n\n');

/**
 * The channel contract: every platform sender, driven against its fake, must show a
 * customer the same things. `adapter` builds the sender and reads back what arrived.
 */
export function channelContract(adapter: ChannelContractAdapter): void {
  describe(`Channel contract: ${adapter.name}`, () => {
    let world: ContractWorld;
    beforeEach(async () => {
      world = await adapter.open();
    });
    afterEach(async () => {
      await world.close();
    });

    /** Sends `outbound` and returns what the customer received from it. */
    const send = async (outbound: OutboundMessage): Promise<Delivered[]> => {
      const before = (await world.delivered()).length;
      await world.channel.send(world.address, outbound);
      const arrived = (await world.delivered()).slice(before);
      expect(arrived.map((delivered) => delivered.to)).toEqual(arrived.map(() => world.recipient));
      return arrived;
    };

    /** Asserts the buttons arrived natively, or as numbered lines that map back, as the platform can. */
    const expectChoices = async (arrived: Delivered[], buttons: Button[]) => {
      const last = arrived.at(-1)!;
      expect(arrived.slice(0, -1).flatMap((delivered) => delivered.buttons)).toEqual([]);
      if (buttons.length > adapter.nativeButtons) {
        expect(last.buttons).toEqual([]);
        const lines = last.text.split('\n');
        const start = lines.indexOf(`1. ${buttons[0]!.label}`);
        expect(start).toBeGreaterThan(0);
        expect(lines.slice(start, start + buttons.length)).toEqual(buttons.map((button, i) => `${i + 1}. ${button.label}`));
        for (const [i, button] of buttons.entries()) expect(await world.payloadOfReply!(String(i + 1))).toBe(button.payload);
        return;
      }
      expect(last.buttons.map((button) => button.payload)).toEqual(buttons.map((button) => button.payload));
      for (const [i, shown] of last.buttons.entries()) expectLabel(shown.label, buttons[i]!.label);
    };

    /** A label the platform shows whole arrives as it is; a longer one is cut to the limit, marked "…". */
    const expectLabel = (shown: string, label: string) => {
      if ([...label].length <= (adapter.labelLimit ?? Infinity)) {
        expect(shown).toBe(label);
        return;
      }
      expect([...shown].length).toBeLessThanOrEqual(adapter.labelLimit!);
      expect(shown.endsWith('…') && label.startsWith(shown.slice(0, -1))).toBe(true);
    };

    it('delivers a text reply as that text, to the customer it was written to', async () => {
      const text = 'Dạ, phí giao hàng nội thành là 20.000đ cho đơn < 300.000đ & miễn phí từ 300.000đ.';
      const arrived = await send(message({ text }));
      expect(arrived).toEqual([{ to: world.recipient, text, buttons: [], links: [] }]);
    });

    it('shows two choices as buttons whose labels and payloads come back', async () => {
      const buttons = [
        { label: 'Có, cảm ơn', payload: 'feedback:yes:warranty-period' },
        { label: 'Không', payload: 'feedback:no:warranty-period' },
      ];
      const arrived = await send(message({ kind: 'choices', text: 'Câu trả lời có giúp được anh/chị không?', buttons }));
      expect(arrived).toHaveLength(1);
      expect(arrived[0]!.text).toBe('Câu trả lời có giúp được anh/chị không?');
      await expectChoices(arrived, buttons);
    });

    // Ten is the most buttons an outbound message may carry (outboundMessageSchema); each
    // platform's own limit is cited where its adapter says how many it shows natively.
    it('shows ten choices, the most a message carries, natively or as numbered lines that map back', async () => {
      const buttons = choices(10);
      const arrived = await send(message({ kind: 'choices', text: 'Anh/chị hỏi về mục nào ạ?', buttons }));
      expect(arrived).toHaveLength(1);
      expect(arrived[0]!.text.startsWith('Anh/chị hỏi về mục nào ạ?')).toBe(true);
      await expectChoices(arrived, buttons);
    });

    it('keeps the payload of a choice whose label is longer than the platform shows, and a readable label', async () => {
      const buttons = [
        { label: 'Thời gian hoàn tiền sau khi trả hàng qua đường bưu điện', payload: 'article:refund-time' },
        { label: 'Gặp nhân viên', payload: 'handoff' },
      ];
      const arrived = await send(message({ kind: 'choices', text: 'Anh/chị muốn hỏi điều nào ạ?', buttons }));
      await expectChoices(arrived, buttons);
    });

    it('asks for a 1–5 rating with the five scores, each mapping back to its score', async () => {
      const buttons = ratingButtons('vi');
      const arrived = await send(message({ kind: 'rating', locale: 'vi', text: 'Anh/chị đánh giá cuộc trò chuyện này thế nào?', buttons }));
      expect(arrived).toHaveLength(1);
      expect(arrived[0]!.text.startsWith('Anh/chị đánh giá cuộc trò chuyện này thế nào?')).toBe(true);
      await expectChoices(arrived, buttons);
      if (buttons.length <= adapter.nativeButtons) expect(arrived[0]!.buttons.map((button) => button.payload)).toEqual(['csat:1', 'csat:2', 'csat:3', 'csat:4', 'csat:5']);
    });

    it(`shows a link ${adapter.links === 'clickable' ? 'as a clickable label' : 'as its URL in the text'}`, async () => {
      const link = { label: 'Xem chi tiết', url: 'https://shop.example/help/warranty-period?lang=vi' };
      const [arrived, ...more] = await send(message({ text: 'Sản phẩm được bảo hành 12 tháng.', link }));
      expect(more).toEqual([]);
      expect(arrived!.text.startsWith('Sản phẩm được bảo hành 12 tháng.')).toBe(true);
      if (adapter.links === 'clickable') {
        expect(arrived!.links).toEqual([link]);
        expect(arrived!.text).not.toContain(link.url);
      } else {
        expect(arrived!.links).toEqual([]);
        expect(arrived!.text).toContain(`${link.label}: ${link.url}`);
      }
    });

    it('delivers a text longer than one message holds in pieces that fit, losing nothing', async () => {
      const arrived = await send(message({ text: longAnswer }));
      if (!adapter.fits) {
        expect(arrived.map((delivered) => delivered.text)).toEqual([longAnswer]);
        return;
      }
      expect(adapter.fits(longAnswer)).toBe(false);
      expect(arrived.length).toBeGreaterThan(1);
      for (const delivered of arrived) expect(adapter.fits(delivered.text)).toBe(true);
      expect(ink(arrived.map((delivered) => delivered.text).join(''))).toBe(ink(longAnswer));
    });

    it('puts the choices of a long text under its last piece', async () => {
      const buttons = [
        { label: 'Có', payload: 'feedback:yes:shipping' },
        { label: 'Không', payload: 'feedback:no:shipping' },
      ];
      const arrived = await send(message({ kind: 'choices', text: longAnswer, buttons }));
      expect(ink(arrived.map((delivered) => delivered.text).join(''))).toBe(ink(longAnswer));
      await expectChoices(arrived, buttons);
    });

    if (adapter.platformErrors) platformFailures(adapter, () => world, send);
  });
}

function platformFailures(adapter: ChannelContractAdapter, world: () => ContractWorld, send: (outbound: OutboundMessage) => Promise<Delivered[]>): void {
  const hello = () => message({ text: 'Chào anh, em là Lan ạ.' });
  /** Sends while the platform fails that way; returns the error, after checking nothing arrived and the next send (recovered) does. */
  const failedSend = async (failure: PlatformFailure): Promise<ChannelSendError> => {
    const current = world();
    if (!current.fail) throw new Error(`${adapter.name} cannot fail`);
    const before = (await current.delivered()).length;
    current.fail(failure);
    const error = await current.channel.send(current.address, hello()).then(
      () => null,
      (caught: unknown) => caught,
    );
    expect((await current.delivered()).length).toBe(before);
    current.recover!();
    expect((await send(hello())).map((delivered) => delivered.text)).toEqual(['Chào anh, em là Lan ạ.']);
    expect(error).toBeInstanceOf(ChannelSendError);
    return error as ChannelSendError;
  };

  describe('when the platform refuses a send', () => {
    it('reports a 429 as retryable after the wait the platform asked for', async () => {
      const error = await failedSend({ status: 429, retryAfterSeconds: 7 });
      expect(error).toMatchObject({ permanent: false, status: 429, retryAfterMs: 7000 });
    });

    it('reports a 5xx as retryable', async () => {
      expect(await failedSend({ status: 503 })).toMatchObject({ permanent: false, status: 503 });
    });

    it('reports a 400 (a malformed or undeliverable message) as permanent', async () => {
      expect(await failedSend({ status: 400 })).toMatchObject({ permanent: true, status: 400 });
    });

    it('reports a 403 (the customer blocked the bot) as permanent', async () => {
      expect(await failedSend({ status: 403 })).toMatchObject({ permanent: true, status: 403 });
    });
  });
}
