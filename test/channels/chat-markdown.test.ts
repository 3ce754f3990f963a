import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { chatTextOf, markdownToChatText } from '../../src/channels/chat-markdown.js';
import { renderZaloMessages } from '../../src/channels/zalo/zalo-message.js';
import { whatsappContents } from '../../src/channels/whatsapp/whatsapp-message.js';

// The bundled article with bold text and a table, as a customer's phone would show it.
const deliveryFee = readFileSync(new URL('../../knowledge-base/delivery/delivery-fee.en.md', import.meta.url), 'utf8').split(/^---$/m)[2]!.trim();

describe('knowledge-base Markdown on messengers (issue 18)', () => {
  const sample = [
    '## Paying',
    '',
    '**By credit card:** Visa & _Mastercard_, ~~cheques~~. See [our terms](https://shop.example/terms) or <https://shop.example/faq>.',
    '',
    '- in store',
    '- online',
    '  - with a code',
    '',
    '3. first',
    '4. second',
    '',
    '| Method | Fee | Arrives |',
    '|---|---|---|',
    '| Card | 0 | today |',
    '',
    'Raw <b>html</b> &amp; `code`.',
  ].join('\n');

  it('uses WhatsApp and Messenger marks: *bold*, _italic_, ~strike~, lists, links as URLs, tables as lines', () => {
    expect(markdownToChatText(sample, 'marks').split('\n')).toEqual([
      '*Paying*',
      '',
      '*By credit card:* Visa & _Mastercard_, ~cheques~. See our terms (https://shop.example/terms) or https://shop.example/faq.',
      '',
      '- in store',
      '- online',
      '  - with a code',
      '',
      '3. first',
      '4. second',
      '',
      'Card — Fee: 0; Arrives: today',
      '',
      'Raw html & `code`.',
    ]);
  });

  it('is plain text for Zalo: no marks, "•" bullets', () => {
    const plain = markdownToChatText(sample, 'plain');
    expect(plain).toContain('By credit card: Visa & Mastercard, cheques.');
    expect(plain).toContain('• online\n  • with a code');
    expect(plain).not.toMatch(/[*_~`]|\|/);
  });

  it('leaves an agent\'s own text as typed', () => {
    expect(chatTextOf({ text: 'use code *SALE* at | checkout', author: { kind: 'agent', name: 'Lan' } }, 'marks')).toBe('use code *SALE* at | checkout');
  });

  it('renders the bundled delivery-fee article on WhatsApp and Zalo without raw Markdown', () => {
    const message = { kind: 'text' as const, text: deliveryFee, buttons: [], locale: 'en' as const };
    const whatsapp = whatsappContents(message).map((content) => (content.type === 'text' ? content.text.body : '')).join('\n');
    const zalo = renderZaloMessages(message).map((part) => part.text).join('\n');
    for (const text of [whatsapp, zalo]) {
      expect(text).not.toMatch(/\*\*|\|---|^\|/m);
      expect(text).toMatch(/Within 20 km.*: 20,000/);
    }
    expect(whatsapp).toContain('*free of charge*');
  });
});
