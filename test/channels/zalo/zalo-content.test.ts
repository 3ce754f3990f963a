import { describe, expect, it } from 'vitest';
import { zaloContent } from '../../../src/channels/zalo/zalo-content.js';
import { zaloEventSchema } from '../../../src/channels/zalo/zalo-event.js';
import { zaloEventFor } from '../../support/fake-zalo.js';

const contentOf = (name: string, message: Record<string, unknown>) => zaloContent(zaloEventSchema.parse(zaloEventFor(name, '111', message)));

describe('zaloContent', () => {
  describe('when a payload is not quite as documented', () => {
    it('takes coordinates given as numbers, and keeps a location without usable ones as unsupported', () => {
      const numbers = contentOf('user_send_location', { attachments: [{ type: 'location', payload: { coordinates: { latitude: 21.0285, longitude: 105.8542 } } }] });
      expect(numbers.attachments).toEqual([{ kind: 'location', location: { latitude: 21.0285, longitude: 105.8542 } }]);
      const garbage = contentOf('user_send_location', { attachments: [{ type: 'location', payload: { coordinates: { latitude: 'north', longitude: 500 } } }] });
      expect(garbage.attachments).toEqual([{ kind: 'unsupported', summary: 'sent a location without coordinates' }]);
    });

    it('keeps a file whose size is not a number, without the size', () => {
      const { attachments } = contentOf('user_send_file', { attachments: [{ type: 'file', payload: { name: 'a.pdf', size: 'big', url: 'https://f9-zpc.zdn.vn/a.pdf' } }] });
      expect(attachments).toEqual([{ kind: 'file', fileName: 'a.pdf', url: 'https://f9-zpc.zdn.vn/a.pdf' }]);
    });

    it('keeps a business card whose description is not JSON, named by the message text', () => {
      const { text, attachments } = contentOf('user_send_business_card', { text: 'Nguyễn Văn An', attachments: [{ type: 'link', payload: { description: 'not json' } }] });
      expect(text).toBe('');
      expect(attachments).toEqual([{ kind: 'contact', contact: { name: 'Nguyễn Văn An', phones: [], emails: [] } }]);
    });

    it('keeps an attachment type it does not know, and a URL it may not store is left out', () => {
      const { attachments } = contentOf('user_send_image', { attachments: [{ type: 'hologram', payload: { url: 'javascript:alert(1)' } }] });
      expect(attachments).toEqual([{ kind: 'unsupported', summary: 'sent a hologram attachment' }]);
    });

    it('says that something came when a follower\'s media event carries nothing', () => {
      expect(contentOf('user_send_video', { attachments: [] }).attachments).toEqual([{ kind: 'unsupported', summary: 'sent a message Zalo did not describe (user_send_video)' }]);
    });
  });

  describe('when a follower shares a link with words around it', () => {
    it('reads the words', () => {
      const { text, attachments } = contentOf('user_send_link', { text: 'xem giup em cai nay https://anphat.example/a' });
      expect(text).toBe('xem giup em cai nay https://anphat.example/a');
      expect(attachments[0]).toMatchObject({ kind: 'unsupported' });
    });
  });
});
