/*
 * Shared by the staff pages (agent console, editor, dashboard): DOM helpers, the login form
 * (filled into the page's empty `<section id="login">`) and the JSON API client that sends
 * the session's CSRF token, turns error bodies into Errors and checks the documents of an
 * answer against the server's schemas when asked (`expect`).
 * Text is always put on the page with textContent, never as HTML.
 */
(() => {
  'use strict';
  const $ = (selector, root = document) => root.querySelector(selector);

  const el = (tag, className, text) => {
    const element = document.createElement(tag);
    if (className) element.className = className;
    if (text !== undefined) element.textContent = text;
    return element;
  };

  // ---- data the page does not understand: a notice on the page, the details in the browser's console ----
  const notUnderstood = new Set();
  const showDataNotice = (path) => {
    if (notUnderstood.has(path)) return;
    notUnderstood.add(path);
    let notice = $('.data-notice');
    if (!notice) {
      notice = el('p', 'data-notice');
      notice.setAttribute('role', 'alert');
      document.body.prepend(notice);
    }
    const paths = [...notUnderstood];
    notice.replaceChildren(el('span', '', window.CarelineI18n.t('The server sent data this page does not understand:')), ' ', el('code', '', `${paths.slice(0, 5).join(', ')}${paths.length > 5 ? ', …' : ''}`));
    notice.lastElementChild.setAttribute('translate', 'no');
  };

  /** A client for the JSON API; `csrfToken()` returns the session's token once logged in. */
  const createApi = (csrfToken = () => null) => {
    // The documents' JSON Schemas (GET /api/schemas) and the checker, loaded once when first needed.
    let checking = null;
    const checker = () =>
      (checking ??= Promise.all([import('./schema-check.js'), api('/api/schemas')]).then(
        ([{ checkResponse }, schemas]) => (body, expect) => checkResponse(body, expect, schemas),
        (error) => {
          console.warn('Careline: answers are not checked, the schemas could not be loaded:', error.message);
          checking = null;
          return null;
        },
      ));
    /** Shows a notice for each document of the answer (`expect`: see schema-check.js) that is not what the page reads. */
    const verify = async (path, body, expect) => {
      const checkResponse = await checker();
      for (const mismatch of checkResponse ? checkResponse(body, expect) : []) {
        console.error(`Careline: the server sent data this page does not understand: ${mismatch.path} (${mismatch.problem}) in the answer to ${path}`);
        showDataNotice(mismatch.path);
      }
    };
    /** @type {CarelineApi} */
    const api = async (path, { expect, ...options } = {}) => {
      const token = csrfToken();
      const response = await fetch(path, { ...options, headers: { 'content-type': 'application/json', ...(token ? { 'x-csrf-token': token } : {}) } });
      if (response.status === 204) return null;
      const body = await response.json().catch(() => ({}));
      if (!response.ok) throw Object.assign(new Error(body.error ? body.error.message : `HTTP ${response.status}`), { status: response.status, code: body.error?.code, details: body.error?.details });
      // The page still gets the answer: it shows what it can, the notice says what it could not read.
      if (expect) await verify(path, body, expect);
      return body;
    };
    const send = (method, path, body) => api(path, { method, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    const post = (path, body = {}) => send('POST', path, body);
    return { api, send, post };
  };

  // ---- the login form every staff page starts with, in the page's `<section id="login" data-title="…">` ----
  /** An input in a label: `<label>E-mail <input …></label>`. */
  const field = (label, attributes) => {
    const wrapper = el('label', '', `${label} `);
    const input = el('input');
    for (const [name, value] of Object.entries(attributes)) input.setAttribute(name, value);
    wrapper.append(input);
    return wrapper;
  };

  /** The login form titled `title`; the pages' scripts use its ids (#login-form, #login-error). */
  const loginForm = (title) => {
    const form = el('form');
    form.id = 'login-form';
    form.setAttribute('aria-labelledby', 'login-title');
    const heading = el('h1', '', title);
    heading.id = 'login-title';
    const submit = el('button', '', 'Log in');
    submit.type = 'submit';
    const error = el('p');
    error.id = 'login-error';
    error.setAttribute('role', 'alert');
    form.append(
      heading,
      field('E-mail', { name: 'email', type: 'email', autocomplete: 'username', required: '' }),
      field('Password', { name: 'password', type: 'password', autocomplete: 'current-password', required: '' }),
      submit,
      error,
    );
    return form;
  };

  const login = $('#login');
  if (login) login.replaceChildren(loginForm(login.dataset.title ?? ''));

  /**
   * Signs in from the login form: `POST /api/auth/login` through `api` (its answer checked
   * as `expect` names, if given), then `start(session)`; a failure is shown under the form.
   */
  const wireLogin = (api, start, expect) => {
    $('#login-form').addEventListener('submit', async (event) => {
      event.preventDefault();
      const form = new FormData(event.target);
      try {
        await start(await api('/api/auth/login', { method: 'POST', body: JSON.stringify({ email: form.get('email'), password: form.get('password') }), expect }));
        $('#login-error').textContent = '';
      } catch (error) {
        $('#login-error').textContent = error.message;
      }
    });
  };

  // ---- the page's language: the browser's until the user is known, then theirs ----
  const { t, use, languageMenu } = window.CarelineI18n;
  use();

  /**
   * Shows the page in the signed-in user's language and gives the header's language menu;
   * a change is saved for the user (`PATCH /api/auth/me`) and applies at once.
   */
  const staffLanguage = (session, send) => {
    use(session.user.staffLocale);
    return languageMenu(async (locale) => {
      await send('PATCH', '/api/auth/me', { staffLocale: locale });
      use(locale);
    });
  };

  // ---- the staff pages and who may use them (admins may use all) ----
  const pages = [
    { path: '/console/', label: 'Agent console', role: 'agent' },
    { path: '/editor/', label: 'Knowledge base', role: 'editor' },
    { path: '/dashboard/', label: 'Dashboard', role: 'admin' },
  ];
  const can = (user, role) => user.roles.includes(role) || user.roles.includes('admin');

  /** Links to the staff pages the user may open (the current one marked), for a page's header. */
  const staffNav = (user) => {
    const nav = el('nav', 'staff-nav');
    nav.setAttribute('aria-label', 'Staff pages');
    for (const page of pages.filter((candidate) => can(user, candidate.role))) {
      const link = el('a', '', page.label);
      link.href = page.path;
      if (location.pathname.startsWith(page.path)) link.setAttribute('aria-current', 'page');
      nav.append(link);
    }
    return nav;
  };

  /**
   * Instead of an empty page when the signed-in user lacks the page's role: who they are,
   * what the page needs, the pages they can use, and a way to log out and sign in as
   * someone else. Returns false when the user may use the page.
   */
  const gate = (session, role, logout) => {
    if (can(session.user, role)) return false;
    const box = el('main', 'no-access');
    box.append(
      el('h1', '', t('No access here')),
      el('p', '', t('You are signed in as {name} ({roles}). This page needs the {role} role: ask an admin to give it to you.', { name: session.user.displayName, roles: session.user.roles.join(', '), role })),
    );
    const usable = pages.filter((page) => can(session.user, page.role));
    if (usable.length > 0) box.append(el('p', '', 'Pages you can use:'), staffNav(session.user));
    const out = el('button', '', 'Log out');
    out.type = 'button';
    out.addEventListener('click', logout);
    box.append(out);
    document.body.replaceChildren(box);
    return true;
  };

  window.CarelineStaff = { $, el, createApi, wireLogin, staffNav, gate, staffLanguage };
})();
