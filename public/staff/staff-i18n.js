/*
 * The staff pages in Vietnamese, English, Czech and Chinese. Pages are written in English;
 * each page adds its phrases per language (`add`), and every text on the page — what the
 * HTML has and what the scripts put there later — is shown in the chosen language: text
 * nodes and the placeholder, aria-label and title attributes whose English is a known
 * phrase are replaced (a MutationObserver catches what scripts add). Content that is not
 * ours (customers' and agents' messages, names, articles) sits under `translate="no"` and
 * is never touched. `t(phrase, params)` translates a phrase with `{name}` parameters.
 * The language is the user's own setting, else the browser's, else English.
 */
(() => {
  'use strict';
  const locales = ['vi', 'en', 'cs', 'zh'];
  const names = { vi: 'Tiếng Việt', en: 'English', cs: 'Čeština', zh: '中文' };
  const dictionaries = { vi: new Map(), cs: new Map(), zh: new Map() };
  const attributes = ['placeholder', 'aria-label', 'title'];
  let current = 'en';

  /** Adds phrases: `{ vi: { 'Log out': 'Đăng xuất', … }, cs: {…}, zh: {…} }`. */
  const add = (phrases) => {
    for (const [locale, table] of Object.entries(phrases)) for (const [english, translated] of Object.entries(table)) dictionaries[locale].set(english, translated);
  };

  const lookup = (english) => (current === 'en' ? undefined : dictionaries[current].get(english));

  /** The phrase in the current language, `{name}` replaced by `params.name`. */
  const t = (english, params = {}) => (lookup(english) ?? english).replace(/\{(\w+)\}/g, (match, key) => (key in params ? String(params[key]) : match));

  /** The first supported language of: the user's setting, the browser's languages; else English. */
  const pick = (preferred) => {
    for (const tag of [preferred, ...(navigator.languages || []), navigator.language]) {
      const base = String(tag || '').toLowerCase().split(/[-_]/)[0];
      if (locales.includes(base)) return base;
    }
    return 'en';
  };

  // The English each text node and attribute was written in, so the page can switch again.
  const originalText = new WeakMap();
  const originalAttributes = new WeakMap();

  // Under translate="no", and the text of scripts, styles and text boxes (their value), are never touched.
  const excluded = (node) => {
    const element = node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement;
    if (!element || element.closest('[translate="no"], script, style')) return true;
    return node.nodeType === Node.TEXT_NODE && Boolean(element.closest('textarea'));
  };

  const translateText = (node) => {
    if (excluded(node)) return;
    const english = originalText.get(node) ?? node.data;
    const trimmed = english.trim();
    if (!trimmed) return;
    const translated = lookup(trimmed);
    if (translated === undefined && !originalText.has(node)) return;
    originalText.set(node, english);
    const next = translated === undefined ? english : english.replace(trimmed, translated);
    if (node.data !== next) node.data = next;
  };

  const translateAttributes = (element) => {
    if (excluded(element)) return;
    const originals = originalAttributes.get(element) ?? {};
    for (const name of attributes) {
      if (!element.hasAttribute(name)) continue;
      const english = originals[name] ?? element.getAttribute(name);
      const translated = lookup(english.trim());
      if (translated === undefined && !(name in originals)) continue;
      originals[name] = english;
      element.setAttribute(name, translated ?? english);
    }
    originalAttributes.set(element, originals);
  };

  const translateTree = (root) => {
    if (root.nodeType === Node.TEXT_NODE) return translateText(root);
    if (root.nodeType !== Node.ELEMENT_NODE && root.nodeType !== Node.DOCUMENT_NODE) return;
    if (root.nodeType === Node.ELEMENT_NODE) translateAttributes(root);
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.nodeType === Node.TEXT_NODE) translateText(node);
      else translateAttributes(node);
    }
  };

  const originalTitle = document.title;
  let observer = null;
  /** Shows the page in `locale` (or the best supported one), now and for everything added later. */
  const use = (locale) => {
    current = pick(locale);
    document.documentElement.lang = current;
    translateTree(document.documentElement);
    if (document.title) document.title = t(originalTitle);
    if (!observer) {
      observer = new MutationObserver((mutations) => {
        for (const mutation of mutations) for (const node of mutation.addedNodes) translateTree(node);
      });
      observer.observe(document.documentElement, { childList: true, subtree: true });
    }
    return current;
  };

  /** A language menu for a page's header: changing it calls `save(locale)` (which stores it for the user). */
  const languageMenu = (save) => {
    const select = document.createElement('select');
    select.className = 'staff-language';
    select.setAttribute('aria-label', 'Page language');
    for (const locale of locales) {
      const option = document.createElement('option');
      option.value = locale;
      option.textContent = names[locale];
      option.setAttribute('translate', 'no');
      select.append(option);
    }
    select.value = current;
    select.addEventListener('change', () => save(select.value));
    return select;
  };

  window.CarelineI18n = { add, t, use, pick, languageMenu, get locale() {
    return current;
  } };
})();
