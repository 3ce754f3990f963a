import { describe, expect, it } from 'vitest';
import { isSafeUrl } from '../../../src/knowledge/help-center/safe-url.js';

describe('isSafeUrl', () => {
  it('allows http(s), mailto, tel and relative URLs', () => {
    for (const url of ['https://shop.example/a', 'HTTP://shop.example', 'mailto:care@shop.example', 'tel:+841800', '/help/x', 'other-article', '#part', '?lang=en', '//cdn.example/x.png', 'a/b:c']) expect(isSafeUrl(url), url).toBe(true);
  });

  it('refuses every other scheme, however it is spelled', () => {
    for (const url of ['javascript:alert(1)', 'JavaScript:alert(1)', ' javascript:alert(1)', '\u0001javascript:alert(1)', 'java\tscript:alert(1)', 'java\nscript:alert(1)', 'vbscript:msgbox(1)', 'data:text/html,<b>', 'data:image/png;base64,AA', 'file:///etc/passwd', 'java\u0000script:x']) expect(isSafeUrl(url), JSON.stringify(url)).toBe(false);
  });
});
