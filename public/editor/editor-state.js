/*
 * What the editor's modules share: the API client with the session's CSRF token, the
 * supported languages and the open article, the status line, and `loadArticles` /
 * `openArticle`, which article-list.js provides.
 */
const { $, el, createApi } = window.CarelineStaff;

/**
 * The editor's session: the CSRF token, the languages the knowledge base supports, the article open.
 * @type {{ csrfToken: string | null; locales: string[]; openSlug: string | null }}
 */
export const state = { csrfToken: null, locales: [], openSlug: null };

export const { api, send, post } = createApi(() => state.csrfToken);

export const button = (label, className, onClick) => {
  const element = el('button', className, label);
  element.type = 'button';
  element.addEventListener('click', onClick);
  return element;
};
export const when = (date) => new Date(date).toLocaleString();
export const say = (text, isError = false) => {
  $('#status').textContent = text;
  $('#status').classList.toggle('error', isError);
};
export const guarded = (work) => async (...args) => {
  try {
    await work(...args);
  } catch (error) {
    say(error.message, true);
  }
};

const pages = { loadArticles: async () => undefined, openArticle: async (/** @type {string} */ slug) => void slug };
/** Lists the articles again (filters as set). */
export const loadArticles = () => pages.loadArticles();
/** Opens an article with its translations side by side. */
export const openArticle = (/** @type {string} */ slug) => pages.openArticle(slug);
/** Called once by article-list.js. */
export const provideArticles = (/** @type {typeof pages} */ provided) => Object.assign(pages, provided);
