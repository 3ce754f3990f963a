import { describe, expect, it } from 'vitest';
import { newId } from '../../src/storage/new-id.js';

describe('newId', () => {
  it('sorts in creation order, also for ids made in the same millisecond', () => {
    const ids = Array.from({ length: 5000 }, () => newId('msg'));
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids[0]).toMatch(/^msg_[0-9a-hjkmnp-tv-z]{22}$/);
  });
});
