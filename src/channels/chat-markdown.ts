import { Lexer, type Token, type Tokens } from 'marked';
import type { OutboundMessage } from '../core/messages.js';

/**
 * How a messenger shows formatted text: `marks` is the `*bold*` / `_italic_` / `~strike~`
 * convention of WhatsApp, Messenger and Instagram; `plain` is text only (Zalo).
 */
export type ChatTextStyle = 'marks' | 'plain';

const entities: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&nbsp;': ' ' };
const decode = (text: string) => text.replace(/&(?:amp|lt|gt|quot|#39|nbsp);/g, (entity) => entities[entity]!);

/** Wraps text in a mark (`*`, `_`, `~`) the way WhatsApp reads it: no space just inside the marks. */
function mark(text: string, symbol: string, style: ChatTextStyle): string {
  const trimmed = text.trim();
  if (style === 'plain' || trimmed === '') return text;
  const lead = text.slice(0, text.indexOf(trimmed));
  const tail = text.slice(lead.length + trimmed.length);
  return `${lead}${symbol}${trimmed}${symbol}${tail}`;
}

function inline(tokens: Token[] | undefined, style: ChatTextStyle): string {
  return (tokens ?? []).map((token) => inlineToken(token, style)).join('');
}

function inlineToken(token: Token, style: ChatTextStyle): string {
  switch (token.type) {
    case 'strong':
      return mark(inline(token.tokens, style), '*', style);
    case 'em':
      return mark(inline(token.tokens, style), '_', style);
    case 'del':
      return mark(inline(token.tokens, style), '~', style);
    case 'codespan':
      return style === 'marks' ? `\`${decode(token.text)}\`` : decode(token.text);
    case 'br':
      return '\n';
    case 'link': {
      const label = inline(token.tokens, style).trim();
      const href = (token as Tokens.Link).href;
      // A link is its plain URL, which every messenger makes clickable; its words stay in front.
      return label === '' || label === href || `mailto:${label}` === href ? href.replace(/^mailto:/, '') : `${label} (${href.replace(/^mailto:/, '')})`;
    }
    case 'image': {
      const { href, text } = token as Tokens.Image;
      return text ? `${decode(text)} (${href})` : href;
    }
    case 'html':
      return '';
    case 'text':
    case 'escape':
      return 'tokens' in token && token.tokens ? inline(token.tokens, style) : decode(token.text);
    default:
      return 'text' in token && typeof token.text === 'string' ? decode(token.text) : '';
  }
}

function list(token: Tokens.List, style: ChatTextStyle, depth: number): string {
  const start = typeof token.start === 'number' ? token.start : 1;
  return token.items
    .map((item, index) => {
      const bullet = token.ordered ? `${start + index}.` : style === 'marks' ? '-' : '•';
      const indent = '  '.repeat(depth);
      const nested: string[] = [];
      const own: string[] = [];
      for (const child of item.tokens) {
        if (child.type === 'list') nested.push(list(child as Tokens.List, style, depth + 1));
        else {
          const text = block(child, style, depth).trim();
          if (text) own.push(text);
        }
      }
      const checkbox = item.task ? (item.checked ? '☑ ' : '☐ ') : '';
      return [`${indent}${bullet} ${checkbox}${own.join(' ').replace(/\n/g, `\n${indent}  `)}`, ...nested].join('\n');
    })
    .join('\n');
}

/**
 * A table as one line per row, "label: value" (the first cell names the row; with more
 * than two columns, "label — header: value; header: value"), since no messenger shows
 * tables and `|---|` rows are unreadable on a phone.
 */
function table(token: Tokens.Table, style: ChatTextStyle): string {
  const headers = token.header.map((cell) => inline(cell.tokens, style).trim());
  return token.rows
    .map((row) => {
      const cells = row.map((cell) => inline(cell.tokens, style).trim());
      const [label, ...values] = cells;
      if (values.length === 0) return label ?? '';
      if (values.length === 1) return `${label}: ${values[0]}`;
      return `${label} — ${values.map((value, index) => (headers[index + 1] ? `${headers[index + 1]}: ${value}` : value)).join('; ')}`;
    })
    .join('\n');
}

function block(token: Token, style: ChatTextStyle, depth = 0): string {
  switch (token.type) {
    case 'heading':
      return style === 'marks' ? mark(inline(token.tokens, style), '*', style) : inline(token.tokens, style);
    case 'paragraph':
      return inline(token.tokens, style);
    case 'text':
      return 'tokens' in token && token.tokens ? inline(token.tokens, style) : decode(token.text);
    case 'list':
      return list(token as Tokens.List, style, depth);
    case 'table':
      return table(token as Tokens.Table, style);
    case 'blockquote': {
      const inner = blocks((token as Tokens.Blockquote).tokens, style);
      return style === 'marks' ? inner.split('\n').map((line) => `> ${line}`).join('\n') : inner;
    }
    case 'code':
      return style === 'marks' ? `\`\`\`\n${token.text}\n\`\`\`` : token.text;
    case 'hr':
      return '———';
    case 'space':
    case 'html':
    case 'def':
      return '';
    default:
      return 'text' in token && typeof token.text === 'string' ? decode(token.text) : '';
  }
}

function blocks(tokens: Token[], style: ChatTextStyle): string {
  return tokens
    .map((token) => block(token, style))
    .filter((text) => text.trim() !== '')
    .join('\n\n');
}

/**
 * Knowledge-base Markdown as a messenger's own text: bold, italic and strike-through as its
 * marks (or none for plain text), headings bold, lists as "- " / "1. " lines, links as their
 * plain URL after their words, tables as "label: value" lines, raw HTML dropped.
 */
export function markdownToChatText(markdown: string, style: ChatTextStyle): string {
  return blocks(new Lexer({ gfm: true }).lex(markdown), style);
}

/** A message's text for a messenger: the bot's Markdown rendered in the style; an agent's or a system text as written. */
export function chatTextOf(message: Pick<OutboundMessage, 'text' | 'author'>, style: ChatTextStyle): string {
  return message.author === undefined || message.author.kind === 'bot' ? markdownToChatText(message.text, style) : message.text;
}
