import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { shapeOf } from '../../../src/channels/meta/value-shape.js';

describe('what a skipped webhook event leaves in the logs', () => {
  it('is its shape: keys and types, none of the customer\'s words, ids or numbers', () => {
    const event = { sender: { id: '6700000000000003' }, message: { mid: 'm_1', text: 'số tôi là 0901234567', attachments: [{ type: 'image', payload: { url: 'https://cdn/x.jpg' } }] }, timestamp: 1764000000 };
    expect(shapeOf(event)).toEqual({ sender: { id: 'string' }, message: { mid: 'string', text: 'string', attachments: ['object'] }, timestamp: 'number' });
    const batch = JSON.parse(readFileSync(new URL('../../fixtures/messenger/batch-with-malformed.json', import.meta.url), 'utf8'));
    expect(JSON.stringify(shapeOf(batch, 10))).not.toMatch(/\d{6,}|https?:/);
  });
});
