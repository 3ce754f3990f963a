import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/knowledge/help-center/render-markdown.js';

describe('renderMarkdown', () => {
  it('renders bold, lists and http links', () => {
    const html = renderMarkdown('**24 tháng**\n\n- one\n- two\n\n[site](https://anphat.example)');
    expect(html).toContain('<strong>24 tháng</strong>');
    expect(html).toContain('<li>one</li>');
    expect(html).toContain('<a href="https://anphat.example" rel="noopener noreferrer">site</a>');
  });

  it('shows raw HTML as text and drops script links', () => {
    const html = renderMarkdown('<script>alert(1)</script>\n\nHi <img src=x onerror=alert(1)> [x](javascript:alert(1))');
    expect(html).not.toMatch(/<script|<img|href="javascript/);
    expect(html).toContain('&lt;script&gt;');
  });
});
