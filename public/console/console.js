/*
 * Careline agent console: queue, conversation view, replies, notes, resolve, hand back.
 * Live through the server-sent event stream /api/agent/events. Everything a customer wrote
 * is put on the page with textContent, never as HTML. This module signs in and out, holds
 * the header's controls and the keyboard shortcuts, and redraws; the parts live in:
 * queue-list.js, conversation-search.js, conversation-view.js (with transcript.js,
 * customer-panel.js, composer.js, canned-list.js) and live-events.js.
 */
import { state, api, post, send, setRefresh, isAdmin } from './console-state.js';
import { renderQueue, renderMine } from './queue-list.js';
import { wireSearch } from './conversation-search.js';
import { renderConversation } from './conversation-view.js';
import { loadCanned } from './canned-list.js';
import { connectLiveEvents } from './live-events.js';
import { consoleDocuments } from './console-documents.js';

const { $, el, wireLogin, staffNav, gate, staffLanguage } = window.CarelineStaff;
const { t } = window.CarelineI18n;

/** @type {EventSource | null} */
let events = null;

// ---- login ----
const showLogin = () => {
  $('#login').hidden = false;
  $('#app').hidden = true;
};
const logout = async () => {
  await post('/api/auth/logout');
  if (events) events.close();
  location.reload();
};
const start = (session) => {
  state.csrfToken = session.csrfToken;
  if (gate(session, 'agent', logout)) return;
  const me = (state.me = session.user);
  const language = staffLanguage(session, send);
  if (!$('header .staff-nav')) $('header').insertBefore(staffNav(me), $('#me'));
  if (!$('header .staff-language')) $('header').insertBefore(language, $('#notify'));
  api('/api/agent/status').then(({ status }) => showStatus(status), () => undefined);
  $('#audit-open').hidden = !isAdmin();
  loadCanned();
  $('#login').hidden = true;
  $('#app').hidden = false;
  $('#me').textContent = `${me.displayName} (${me.roles.join(', ')})`;
  // A link from elsewhere (the dashboard's comments) opens one conversation: /console/?conversation=ID.
  const linked = new URLSearchParams(location.search).get('conversation');
  if (linked && !state.openId) state.openId = linked;
  refresh();
  events = connectLiveEvents();
};

wireLogin(api, start, consoleDocuments.session);
$('#logout').addEventListener('click', logout);
// ---- admins: the audit log in place of the conversation ----
$('#audit-open').addEventListener('click', () => {
  state.openId = null;
  state.shown = null;
  window.CarelineAdmin.showAuditLog($('#conversation'), api);
});
// ---- online / away: an away agent gets no conversations and does not count as available ----
const showStatus = (status) => {
  const button = $('#status');
  button.dataset.status = status;
  button.textContent = status === 'away' ? t('Away') : t('Online');
  button.setAttribute('aria-pressed', String(status === 'away'));
  button.title = status === 'away' ? t('You get no conversations. Press to be online.') : t('You can be given conversations. Press to be away.');
};
$('#status').addEventListener('click', async () => {
  const next = $('#status').dataset.status === 'away' ? 'online' : 'away';
  try {
    showStatus((await post('/api/agent/status', { status: next })).status);
  } catch (error) {
    alert(error.message);
  }
});

$('#notify').addEventListener('click', () => {
  if ('Notification' in window) Notification.requestPermission();
});

wireSearch();

// ---- keyboard: Alt+N next conversation, Alt+S find, Alt+M reply as note, Alt+R resolve ----
document.addEventListener('keydown', (event) => {
  if (!event.altKey || event.ctrlKey || event.metaKey || $('#app').hidden) return;
  const key = event.key.toLowerCase();
  const click = (selector) => {
    const target = $(selector);
    if (target && !target.disabled) target.click();
  };
  if (key === 'n') {
    // The next of my conversations after the open one, else the first waiting one's Claim.
    const mine = [...document.querySelectorAll(/** @type {'button'} */ ('#mine li button'))];
    const at = mine.findIndex((button) => button.closest('li').classList.contains('open'));
    const next = mine[(at + 1) % Math.max(mine.length, 1)];
    if (next && mine.length > (at >= 0 ? 1 : 0)) next.click();
    else click('#queue li button');
  } else if (key === 's') $('#search-q').focus();
  else if (key === 'm') click('#conversation .note');
  else if (key === 'r') click('#conversation .resolve');
  else return;
  event.preventDefault();
});

// ---- redrawing: the lists, and the open conversation when asked (one redraw at a time) ----
/** @type {Promise<void> | null} */
let refreshing = null;
const refresh = async (reloadOpen = false) => {
  if (refreshing) return refreshing.then(() => refresh(reloadOpen));
  refreshing = (async () => {
    try {
      const [{ queue }, { conversations }] = await Promise.all([api('/api/agent/queue', { expect: consoleDocuments.queue }), api('/api/agent/conversations', { expect: consoleDocuments.mine })]);
      renderQueue(queue);
      renderMine(conversations);
      if (state.openId && (reloadOpen || !$('#conversation .transcript'))) renderConversation(await api(`/api/agent/conversations/${state.openId}`, { expect: consoleDocuments.conversation }));
    } catch (error) {
      if (error.status === 401) showLogin();
      else if (error.status === 404 && state.openId) {
        state.openId = null;
        $('#conversation').replaceChildren(el('p', 'empty', 'That conversation was not found.'));
      }
    } finally {
      refreshing = null;
    }
  })();
  return refreshing;
};
setRefresh(refresh);

api('/api/auth/me', { expect: consoleDocuments.session }).then(start, showLogin);
