/*
 * Canned responses in the agent console's reply box: typing "/" and a few letters of a
 * shortcut offers the team's responses (the conversation's language first); ↑/↓ choose,
 * Enter or Tab inserts, Escape closes. {customer.name}, {agent.name} and {ticket.number}
 * are filled in. Text is put on the page with textContent only.
 */
(() => {
  'use strict';
  const { el } = window.CarelineStaff;

  /** "anh/chị" when a Vietnamese customer's name is unknown (the server's `unnamedCustomer` for the shop's persona: "quý khách"); elsewhere the greeting reads without it. */
  const unnamed = { vi: 'anh/chị', en: 'there', cs: '', zh: '' };

  /** The response's text with its variables filled; an unknown value leaves no double spaces behind. */
  const fill = (text, context) =>
    text
      .replace(/\{customer\.name\}/g, context.customerName || context.unnamed || unnamed[context.locale] || '')
      .replace(/\{agent\.name\}/g, context.agentName || '')
      .replace(/\{ticket\.number\}/g, context.ticketNumber ? `#${context.ticketNumber}` : '')
      .replace(/ {2,}/g, ' ')
      .replace(/ ([,.!?])/g, '$1');

  /** The "/query" just before the cursor, if the agent is typing one. */
  const queryAt = (textarea) => {
    const before = textarea.value.slice(0, textarea.selectionStart ?? textarea.value.length);
    const match = /(^|\s)\/([a-z0-9-]*)$/i.exec(before);
    return match ? { start: before.length - match[2].length - 1, query: match[2].toLowerCase() } : null;
  };

  /**
   * Attaches the picker to `textarea`: `responses()` gives the current list, `context()` the
   * conversation's values. Its keys are handled before the reply box's own (Enter sends).
   */
  const attach = (textarea, { responses, context }) => {
    const box = el('ul', 'canned-picker');
    box.id = `canned-${Math.random().toString(36).slice(2)}`;
    box.setAttribute('role', 'listbox');
    box.setAttribute('aria-label', 'Canned responses');
    box.hidden = true;
    textarea.setAttribute('aria-controls', box.id);
    textarea.after(box);
    let matches = [];
    let active = 0;
    let at = null;

    const close = () => {
      box.hidden = true;
      matches = [];
      textarea.removeAttribute('aria-activedescendant');
    };
    const insert = (response) => {
      const filled = fill(response.text, context());
      const end = textarea.selectionStart ?? textarea.value.length;
      textarea.value = `${textarea.value.slice(0, at.start)}${filled}${textarea.value.slice(end)}`;
      textarea.selectionStart = textarea.selectionEnd = at.start + filled.length;
      close();
      textarea.focus();
      textarea.dispatchEvent(new Event('input'));
    };
    const draw = () => {
      box.replaceChildren();
      matches.forEach((response, index) => {
        const option = el('li', index === active ? 'active' : '');
        option.id = `${box.id}-${index}`;
        option.setAttribute('role', 'option');
        option.setAttribute('aria-selected', String(index === active));
        option.append(el('strong', '', `/${response.shortcut}`), el('span', '', ` ${fill(response.text, context())}`));
        option.addEventListener('mousedown', (event) => {
          event.preventDefault();
          insert(response);
        });
        box.append(option);
      });
      box.hidden = matches.length === 0;
      if (matches.length) textarea.setAttribute('aria-activedescendant', `${box.id}-${active}`);
    };
    const update = () => {
      at = queryAt(textarea);
      if (!at) return close();
      const { locale } = context();
      const list = responses().filter((response) => response.shortcut.startsWith(at.query) || (at.query.length >= 3 && response.text.toLowerCase().includes(at.query)));
      // The conversation's language first, then the rest, each by shortcut.
      matches = list.sort((a, b) => Number(b.locale === locale) - Number(a.locale === locale) || a.shortcut.localeCompare(b.shortcut)).slice(0, 8);
      active = 0;
      draw();
    };
    textarea.addEventListener('input', update);
    textarea.addEventListener('blur', close);
    textarea.addEventListener(
      'keydown',
      (event) => {
        if (box.hidden || matches.length === 0) return;
        if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
          active = (active + (event.key === 'ArrowDown' ? 1 : matches.length - 1)) % matches.length;
          draw();
        } else if (event.key === 'Enter' || event.key === 'Tab') insert(matches[active]);
        else if (event.key === 'Escape') close();
        else return;
        event.preventDefault();
        event.stopImmediatePropagation();
      },
      true,
    );
  };

  window.CarelineCanned = { attach, fill };
})();
