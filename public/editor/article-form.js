/*
 * An article's form in the editor: the fields read and filled, the answer's preview (the
 * server's sanitizing Markdown renderer makes its HTML), and the form of a new article.
 */
import { state, post, guarded } from './editor-state.js';

const { $, el } = window.CarelineStaff;

const linesOf = (text) => text.split('\n').map((line) => line.trim()).filter(Boolean);
export const contentOf = (form) => ({
  title: form.elements.title.value,
  questions: linesOf(form.elements.questions.value),
  category: form.elements.category.value,
  tags: form.elements.tags.value.split(',').map((tag) => tag.trim()).filter(Boolean),
  answer: form.elements.answer.value,
});
export const fillForm = (form, content) => {
  form.elements.title.value = content.title || '';
  form.elements.questions.value = (content.questions || []).join('\n');
  form.elements.category.value = content.category || '';
  form.elements.tags.value = (content.tags || []).join(', ');
  form.elements.answer.value = content.answer || '';
};
export const previewInto = (form) => {
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


// Stored content in the form's field order, to tell whether the form changed it.
export const stored = (content) => ({ title: content.title, questions: content.questions, category: content.category, tags: content.tags, answer: content.answer });

/** The form of a new article (id, language and the fields); `onSubmit` gets what it holds. */
export const articleForm = (fields, onSubmit) => {
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
  for (const code of state.locales) locale.append(new Option(code, code));
  locale.value = fields.locale || state.locales[0];
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
