import { describe, expect, it } from 'vitest';
import { toCallbackData } from '../../src/channels/telegram/telegram-callback-data.js';
import { renderForTelegram, splitHtml } from '../../src/channels/telegram/telegram-render.js';

describe('renderForTelegram', () => {
  it('escapes what an agent writes for HTML parse mode and names the agent', () => {
    const [part] = renderForTelegram({ kind: 'text', text: 'a <i>b</i> & c', buttons: [], author: { kind: 'agent', name: 'Lan' } });
    expect(part!.html).toBe('<b>Lan</b>\na &lt;i&gt;b&lt;/i&gt; &amp; c');
  });

  it('turns the bot\'s Markdown into tags, and keeps what is not Markdown escaped', () => {
    const [part] = renderForTelegram({ kind: 'text', text: '## Fees\n**Free** over 500k <VIP> [see](https://x.example/a?b=1&c=2) `CODE`', buttons: [], author: { kind: 'bot' } });
    expect(part!.html).toBe('<b>Fees</b>\n<b>Free</b> over 500k &lt;VIP&gt; <a href="https://x.example/a?b=1&amp;c=2">see</a> <code>CODE</code>');
  });

  it('shows a rating prompt as one row of buttons and choices one per row', () => {
    const buttons = [1, 2, 3, 4, 5].map((score) => ({ label: '★'.repeat(score), payload: `csat:${score}` }));
    expect(renderForTelegram({ kind: 'rating', text: 'How did we do?', buttons })[0]!.keyboard).toEqual([buttons.map((button) => ({ text: button.label, callback_data: button.payload }))]);
    expect(renderForTelegram({ kind: 'choices', text: 'Which?', buttons: buttons.slice(0, 2) })[0]!.keyboard).toHaveLength(2);
  });

  it('splits a long answer into parts under 4,096 characters, keyboard on the last', () => {
    const paragraph = `${'Giao hàng miễn phí & nhanh. '.repeat(40)}\n\n`;
    const parts = renderForTelegram({ kind: 'text', text: `**Start** ${paragraph.repeat(12)}`, buttons: [{ label: 'Yes', payload: 'feedback:yes:x' }] });
    expect(parts.length).toBeGreaterThan(2);
    for (const part of parts) expect(part.html.length).toBeLessThanOrEqual(4096);
    expect(parts.slice(0, -1).every((part) => part.keyboard === undefined)).toBe(true);
    expect(parts.at(-1)!.keyboard).toHaveLength(1);
    expect(parts.map((part) => part.html).join('')).not.toMatch(/&(?!amp;)/);
  });

  it('never cuts inside a tag or an entity, and reopens a tag it had to close', () => {
    const parts = splitHtml(`<b>${'x&amp;y '.repeat(30)}</b>`, 100);
    for (const part of parts) {
      expect(part.length).toBeLessThanOrEqual(100);
      expect(part.startsWith('<b>')).toBe(true);
      expect(part.endsWith('</b>')).toBe(true);
      expect(part).not.toMatch(/&(?!amp;)|&amp(?!;)/);
    }
  });
});

describe('toCallbackData', () => {
  it('keeps a payload up to 64 bytes and hashes a longer one to fit', () => {
    expect(toCallbackData('article:delivery-fee')).toBe('article:delivery-fee');
    const long = `feedback:yes:${'hướng-dẫn-lắp-đặt-điều-hòa'.repeat(3)}`;
    const data = toCallbackData(long);
    expect(Buffer.byteLength(data)).toBeLessThanOrEqual(64);
    expect(data.startsWith('#')).toBe(true);
    expect(toCallbackData(long)).toBe(data);
  });
});
