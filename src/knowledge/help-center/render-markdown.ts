import { Marked, type Tokens } from 'marked';

const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => escapes[char]!);
}

const safeHref = /^(https?:|mailto:|tel:|\/|#)/i;

/**
 * Markdown to HTML for article answers. Raw HTML in the Markdown is shown as text and
 * links other than http(s), mailto, tel and relative ones are dropped, so an article can
 * never inject script into a page.
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
      if (!safeHref.test(token.href.trim())) return label;
      return `<a href="${escapeHtml(token.href)}" rel="noopener noreferrer">${label}</a>`;
    },
  },
});

export function renderMarkdown(text: string): string {
  return markdown.parse(text, { async: false });
}
