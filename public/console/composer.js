/*
 * The composer of an open conversation: the reply box (Enter sends, Shift+Enter a new line,
 * typing shown to the customer), internal notes, the knowledge-base search whose answers
 * are inserted at the cursor, and the actions: transfer (to a colleague chosen first, after
 * a confirmation), resolve, hand back to the bot.
 */
import { state, api, post, refresh, isOwned, own, customerName } from './console-state.js';
import { consoleDocuments } from './console-documents.js';

const { $, el } = window.CarelineStaff;
const { t } = window.CarelineI18n;

/** An action's button: done, then the conversation is reloaded; a refusal is shown. */
const act = (fn) => async () => {
  try {
    await fn();
    refresh(true);
  } catch (error) {
    alert(error.message);
  }
};

const wireReply = (section, form, text) => {
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const value = text.value.trim();
    if (!value) return;
    text.value = '';
    act(() => post(`/api/agent/conversations/${state.openId}/messages`, { text: value }))();
  });
  text.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
      form.requestSubmit();
    }
  });
  $('.note', section).addEventListener('click', act(async () => {
    const value = text.value.trim();
    if (!value) return;
    text.value = '';
    await post(`/api/agent/conversations/${state.openId}/notes`, { text: value });
  }));
  // Let the customer see that someone is typing (at most every 3 s).
  let typingSentAt = 0;
  text.addEventListener('input', () => {
    if (!isOwned(state.shown.data) || Date.now() - typingSentAt < 3000) return;
    typingSentAt = Date.now();
    post(`/api/agent/conversations/${state.openId}/typing`).catch(() => undefined);
  });
};

// The knowledge base, searched in the conversation's language.
const wireKnowledgeSearch = (section, text) => {
  $('.kb-search', section).addEventListener('submit', async (event) => {
    event.preventDefault();
    const q = $('#kb-query', section).value.trim();
    if (!q) return;
    const { conversation } = state.shown.data;
    const locale = conversation.locale ? `&locale=${encodeURIComponent(conversation.locale)}` : '';
    const { results } = await api(`/api/agent/knowledge?q=${encodeURIComponent(q)}${locale}`);
    const list = $('.kb-results', section);
    list.replaceChildren();
    for (const result of results) {
      const li = el('li');
      const insert = el('button', 'secondary', 'Insert');
      insert.type = 'button';
      // Inserted where the cursor is, so what the agent already wrote stays.
      insert.addEventListener('click', () => {
        const start = text.selectionStart ?? text.value.length;
        const end = text.selectionEnd ?? start;
        const before = text.value.slice(0, start);
        const spacer = before && !/\s$/.test(before) ? '\n\n' : '';
        text.value = `${before}${spacer}${result.answer}${text.value.slice(end)}`;
        text.focus();
        text.selectionStart = text.selectionEnd = before.length + spacer.length + result.answer.length;
      });
      li.append(own(el('strong', '', `${result.title} (${result.locale}, ${result.confidence.toFixed(2)})`)), own(el('span', '', result.answer.slice(0, 200))), insert);
      list.append(li);
    }
    if (results.length === 0) list.append(el('li', '', 'No matching article.'));
  });
};

const wireActions = (section, data) => {
  // Transfer: nobody is chosen until the agent picks a colleague, and it asks before it sends.
  const transferTo = $('.transfer-to', section);
  const transferButton = $('.transfer', section);
  const nobody = el('option', '', 'Transfer to…');
  nobody.value = '';
  transferTo.append(nobody);
  transferTo.addEventListener('change', () => {
    transferButton.disabled = !transferTo.value;
  });
  api('/api/agent/agents', { expect: consoleDocuments.agents }).then(({ agents }) => {
    for (const agent of agents.filter((candidate) => candidate.id !== state.me.id)) {
      const option = own(el('option', '', agent.online ? t('{name} (online)', { name: agent.displayName }) : agent.displayName));
      option.value = agent.id;
      option.dataset.name = agent.displayName;
      transferTo.append(option);
    }
  }, () => undefined);
  transferButton.addEventListener('click', act(async () => {
    const chosen = transferTo.selectedOptions[0];
    if (!transferTo.value || !chosen) return;
    if (!confirm(t('Transfer {customer} to {name}? They are told at once.', { customer: customerName(data.customer), name: chosen.dataset.name }))) return;
    await post(`/api/agent/conversations/${state.openId}/transfer`, { toUserId: transferTo.value });
  }));
  $('.resolve', section).addEventListener('click', act(() => post(`/api/agent/conversations/${state.openId}/resolve`)));
  $('.handback', section).addEventListener('click', act(() => post(`/api/agent/conversations/${state.openId}/handback`)));
};

/** Wires the reply form, the knowledge search and the actions of a newly opened conversation. */
export const wireComposer = (section, data) => {
  const form = $('form.reply', section);
  const text = $('textarea', form);
  wireReply(section, form, text);
  wireKnowledgeSearch(section, text);
  wireActions(section, data);
  return text;
};
