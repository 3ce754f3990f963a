/*
 * Careline knowledge-base editor: articles (list, search, filters, translations side by side,
 * drafts, publish, revisions with diff and restore), "try it", content gaps, and synonyms
 * (synonyms.js).
 * Text from customers and editors goes on the page with textContent; only the answer
 * preview is HTML, and that comes from the server's sanitizing Markdown renderer.
 */
(() => {
  'use strict';
  const { $, el, createApi, staffNav, gate, staffLanguage } = window.CarelineStaff;
  let csrfToken = null;
  let locales = [];
  let openSlug = null;

  const { api, send, post } = createApi(() => csrfToken);

  const button = (label, className, onClick) => {
    const element = el('button', className, label);
    element.type = 'button';
    element.addEventListener('click', onClick);
    return element;
  };
  const when = (date) => new Date(date).toLocaleString();
  const say = (text, isError = false) => {
    $('#status').textContent = text;
    $('#status').classList.toggle('error', isError);
  };
  const guarded = (work) => async (...args) => {
    try {
      await work(...args);
    } catch (error) {
      say(error.message, true);
    }
  };
  const synonyms = window.CarelineSynonyms({ api, send, say, guarded, when });

  // ---- login ----
  const logout = async () => {
    await post('/api/auth/logout');
    location.reload();
  };
  const start = async (session) => {
    csrfToken = session.csrfToken;
    if (gate(session, 'editor', logout)) return;
    const language = staffLanguage(session, send);
    if (!$('header .staff-nav')) $('header').insertBefore(staffNav(session.user), $('#me'));
    if (!$('header .staff-language')) $('header').insertBefore(language, $('#logout'));
    $('#login').hidden = true;
    $('#app').hidden = false;
    $('#me').textContent = `${session.user.displayName} (${session.user.roles.join(', ')})`;
    await loadArticles();
  };
  $('#login-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const form = new FormData(event.target);
    try {
      await start(await post('/api/auth/login', { email: form.get('email'), password: form.get('password') }));
      $('#login-error').textContent = '';
    } catch (error) {
      $('#login-error').textContent = error.message;
    }
  });
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

  // ---- article list ----
  const fillSelect = (select, values) => {
    const current = select.value;
    select.replaceChildren(select.options[0]);
    for (const value of values) select.append(new Option(value, value));
    select.value = values.includes(current) ? current : '';
  };
  const loadArticles = async () => {
    const form = new FormData($('#filters'));
    const query = new URLSearchParams([...form].filter(([, value]) => value).map(([name, value]) => [name, String(value)]));
    const { articles, categories, locales: supported } = await api(`/api/editor/articles?${query}`);
    locales = supported;
    fillSelect($('#filter-locale'), supported);
    fillSelect($('#filter-category'), categories);
    if ($('#try-locale').options.length === 1) for (const locale of supported) $('#try-locale').append(new Option(locale, locale));
    $('#article-count').textContent = `${articles.length} article${articles.length === 1 ? '' : 's'}`;
    const list = $('#article-list');
    list.replaceChildren();
    for (const article of articles) {
      const li = el('li', article.slug === openSlug ? 'open' : '');
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
  let filterTimer = null;
  $('#filters').addEventListener('input', () => {
    clearTimeout(filterTimer);
    filterTimer = setTimeout(guarded(loadArticles), 200);
  });
  $('#filters').addEventListener('submit', (event) => event.preventDefault());

  // ---- one article: translations side by side ----
  const linesOf = (text) => text.split('\n').map((line) => line.trim()).filter(Boolean);
  const contentOf = (form) => ({
    title: form.elements.title.value,
    questions: linesOf(form.elements.questions.value),
    category: form.elements.category.value,
    tags: form.elements.tags.value.split(',').map((tag) => tag.trim()).filter(Boolean),
    answer: form.elements.answer.value,
  });
  const fillForm = (form, content) => {
    form.elements.title.value = content.title || '';
    form.elements.questions.value = (content.questions || []).join('\n');
    form.elements.category.value = content.category || '';
    form.elements.tags.value = (content.tags || []).join(', ');
    form.elements.answer.value = content.answer || '';
  };
  const previewInto = (form) => {
    let timer = null;
    const render = async () => {
      // The server renders with the help center's sanitizer: raw HTML is shown as text.
      const { html } = await post('/api/editor/preview', { markdown: form.elements.answer.value });
      $('.preview', form).innerHTML = html;
    };
    form.elements.answer.addEventListener('input', () => {
      clearTimeout(timer);
      timer = setTimeout(guarded(render), 250);
    });
    return guarded(render);
  };

  const openArticle = async (slug) => {
    openSlug = slug;
    for (const li of document.querySelectorAll(/** @type {'li'} */ ('#article-list li'))) li.classList.toggle('open', li.dataset.slug === slug);
    const view = await api(`/api/editor/articles/${encodeURIComponent(slug)}`);
    const section = $('#article');
    section.replaceChildren(el('h2', '', slug));
    const grid = el('div', 'translations');
    const first = Object.values(view.translations)[0];
    for (const locale of locales) {
      const translation = view.translations[locale];
      grid.append(translation ? translationCard(slug, locale, translation) : missingCard(slug, locale, first.article));
    }
    section.append(grid);
  };

  const translationCard = (slug, locale, { article, draft }) => {
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
    const view = await api(`/api/editor/articles/${encodeURIComponent(slug)}`);
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

  // Stored content in the form's field order, to tell whether the form changed it.
  const stored = (content) => ({ title: content.title, questions: content.questions, category: content.category, tags: content.tags, answer: content.answer });

  const missingCard = (slug, locale, sibling) => {
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

  // ---- history, diff, restore ----
  const renderDiff = (target, { revision, against, diff }) => {
    target.replaceChildren(el('p', '', against ? `Revision ${revision.revision} against ${against}:` : `Revision ${revision.revision} (the first):`));
    if (Object.keys(diff).length === 0) target.append(el('p', '', 'No changes.'));
    diffInto(target, diff);
  };
  const diffInto = (target, diff) => {
    for (const field of Object.keys(diff)) {
      target.append(el('div', 'field', field));
      for (const line of diff[field]) target.append(el('div', `line ${line.op}`, line.text));
    }
  };
  const showHistory = async (card, slug, locale) => {
    const panel = $('.history-panel', card);
    panel.hidden = false;
    const { revisions } = await api(`/api/editor/articles/${slug}/${locale}/revisions`);
    const list = $('.revisions', panel);
    list.replaceChildren();
    revisions.forEach((revision, index) => {
      const li = el('li');
      li.dataset.revision = revision.revision;
      const what = `${revision.action || 'saved'}${revision.restoredFrom ? ` from rev ${revision.restoredFrom}` : ''}`;
      li.append(el('span', '', `rev ${revision.revision} · ${what} · ${revision.status} · ${revision.editedByName || (revision.editedBy ? revision.editedBy : 'knowledge-base files')} · ${when(revision.editedAt)}`));
      li.append(button('Diff', 'secondary diff-button', guarded(async () => renderDiff($('.diff', panel), await api(`/api/editor/articles/${slug}/${locale}/revisions/${revision.revision}`)))));
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

  // ---- new article ----
  const articleForm = (fields, onSubmit) => {
    const form = el('form', 'article-form');
    const idLabel = el('label', '', 'Id (kebab-case) ');
    const slug = el('input');
    slug.name = 'slug';
    slug.required = true;
    slug.pattern = '[a-z0-9][a-z0-9-]*';
    slug.value = fields.slug || '';
    idLabel.append(slug);
    const localeLabel = el('label', '', 'Language ');
    const locale = el('select');
    locale.name = 'locale';
    for (const code of locales) locale.append(new Option(code, code));
    locale.value = fields.locale || locales[0];
    localeLabel.append(locale);
    const template = $('#translation-template').content.querySelector('.article-form').cloneNode(true);
    const body = [...template.children].filter((child) => !child.classList.contains('actions'));
    form.append(idLabel, localeLabel, ...body);
    fillForm(form, fields);
    previewInto(form)();
    const submit = el('button', '', fields.submitLabel || 'Create draft');
    submit.type = 'submit';
    form.append(submit);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      guarded(() => onSubmit({ slug: slug.value, locale: locale.value, ...contentOf(form) }))();
    });
    return form;
  };
  $('#new-article').addEventListener('click', () => {
    openSlug = null;
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

  // ---- try it ----
  const verdictText = { answer: 'Answer', clarify: 'Clarify (offer choices)', miss: "Don't know (offers a person)", handoff: 'Hand off to a person', smalltalk: 'Small talk', feedback: 'Feedback' };
  $('#try-form').addEventListener('submit', (event) => {
    event.preventDefault();
    guarded(async () => {
      const form = new FormData(event.target);
      const result = await post('/api/editor/try', { text: form.get('text'), ...(form.get('locale') ? { locale: form.get('locale') } : {}) });
      const target = $('#try-result');
      target.replaceChildren(el('p', `verdict ${result.verdict}`, verdictText[result.verdict] || result.verdict));
      target.append(el('p', 'language', `Language: ${result.language.locale} (${result.language.reason})`));
      if (result.decision.intent) target.append(el('p', '', `Intent: ${result.decision.intent.intent} (${result.decision.intent.confidence.toFixed(2)}, like "${result.decision.intent.example}")`));
      if (result.decision.escalation) target.append(el('p', 'escalation', `Hands off: ${result.decision.escalation.kind === 'human' ? 'asks for a person' : 'complaint'} (${result.decision.escalation.reasons.join(', ')})`));
      target.append(el('p', 'calibration', result.calibration
        ? `Confidence = probability the answer is right, fitted on this knowledge base: ${result.calibration.heldOut} held-out questions (own article first for ${Math.round(result.calibration.topRight * 100)} %) against ${result.calibration.outOfScope} out-of-scope messages.`
        : 'Confidence = probability the answer is right, under the default calibration (the knowledge base is too small to fit its own).'));
      if (result.answer) {
        target.append(el('h3', '', `The customer reads: ${result.answer.title}${result.answer.inCustomerLanguage ? '' : ` (only in ${result.answer.locale})`}`));
        const preview = el('div', 'preview');
        target.append(preview);
        const { html } = await post('/api/editor/preview', { markdown: result.answer.answer });
        preview.innerHTML = html;
      }
      if (result.choices.length > 0) target.append(el('p', '', `Choices offered: ${result.choices.join(', ')}`));
      const table = el('table', 'candidates');
      const head = el('tr');
      for (const title of ['#', 'article', 'language', 'confidence', 'matched text', 'matched terms']) head.append(el('th', '', title));
      table.append(head);
      for (const candidate of result.candidates) {
        const row = el('tr');
        row.append(el('td', '', String(candidate.rank)), el('td', '', `${candidate.title} (${candidate.slug})`), el('td', '', candidate.locale), el('td', 'confidence', candidate.confidence.toFixed(2)), el('td', '', candidate.matchedText), el('td', '', candidate.matchedTerms.join(', ')));
        table.append(row);
      }
      target.append(result.candidates.length > 0 ? table : el('p', '', 'No article matched at all.'));
    })();
  });

  // ---- content gaps ----
  const counts = (record) => Object.entries(record).map(([key, value]) => `${key} ${value}`).join(', ');
  const loadGaps = async () => {
    const { clusters, resolved, leftOut } = await api('/api/editor/gaps');
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
        for (const code of locales) locale.append(new Option(code, code));
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

  // ---- start: resume a session if there is one ----
  api('/api/auth/me').then(start, () => {
    $('#login').hidden = false;
  });
})();
