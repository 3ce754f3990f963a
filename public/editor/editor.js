/*
 * Careline knowledge-base editor: articles (list, search, filters, translations side by side,
 * drafts, publish, revisions with diff and restore), "try it", content gaps, and synonyms
 * (synonyms.js).
 * Text from customers and editors goes on the page with textContent; only the answer
 * preview is HTML, and that comes from the server's sanitizing Markdown renderer.
 * This module signs in and out, switches the tabs and starts a new article; the parts live
 * in article-list.js (with translation-card.js, article-history.js, article-form.js),
 * try-it.js and content-gaps.js.
 */
import { state, api, send, post, when, say, guarded, loadArticles, openArticle } from './editor-state.js';
import { articleForm } from './article-form.js';
import { wireFilters } from './article-list.js';
import { wireTryIt } from './try-it.js';
import { loadGaps } from './content-gaps.js';
import { editorDocuments } from './editor-documents.js';

const { $, el, wireLogin, staffNav, gate, staffLanguage } = window.CarelineStaff;

const synonyms = window.CarelineSynonyms({ api, send, say, guarded, when, documents: editorDocuments });

// ---- login ----
const logout = async () => {
  await post('/api/auth/logout');
  location.reload();
};
const start = async (session) => {
  state.csrfToken = session.csrfToken;
  if (gate(session, 'editor', logout)) return;
  const language = staffLanguage(session, send);
  if (!$('header .staff-nav')) $('header').insertBefore(staffNav(session.user), $('#me'));
  if (!$('header .staff-language')) $('header').insertBefore(language, $('#logout'));
  $('#login').hidden = true;
  $('#app').hidden = false;
  $('#me').textContent = `${session.user.displayName} (${session.user.roles.join(', ')})`;
  await loadArticles();
};
wireLogin(api, start);
$('#logout').addEventListener('click', logout);

// ---- tabs ----
for (const tab of document.querySelectorAll(/** @type {'button'} */ ('.tab'))) {
  tab.addEventListener('click', () => {
    for (const other of document.querySelectorAll('.tab')) other.setAttribute('aria-pressed', String(other === tab));
    for (const name of ['articles', 'try', 'gaps', 'synonyms']) $(`#tab-${name}`).hidden = name !== tab.dataset.tab;
    say('');
    if (tab.dataset.tab === 'gaps') guarded(loadGaps)();
    if (tab.dataset.tab === 'synonyms') guarded(synonyms.load)();
  });
}

wireFilters();
wireTryIt();

// ---- new article ----
$('#new-article').addEventListener('click', () => {
  state.openSlug = null;
  const section = $('#article');
  section.replaceChildren(el('h2', '', 'New article'));
  section.append(
    articleForm({}, async (input) => {
      await post('/api/editor/articles', input);
      say(`Created ${input.slug} (${input.locale}) as a draft; publish it when it is ready.`);
      await loadArticles();
      await openArticle(input.slug);
    }),
  );
});

// ---- start: resume a session if there is one ----
api('/api/auth/me', { expect: editorDocuments.session }).then(start, () => {
  $('#login').hidden = false;
});
