import { describe, expect, it } from 'vitest';
import { outboundMessageSchema, type OutboundMessage } from '../../../src/core/messages.js';
import { whatsappContents } from '../../../src/channels/whatsapp/whatsapp-message.js';

const message = (input: Partial<OutboundMessage>) => outboundMessageSchema.parse({ text: 'Chọn một mục', ...input });
const rating = [1, 2, 3, 4, 5].map((score) => ({ label: `${'★'.repeat(score)} ${['Rất tệ', 'Tệ', 'Bình thường', 'Hài lòng', 'Rất hài lòng'][score - 1]}`, payload: `csat:${score}` }));

describe('whatsappContents', () => {
  it('sends plain text, with a link preview when there is a link', () => {
    expect(whatsappContents(message({ text: 'Xin chào' }))).toEqual([{ type: 'text', text: { body: 'Xin chào', preview_url: false } }]);
    const [linked] = whatsappContents(message({ text: 'Bảo hành 12 tháng', link: { label: 'Xem chi tiết', url: 'https://shop.example/help/warranty' } }));
    expect(linked).toEqual({ type: 'text', text: { body: 'Bảo hành 12 tháng\n\nXem chi tiết: https://shop.example/help/warranty', preview_url: true } });
  });

  it('uses reply buttons for up to 3 short choices', () => {
    const [content] = whatsappContents(message({ kind: 'choices', buttons: [{ label: 'Có', payload: 'feedback:yes:x' }, { label: 'Không', payload: 'feedback:no:x' }] }));
    expect(content).toEqual({
      type: 'interactive',
      interactive: {
        type: 'button',
        body: { text: 'Chọn một mục' },
        action: { buttons: [{ type: 'reply', reply: { id: 'feedback:yes:x', title: 'Có' } }, { type: 'reply', reply: { id: 'feedback:no:x', title: 'Không' } }] },
      },
    });
  });

  it('uses a list when there are more than 3 choices or a label longer than a button allows, showing long labels whole below the title', () => {
    const long = 'Thời gian hoàn tiền sau khi trả hàng';
    const [content] = whatsappContents(message({ kind: 'choices', locale: 'vi', buttons: [{ label: long, payload: 'article:refund-time' }, { label: 'Gặp nhân viên', payload: 'handoff' }] }));
    expect(content).toMatchObject({ type: 'interactive', interactive: { type: 'list', action: { button: 'Chọn' } } });
    const rows = (content as { interactive: { action: { sections: { rows: unknown[] }[] } } }).interactive.action.sections[0]!.rows;
    expect(rows).toEqual([
      { id: 'article:refund-time', title: 'Thời gian hoàn tiền sau…', description: long },
      { id: 'handoff', title: 'Gặp nhân viên' },
    ]);
  });

  it('asks for a CSAT rating with an interactive list of 5 rows', () => {
    const [content] = whatsappContents(message({ kind: 'rating', locale: 'en', text: 'How did we do?', buttons: rating }));
    expect(content).toMatchObject({ type: 'interactive', interactive: { type: 'list', body: { text: 'How did we do?' }, action: { button: 'Rate' } } });
    const rows = (content as { interactive: { action: { sections: { rows: { id: string; title: string }[] }[] } } }).interactive.action.sections[0]!.rows;
    expect(rows.map((row) => row.id)).toEqual(['csat:1', 'csat:2', 'csat:3', 'csat:4', 'csat:5']);
    for (const row of rows) expect([...row.title].length).toBeLessThanOrEqual(24);
  });

  it('sends a text too long for an interactive body first, and its end as the body', () => {
    const paragraphs = Array.from({ length: 12 }, (_, i) => `Đoạn ${i + 1}: ${'nội dung dài '.repeat(10).trim()}.`);
    const contents = whatsappContents(message({ text: paragraphs.join('\n\n'), buttons: [{ label: 'Có', payload: 'yes' }] }));
    expect(contents.map((content) => content.type)).toEqual(['text', 'interactive']);
    const [first, last] = contents as unknown as [{ text: { body: string } }, { interactive: { body: { text: string } } }];
    expect(last.interactive.body.text.length).toBeLessThanOrEqual(1024);
    expect(`${first.text.body}\n\n${last.interactive.body.text}`).toBe(paragraphs.join('\n\n'));
  });

  it('names the agent who writes', () => {
    expect(whatsappContents(message({ text: 'Em kiểm tra ngay ạ', author: { kind: 'agent', name: 'Lan' } }))[0]).toMatchObject({ text: { body: 'Lan: Em kiểm tra ngay ạ' } });
  });
});
