/*
 * The editor's article list: search and filters (language, category, status), each article
 * with its language, status and whether it has unpublished changes; and the open article,
 * its translations side by side (translation-card.js), a missing one offered for writing.
 */
import { state, api, guarded, provideArticles } from './editor-state.js';
import { editorDocuments } from './editor-documents.js';
import { translationCard, missingCard } from './translation-card.js';

const { $, el } = window.CarelineStaff;

const fillSelect = (select, values) => {
  const current = select.value;
  select.replaceChildren(select.options[0]);
  for (const value of values) select.append(new Option(value, value));
  select.value = values.includes(current) ? current : '';
};
const loadArticles = async () => {
  const form = new FormData($('#filters'));
  const query = new URLSearchParams([...form].filter(([, value]) => value).map(([name, value]) => [name, String(value)]));
  const { articles, categories, locales: supported } = await api(`/api/editor/articles?${query}`, { expect: editorDocuments.articles });
  state.locales = supported;
  fillSelect($('#filter-locale'), supported);
  fillSelect($('#filter-category'), categories);
  if ($('#try-locale').options.length === 1) for (const locale of supported) $('#try-locale').append(new Option(locale, locale));
  $('#article-count').textContent = `${articles.length} article${articles.length === 1 ? '' : 's'}`;
  const list = $('#article-list');
  list.replaceChildren();
  for (const article of articles) {
    const li = el('li', article.slug === state.openSlug ? 'open' : '');
    li.dataset.slug = article.slug;
    li.dataset.locale = article.locale;
    const head = el('div');
    head.append(el('span', 'badge', article.locale), el('span', `badge ${article.status}`, article.status));
    if (article.hasDraft) head.append(el('span', 'badge pending', 'unpublished changes'));
    li.append(head, el('span', 'title', article.title), el('small', '', `${article.slug} · ${article.category} · rev ${article.revision}`));
    li.addEventListener('click', guarded(() => openArticle(article.slug)));
    list.append(li);
  }
};

const openArticle = async (slug) => {
  state.openSlug = slug;
  for (const li of document.querySelectorAll(/** @type {'li'} */ ('#article-list li'))) li.classList.toggle('open', li.dataset.slug === slug);
  const view = await api(`/api/editor/articles/${encodeURIComponent(slug)}`, { expect: editorDocuments.article });
  const section = $('#article');
  section.replaceChildren(el('h2', '', slug));
  const grid = el('div', 'translations');
  const first = Object.values(view.translations)[0];
  for (const locale of state.locales) {
    const translation = view.translations[locale];
    grid.append(translation ? translationCard(slug, locale, translation) : missingCard(slug, locale, first.article));
  }
  section.append(grid);
};

provideArticles({ loadArticles, openArticle });

/** Lists the articles again a moment after the filters change. */
export const wireFilters = () => {
  let filterTimer = null;
  $('#filters').addEventListener('input', () => {
    clearTimeout(filterTimer);
    filterTimer = setTimeout(guarded(loadArticles), 200);
  });
  $('#filters').addEventListener('submit', (event) => event.preventDefault());
};
