/*
 * A conversation's transcript in the console: who wrote each message and when, the article
 * and confidence behind a bot answer, the choices the bot offered, and what a customer sent
 * besides text (media through the authenticated route, cards and places as text).
 * Customers' words go on the page as text; only the server's sanitized Markdown is HTML.
 */
import { own } from './console-state.js';

const { el } = window.CarelineStaff;
const { t } = window.CarelineI18n;

// ---- what a customer sent besides text: media through the authenticated route, cards and places as text ----
const attachmentLabels = { image: 'Photo', video: 'Video', audio: 'Audio', voice: 'Voice message', file: 'File', sticker: 'Sticker', order: 'Order', notice: 'Notice', unsupported: 'Unsupported message' };
const renderAttachment = (attachment) => {
  const box = el('div', `attachment attachment-${attachment.kind}`);
  if (attachment.kind === 'location' && attachment.location) {
    const { latitude, longitude, name, address } = attachment.location;
    const map = el('a', '', `📍 ${[name, address].filter(Boolean).join(', ') || `${latitude}, ${longitude}`}`);
    map.href = `https://www.openstreetmap.org/?mlat=${encodeURIComponent(latitude)}&mlon=${encodeURIComponent(longitude)}#map=17/${encodeURIComponent(latitude)}/${encodeURIComponent(longitude)}`;
    map.target = '_blank';
    map.rel = 'noopener noreferrer';
    box.append(map);
  } else if (attachment.kind === 'contact' && attachment.contact) {
    const { name, phones = [], emails = [] } = attachment.contact;
    box.textContent = `👤 ${[name, ...phones, ...emails].filter(Boolean).join(' · ')}`;
  } else if (attachment.kind === 'reaction') {
    box.textContent = `reacted ${attachment.emoji || ''}`;
  } else if (attachment.href && (attachment.kind === 'image' || attachment.kind === 'sticker')) {
    const link = el('a');
    link.href = attachment.href;
    link.target = '_blank';
    link.rel = 'noopener';
    const image = el('img');
    image.src = attachment.href;
    image.alt = `${attachmentLabels[attachment.kind]}${attachment.emoji ? ` ${attachment.emoji}` : ''}`;
    image.loading = 'lazy';
    link.append(image);
    box.append(link);
  } else if (attachment.href) {
    const link = el('a', '', `📎 ${attachmentLabels[attachment.kind] || attachment.kind}${attachment.fileName ? `: ${attachment.fileName}` : ''}${attachment.size ? ` (${Math.ceil(attachment.size / 1024)} KB)` : ''}`);
    link.href = attachment.href;
    link.target = '_blank';
    link.rel = 'noopener';
    box.append(link);
  } else {
    box.textContent = `${attachmentLabels[attachment.kind] || attachment.kind}${attachment.emoji ? ` ${attachment.emoji}` : ''}${attachment.summary ? `: ${attachment.summary}` : ''}`;
  }
  return box;
};

/** Draws the messages of the open conversation, oldest first. */
export const renderTranscript = (list, messages) => {
  list.replaceChildren();
  for (const message of messages) {
    const li = el('li', message.author);
    const who = message.author === 'agent' ? message.authorName || t('Agent') : t(message.author);
    const at = new Date(message.at).toLocaleString([], { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
    const article = message.articleTitle ? `“${message.articleTitle}”` : message.articleId;
    const detail = message.articleId ? ` · ${t('article {title}, confidence {confidence}', { title: article, confidence: Number(message.confidence).toFixed(2) })}${message.wordedBy ? `, worded by ${message.wordedBy}` : ''}` : '';
    const head = own(el('span', 'who', `${who} · ${at}${detail}`));
    li.append(head);
    if (message.html !== undefined) {
      // The server's sanitizing Markdown renderer made this HTML (raw HTML in an answer is shown as text).
      const body = own(el('div', 'markdown'));
      body.innerHTML = message.html;
      li.append(body);
    } else li.append(own(el('span', 'text', message.text)));
    // What the bot offered (clarification choices, a rating, "did this help?"), so the agent sees what the customer saw.
    if (message.buttons && message.buttons.length) li.append(own(el('span', 'offered', t('offered: {choices}', { choices: message.buttons.join(' · ') }))));
    for (const attachment of message.attachments || []) li.append(renderAttachment(attachment));
    list.append(li);
  }
};
