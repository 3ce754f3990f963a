/*
 * Shared by the staff pages (agent console, editor, dashboard): DOM helpers and the JSON
 * API client that sends the session's CSRF token and turns error bodies into Errors.
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

  /** A client for the JSON API; `csrfToken()` returns the session's token once logged in. */
  const createApi = (csrfToken = () => null) => {
    const api = async (path, options = {}) => {
      const token = csrfToken();
      const response = await fetch(path, { ...options, headers: { 'content-type': 'application/json', ...(token ? { 'x-csrf-token': token } : {}) } });
      if (response.status === 204) return null;
      const body = await response.json().catch(() => ({}));
      if (!response.ok) throw Object.assign(new Error(body.error ? body.error.message : `HTTP ${response.status}`), { status: response.status, code: body.error?.code, details: body.error?.details });
      return body;
    };
    const send = (method, path, body) => api(path, { method, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    const post = (path, body = {}) => send('POST', path, body);
    return { api, send, post };
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

  window.CarelineStaff = { $, el, createApi, staffNav, gate, staffLanguage };
})();
