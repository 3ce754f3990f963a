/*
 * One translation of an article in the editor: its form with the answer's preview, save as
 * draft, publish, discard, archive, history; a save refused because someone else saved first
 * shows what they changed and offers their version or overwriting it. A missing translation
 * is a card that starts one.
 */
import { send, post, api, button, when, say, guarded, loadArticles, openArticle } from './editor-state.js';
import { editorDocuments } from './editor-documents.js';
import { contentOf, fillForm, previewInto, stored } from './article-form.js';
import { diffInto, showHistory } from './article-history.js';

const { $, el } = window.CarelineStaff;

/** The card of a stored translation (`{ article, draft }` as GET /api/editor/articles/:slug gives it). */
export const translationCard = (slug, locale, { article, draft }) => {
  const card = $('#translation-template').content.firstElementChild.cloneNode(true);
  card.dataset.locale = locale;
  $('.locale', card).textContent = locale;
  const state = $('.state', card);
  state.append(el('span', `badge ${article.status}`, article.status), el('small', '', ` rev ${article.revision} · ${when(article.updatedAt)}`));
  if (draft) state.append(el('span', 'badge pending', 'unpublished changes'));
  const form = $('.article-form', card);
  fillForm(form, draft || article);
  const render = previewInto(form);
  render();
  $('.discard', card).hidden = !draft;
  // The version this card was loaded at: saves and publishes are refused (409) once someone else moved it on.
  let base = { baseRevision: article.revision, baseDraftRevision: draft ? draft.revision : null };
  // Publishing needs something new: a draft, an unpublished article, or changes in the form.
  const changed = () => JSON.stringify(contentOf(form)) !== JSON.stringify(stored(draft || article));
  const showPublish = () => ($('.publish', card).hidden = article.status === 'published' && !draft && !changed());
  showPublish();
  form.addEventListener('input', showPublish);
  $('.archive', card).hidden = article.status === 'archived';
  const act = (work, message) => {
    const run = guarded(async () => {
      $('.form-error', card).textContent = '';
      try {
        await work();
      } catch (error) {
        if (error.code === 'edit_conflict') {
          showConflict(card, error, { reload: () => reloadCard(card, slug, locale), overwrite: () => ((base = { baseRevision: error.details.current.revision, baseDraftRevision: error.details.current.draftRevision }), run()) });
        } else $('.form-error', card).textContent = error.message;
        throw error;
      }
      say(message);
      await loadArticles();
      await openArticle(slug);
    });
    return run;
  };
  const save = () => send('PUT', `/api/editor/articles/${slug}/${locale}`, { ...contentOf(form), ...base });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    act(save, `Saved ${slug} (${locale}) as a draft.`)();
  });
  $('.publish', card).addEventListener('click', async () => {
    // Publish what is in the form: saved as the draft first (from this card's version) when there is one or the form changed.
    act(async () => {
      let published = base;
      if (changed() || draft) {
        const saved = await save();
        published = { baseRevision: saved.article.revision, baseDraftRevision: saved.draft ? saved.draft.revision : null };
      }
      await post(`/api/editor/articles/${slug}/${locale}/publish`, published);
    }, `Published ${slug} (${locale}): the bot answers with it now.`)();
  });
  $('.discard', card).addEventListener('click', act(() => send('DELETE', `/api/editor/articles/${slug}/${locale}/draft`), 'Draft discarded.'));
  $('.archive', card).addEventListener('click', act(() => post(`/api/editor/articles/${slug}/${locale}/archive`), `Archived ${slug} (${locale}).`));
  $('.history', card).addEventListener('click', guarded(() => showHistory(card, slug, locale)));
  return card;
};

/** The card of one translation loaded again as it is stored now (the other cards keep what is typed in them). */
const reloadCard = async (card, slug, locale) => {
  const view = await api(`/api/editor/articles/${encodeURIComponent(slug)}`, { expect: editorDocuments.article });
  card.replaceWith(translationCard(slug, locale, view.translations[locale]));
  say(`Loaded the current version of ${slug} (${locale}).`);
};

/** Someone else saved first: what they changed against the text in the form (which stays), and the two ways on. */
const showConflict = (card, error, { reload, overwrite }) => {
  const { details } = error;
  const panel = $('.conflict', card);
  panel.hidden = false;
  $('.conflict-message', panel).textContent = error.message;
  const by = details.savedBy ? details.savedBy.name || details.savedBy.id : 'someone';
  $('.conflict-when', panel).textContent = details.savedAt ? `Changed by ${by}, ${when(details.savedAt)} (your time).` : '';
  const diff = $('.diff', panel);
  diff.replaceChildren();
  if (Object.keys(details.diff).length === 0) diff.append(el('p', '', 'Their version is the same as yours.'));
  else diffInto(diff, details.diff);
  $('.load-theirs', panel).onclick = guarded(reload);
  $('.overwrite', panel).onclick = () => {
    panel.hidden = true;
    overwrite();
  };
};

/** The card of a translation not written yet: "Translate into …" turns it into an empty form. */
export const missingCard = (slug, locale, sibling) => {
  const card = el('article', 'translation missing');
  card.dataset.locale = locale;
  card.append(el('h3', '', locale), el('p', '', `Missing translation: customers writing in ${locale} get the default language.`));
  card.append(
    button(`Translate into ${locale}`, 'secondary', () => {
      const filled = $('#translation-template').content.firstElementChild.cloneNode(true);
      filled.dataset.locale = locale;
      $('.locale', filled).textContent = `${locale} (new)`;
      const form = $('.article-form', filled);
      fillForm(form, { category: sibling.category, tags: sibling.tags });
      for (const selector of ['.publish', '.discard', '.archive', '.history']) $(selector, filled).hidden = true;
      previewInto(form);
      form.addEventListener('submit', (event) => {
        event.preventDefault();
        guarded(async () => {
          // baseRevision 0: only if nobody added this translation meanwhile.
          await send('PUT', `/api/editor/articles/${slug}/${locale}`, { ...contentOf(form), baseRevision: 0 });
          say(`Added the ${locale} translation as a draft.`);
          await loadArticles();
          await openArticle(slug);
        })();
      });
      card.replaceWith(filled);
    }),
  );
  return card;
};
