/*
 * The team's canned responses in the console: loaded once signed in, listed, added and
 * removed in the conversation's "Canned responses" panel, offered after "/" in the reply
 * box (canned-picker.js) with {customer.name}, {agent.name} and {ticket.number} filled in.
 */
import { state, api, post, send, own } from './console-state.js';
import { consoleDocuments } from './console-documents.js';

const { $, el } = window.CarelineStaff;

/** @type {{ id: string; shortcut: string; text: string; locale?: string }[]} */
let canned = [];
/** What {customer.name} reads per language when the name is unknown, in the shop's persona. */
let unnamedCustomer = {};

const renderCannedList = (list) => {
  list.replaceChildren();
  for (const response of canned) {
    const li = el('li', '');
    const remove = el('button', 'secondary', 'Delete');
    remove.type = 'button';
    remove.setAttribute('aria-label', `Delete /${response.shortcut}`);
    remove.addEventListener('click', async () => {
      await send('DELETE', `/api/agent/canned-responses/${encodeURIComponent(response.id)}`).catch((error) => alert(error.message));
      loadCanned();
    });
    li.append(el('strong', '', `/${response.shortcut}`), own(el('span', '', `${response.locale ? ` (${response.locale})` : ''} ${response.text}`)), remove);
    list.append(li);
  }
};

/** Loads the team's responses and redraws every list of them on the page. */
export const loadCanned = () => api('/api/agent/canned-responses', { expect: consoleDocuments.canned }).then(({ responses, unnamedCustomer: unnamed }) => {
  canned = responses;
  unnamedCustomer = unnamed || {};
  for (const list of document.querySelectorAll('.canned-list')) renderCannedList(list);
}, () => undefined);

/** Wires the reply box's "/" picker and the canned-responses panel of a newly opened conversation. */
export const wireCanned = (section, textarea) => {
  window.CarelineCanned.attach(textarea, {
    responses: () => canned,
    context: () => ({ customerName: state.shown.data.customer && state.shown.data.customer.displayName, agentName: state.me.displayName, ticketNumber: state.shown.data.ticket && state.shown.data.ticket.number, locale: state.shown.data.conversation.locale, unnamed: unnamedCustomer[state.shown.data.conversation.locale] }),
  });
  renderCannedList($('.canned-list', section));
  $('.canned-add', section).addEventListener('submit', async (event) => {
    event.preventDefault();
    const add = event.target;
    const status = $('.canned-status', section);
    try {
      await post('/api/agent/canned-responses', { shortcut: add.elements.shortcut.value, text: add.elements.text.value, ...(add.elements.locale.value ? { locale: add.elements.locale.value } : {}) });
      add.reset();
      status.textContent = 'Saved.';
      loadCanned();
    } catch (error) {
      status.textContent = error.message;
    }
  });
};
