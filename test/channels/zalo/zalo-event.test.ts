import { describe, expect, it } from 'vitest';
import { zaloEventSchema } from '../../../src/channels/zalo/zalo-event.js';
import { zaloText } from '../../support/fake-zalo.js';

describe('zaloEventSchema', () => {
  describe('when a follower\'s text is longer than a transcript line holds', () => {
    it('keeps the event and cuts the text to 8,000 characters', () => {
      const parsed = zaloEventSchema.safeParse(zaloText('8888', 'x'.repeat(9000)));
      expect(parsed.success).toBe(true);
      expect(parsed.data?.message?.text).toHaveLength(8000);
    });
  });
});
