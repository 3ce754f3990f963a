/*
 * The editor's content gaps: the questions the bot could not answer, grouped, with examples,
 * languages, channels and the closest article; each becomes a new article, variants of an
 * existing one, or is dismissed. Resolved gaps show how answering went before and after.
 */
import { state, post, api, button, when, say, guarded, loadArticles } from './editor-state.js';
import { articleForm } from './article-form.js';
import { editorDocuments } from './editor-documents.js';

const { $, el } = window.CarelineStaff;

const counts = (record) => Object.entries(record).map(([key, value]) => `${key} ${value}`).join(', ');

/** Lists the open content gaps and the resolved ones. */
export const loadGaps = async () => {
  const { clusters, resolved, leftOut } = await api('/api/editor/gaps', { expect: editorDocuments.gaps });
  const kept = [[leftOut.person, 'request(s) for a person'], [leftOut.complaint, 'complaint(s)'], [leftOut.smalltalk, 'greeting(s), thanks and other small talk']].filter(([count]) => count > 0);
  $('#gaps-left-out').textContent = kept.length > 0 ? `Left out, as the bot handled them on purpose: ${kept.map(([count, what]) => `${count} ${what}`).join(', ')}.` : '';
  const list = $('#gap-list');
  list.replaceChildren();
  if (clusters.length === 0) list.append(el('li', '', 'No open content gaps.'));
  for (const cluster of clusters) list.append(gapCard(cluster));
  const done = $('#resolved-list');
  done.replaceChildren();
  for (const gap of resolved) {
    const li = el('li', 'gap');
    const what = gap.action === 'dismissed' ? 'dismissed' : gap.action === 'article' ? `new article ${gap.slug} (${gap.locale})` : `variants added to ${gap.slug} (${gap.locale})`;
    li.append(el('strong', '', `${gap.count} question${gap.count === 1 ? '' : 's'}: ${what}, ${when(gap.at)}`), el('span', '', `e.g. "${gap.examples.join('", "')}"`));
    if (gap.action !== 'dismissed') {
      li.append(el('span', 'before-after', `Before: ${gap.before.answered} of ${gap.before.asked} answered. After: ${gap.after.answered} of ${gap.after.asked} answered (${gap.after.answeredWithArticle} with this article).`));
    }
    done.append(li);
  }
};

const gapCard = (cluster) => {
  const li = el('li', 'gap');
  li.dataset.cluster = cluster.id;
  li.append(el('strong', 'count', `${cluster.count} question${cluster.count === 1 ? '' : 's'} · ${cluster.terms.slice(0, 5).join(', ')}`));
  const examples = el('ul', 'examples');
  for (const example of cluster.examples) examples.append(el('li', '', example));
  li.append(examples, el('span', '', `languages: ${counts(cluster.languages)} · channels: ${counts(cluster.channels)} · ${counts(cluster.outcomes)} · last ${when(cluster.lastAt)}`));
  if (cluster.nearestArticle) li.append(el('span', '', `closest article: ${cluster.nearestArticle.slug} (${cluster.nearestArticle.confidence.toFixed(2)})`));
  const actions = el('div', 'actions');
  const done = async (message) => {
    say(message);
    await loadGaps();
    await loadArticles();
  };
  actions.append(
    button('Create article', 'create-article', () => {
      const { slug, locale, title, questions, category } = cluster.suggestion;
      li.append(
        articleForm({ slug, locale, title, questions, category: category || '', submitLabel: 'Create and publish' }, async (input) => {
          await post(`/api/editor/gaps/${cluster.id}/article`, input);
          await done(`Published ${input.slug} (${input.locale}) from the content gap.`);
        }),
      );
    }),
    button('Add as variants…', 'add-variants', () => {
      const form = el('form');
      const slugLabel = el('label', '', 'Article id ');
      const slug = el('input');
      slug.required = true;
      slug.value = cluster.nearestArticle ? cluster.nearestArticle.slug : '';
      slugLabel.append(slug);
      const localeLabel = el('label', '', 'Language ');
      const locale = el('select');
      for (const code of state.locales) locale.append(new Option(code, code));
      locale.value = cluster.suggestion.locale;
      localeLabel.append(locale);
      const submit = el('button', '', 'Add the questions and publish');
      submit.type = 'submit';
      form.append(slugLabel, localeLabel, submit);
      form.addEventListener('submit', (event) => {
        event.preventDefault();
        guarded(async () => {
          await post(`/api/editor/gaps/${cluster.id}/variants`, { slug: slug.value, locale: locale.value });
          await done(`Added ${cluster.count} question(s) to ${slug.value} (${locale.value}).`);
        })();
      });
      li.append(form);
    }),
    button('Dismiss', 'dismiss secondary', guarded(async () => {
      await post(`/api/editor/gaps/${cluster.id}/dismiss`);
      await done('Dismissed.');
    })),
  );
  li.append(actions);
  return li;
};
