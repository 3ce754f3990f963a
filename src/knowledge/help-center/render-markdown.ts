import { Marked, type Tokens } from 'marked';
import { isSafeUrl } from './safe-url.js';

const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => escapes[char]!);
}

/**
 * Markdown to HTML for article answers. Raw HTML in the Markdown is shown as text, and a
 * link or image whose URL is not http(s), mailto, tel or relative (`isSafeUrl`) keeps only
 * its text, so an article can never put a script URL into a page.
 */
const markdown = new Marked({
  gfm: true,
  breaks: true,
  renderer: {
    html(token: Tokens.HTML | Tokens.Tag) {
      return escapeHtml(token.text);
    },
    link(this: { parser: { parseInline(tokens: Tokens.Generic[]): string } }, token: Tokens.Link) {
      const label = this.parser.parseInline(token.tokens);
      if (!isSafeUrl(token.href)) return label;
      return `<a href="${escapeHtml(token.href)}" rel="noopener noreferrer">${label}</a>`;
    },
    image(token: Tokens.Image) {
      if (!isSafeUrl(token.href)) return escapeHtml(token.text);
      const title = token.title ? ` title="${escapeHtml(token.title)}"` : '';
      return `<img src="${escapeHtml(token.href)}" alt="${escapeHtml(token.text)}"${title}>`;
    },
  },
});

/** Renders an article's Markdown answer as safe HTML (see `markdown` above). */
export function renderMarkdown(text: string): string {
  return markdown.parse(text, { async: false });
}
