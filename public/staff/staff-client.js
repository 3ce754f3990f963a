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
      if (!response.ok) throw Object.assign(new Error(body.error ? body.error.message : `HTTP ${response.status}`), { status: response.status });
      return body;
    };
    const send = (method, path, body) => api(path, { method, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    const post = (path, body = {}) => send('POST', path, body);
    return { api, send, post };
  };

  window.CarelineStaff = { $, el, createApi };
})();
