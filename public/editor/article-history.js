/*
 * An article translation's history in the editor: every revision with who made it and when,
 * its diff against the one before, and restoring an older one.
 */
import { api, post, button, when, say, guarded, loadArticles, openArticle } from './editor-state.js';
import { editorDocuments } from './editor-documents.js';

const { $, el } = window.CarelineStaff;

const renderDiff = (target, { revision, against, diff }) => {
  target.replaceChildren(el('p', '', against ? `Revision ${revision.revision} against ${against}:` : `Revision ${revision.revision} (the first):`));
  if (Object.keys(diff).length === 0) target.append(el('p', '', 'No changes.'));
  diffInto(target, diff);
};

/** Lines added and removed per field, as the server diffs them. */
export const diffInto = (target, diff) => {
  for (const field of Object.keys(diff)) {
    target.append(el('div', 'field', field));
    for (const line of diff[field]) target.append(el('div', `line ${line.op}`, line.text));
  }
};

/** Opens the history panel of a translation card. */
export const showHistory = async (card, slug, locale) => {
  const panel = $('.history-panel', card);
  panel.hidden = false;
  const { revisions } = await api(`/api/editor/articles/${slug}/${locale}/revisions`, { expect: editorDocuments.revisions });
  const list = $('.revisions', panel);
  list.replaceChildren();
  revisions.forEach((revision, index) => {
    const li = el('li');
    li.dataset.revision = revision.revision;
    const what = `${revision.action || 'saved'}${revision.restoredFrom ? ` from rev ${revision.restoredFrom}` : ''}`;
    li.append(el('span', '', `rev ${revision.revision} · ${what} · ${revision.status} · ${revision.editedByName || (revision.editedBy ? revision.editedBy : 'knowledge-base files')} · ${when(revision.editedAt)}`));
    li.append(button('Diff', 'secondary diff-button', guarded(async () => renderDiff($('.diff', panel), await api(`/api/editor/articles/${slug}/${locale}/revisions/${revision.revision}`, { expect: editorDocuments.revision })))));
    if (index > 0) {
      li.append(
        button('Restore', 'secondary restore', guarded(async () => {
          await post(`/api/editor/articles/${slug}/${locale}/revisions/${revision.revision}/restore`);
          say(`Restored revision ${revision.revision} of ${slug} (${locale}).`);
          await loadArticles();
          await openArticle(slug);
        })),
      );
    }
    list.append(li);
  });
};
