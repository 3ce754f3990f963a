/*
 * The console's search: any conversation, resolved or another agent's, by customer, ticket
 * or words, with the filters of the search form; each result opens with one click.
 */
import { state, api, openConversation, own, customerName } from './console-state.js';
import { consoleDocuments } from './console-documents.js';

const { $, el } = window.CarelineStaff;
const { t } = window.CarelineI18n;

const renderResults = (results) => {
  const list = $('#results');
  list.replaceChildren();
  if (results.length === 0) list.append(el('li', 'none', 'No conversation found.'));
  for (const result of results) {
    const li = el('li', result.id === state.openId ? 'open' : '');
    const ticket = result.ticket ? ` · #${result.ticket.number} ${result.ticket.priority}` : '';
    const who = result.handledBy ? ` · ${result.handledBy}` : '';
    const at = new Date(result.lastMessageAt).toLocaleString([], { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
    const open = el('button', 'secondary', `${customerName(result.customer)} · ${result.channel} · ${result.state}${ticket}${who} · ${at}`);
    open.type = 'button';
    open.addEventListener('click', () => openConversation(result.id));
    li.append(open);
    if (result.matched) li.append(own(el('span', 'matched', `${t(result.matched.author)}: ${result.matched.text}`)));
    list.append(li);
  }
};

/** Wires the search form of the page's conversation list. */
export const wireSearch = () => {
  $('#search').addEventListener('submit', async (event) => {
    event.preventDefault();
    const params = new URLSearchParams();
    for (const [name, value] of new FormData(event.target)) if (String(value).trim()) params.set(name, String(value).trim());
    try {
      renderResults((await api(`/api/agent/search?${params}`, { expect: consoleDocuments.search })).results);
    } catch (error) {
      $('#results').replaceChildren(el('li', 'none', error.message));
    }
  });
};
