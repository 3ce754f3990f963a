/** Escapes text for Telegram's HTML parse mode (only `&`, `<` and `>` are special there). */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Escapes a value for an HTML attribute (a link's `href`). */
export function escapeAttribute(text: string): string {
  return escapeHtml(text).replace(/"/g, '&quot;');
}

/**
 * Knowledge-base Markdown as Telegram HTML: everything escaped first, then `**bold**`,
 * `` `code` ``, `[text](https://…)` links and `#` headings become tags. Anything else
 * (tables, lists) stays readable plain text.
 */
export function markdownToTelegramHtml(markdown: string): string {
  return escapeHtml(markdown)
    .replace(/^#{1,6}\s+(.+)$/gm, '<b>$1</b>')
    .replace(/\*\*(?=\S)(.+?)\*\*/g, '<b>$1</b>')
    .replace(/`([^`\n]+)`/g, '<code>$1</code>')
    .replace(/\[([^\]\n]+)\]\((https?:\/\/[^\s)]+)\)/g, (_match, label: string, url: string) => `<a href="${url.replace(/"/g, '&quot;')}">${label}</a>`);
}
