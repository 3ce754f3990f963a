/*
 * The open conversation: built from the page's template when another conversation (or
 * another customer) opens, else updated in place, so a live update never wipes the agent's
 * draft, search or choices. Shows the channel, state and ticket with its SLA, the transcript,
 * notes, the survey rating, and earlier conversations of the same person.
 */
import { state, openConversation, isOwned, platformOwned, own, ticketSlaText } from './console-state.js';
import { markSeen } from './queue-list.js';
import { renderTranscript } from './transcript.js';
import { buildCustomerPanel, updateCustomerPanel } from './customer-panel.js';
import { wireCanned } from './canned-list.js';
import { wireComposer } from './composer.js';

const { $, el } = window.CarelineStaff;
const { t } = window.CarelineI18n;

/** The section of a newly opened conversation, its forms wired to the latest data shown. */
const buildConversation = (data) => {
  const section = $('#conversation');
  section.replaceChildren($('#conversation-template').content.cloneNode(true));
  buildCustomerPanel(section, data);
  const text = wireComposer(section, data);
  // The team's canned responses: listed, added and removed here; offered after "/" in the reply box.
  wireCanned(section, text);
  return section;
};

// Earlier conversations of the same person, each with who handled it, opened with one click.
const previousItem = (previous) => {
  const li = el('li', '');
  const open = el('button', 'secondary', t('Open'));
  open.type = 'button';
  open.addEventListener('click', () => openConversation(previous.id));
  const handled = previous.handledBy ? ` · ${t('handled by {name}', { name: previous.handledBy })}` : '';
  li.append(own(el('span', '', `${previous.channel} · ${previous.state} · ${new Date(previous.createdAt).toLocaleString()}${handled} · ${t('{n} messages', { n: previous.messages.length })}: ${previous.messages.map((m) => m.text).slice(0, 3).join(' / ')}`)), open);
  return li;
};

/** The parts of the conversation that change while it is open. */
const updateConversation = (section, data) => {
  const ticket = data.ticket;
  updateCustomerPanel(section, data);
  $('.meta', section).textContent = [`${data.conversation.channel}`, t('state: {state}', { state: data.conversation.state }), platformOwned(data) ? t("answered from the platform's own app (the bot is silent; hand it back to let the bot answer)") : '', ticket ? t('ticket #{number} · {priority} · {reason}', { number: ticket.number, priority: t(ticket.priority), reason: ticket.reason }) : '', ticket ? ticketSlaText(ticket) : ''].filter(Boolean).join(' · ');
  renderTranscript($('.transcript', section), data.messages);
  own($('.notes', section)).replaceChildren(...((ticket && ticket.notes) || []).map((note) => el('li', '', note.text)));
  $('.previous', section).replaceChildren(...data.previousConversations.map(previousItem));
  // The customer's survey answer on this conversation.
  const rating = $('.rating', section);
  rating.hidden = !data.csat;
  if (data.csat) rating.replaceChildren(el('strong', '', `${t('Rating')}: ${'★'.repeat(data.csat.score)}${'☆'.repeat(5 - data.csat.score)} ${data.csat.score}/5`), ...(data.csat.comment ? [own(el('span', '', ` “${data.csat.comment}”`))] : []));
  const owned = isOwned(data);
  for (const control of section.querySelectorAll('.actions button, .actions select')) control.disabled = !owned && !control.classList.contains('note') && !(platformOwned(data) && control.classList.contains('handback'));
  // Transfer needs a colleague chosen first.
  const transferTo = $('.transfer-to', section);
  if (!transferTo.value) $('.transfer', section).disabled = true;
  const transcript = $('.transcript', section);
  transcript.lastElementChild && transcript.lastElementChild.scrollIntoView({ block: 'nearest' });
};

/** Shows the conversation (`GET /api/agent/conversations/:id`), built anew or updated in place. */
export const renderConversation = (data) => {
  markSeen(data.conversation.id);
  const key = `${data.conversation.id}/${data.customer ? data.customer._id : ''}`;
  const { shown } = state;
  if (!shown || shown.key !== key || !document.contains(shown.section)) state.shown = { key, section: buildConversation(data), data };
  state.shown.data = data;
  updateConversation(state.shown.section, data);
};
