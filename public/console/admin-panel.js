/*
 * The console's admin tools: a customer's data requests (export everything held about them
 * as JSON, erase them after a confirmation naming them) and the audit log (who did what,
 * when, to whom), a page at a time. Only admins get them; the routes answer others 403.
 * Names, targets and details are put on the page as text and never translated.
 */
(() => {
  'use strict';
  const { $, el } = window.CarelineStaff;
  const { t } = window.CarelineI18n;
  const own = (element) => {
    element.setAttribute('translate', 'no');
    return element;
  };

  /** What each audited action reads as. */
  const actionLabels = {
    login: 'logged in',
    login_failed: 'failed login',
    user_added: 'user added',
    staff_language: 'page language chosen',
    customer_updated: 'customer edited',
    customer_merged: 'customers merged',
    customer_exported: 'customer data exported',
    customer_erased: 'customer erased',
  };

  let dataRequestsOpen = false;

  /**
   * Wires the data-request controls of a conversation's customer panel (shown to admins only).
   * @param {ParentNode} section
   * @param {{ _id: string }} customer
   * @param {{ post: (path: string, body?: unknown) => Promise<any>, name: string, erased: () => void }} options
   */
  const dataRequests = (section, customer, { post, name, erased }) => {
    const panel = $('.data-requests', section);
    panel.hidden = false;
    // Opening another conversation (or the same one after an erasure) rebuilds it: keep it as the admin left it.
    panel.open = dataRequestsOpen;
    panel.addEventListener('toggle', () => {
      dataRequestsOpen = panel.open;
    });
    const path = `/api/customers/${encodeURIComponent(customer._id)}`;
    $('.export-data', section).href = `${path}/export`;
    const status = $('.data-status', section);
    $('.erase-customer', section).addEventListener('click', async () => {
      if (!confirm(t('Erase {name}? Their messages, name, e-mail, phone, tags and platform ids are removed everywhere and cannot be restored; reports keep their counts.', { name }))) return;
      try {
        await post(`${path}/erase`, { confirm: 'erase' });
        erased();
      } catch (error) {
        status.textContent = error.message;
      }
    });
  };

  const pageSize = 20;

  /**
   * Shows the audit log in `section`, newest first, from `offset`.
   * @param {HTMLElement} section
   * @param {(path: string) => Promise<any>} api
   */
  const showAuditLog = async (section, api, offset = 0) => {
    section.replaceChildren(/** @type {HTMLTemplateElement} */ ($('#audit-template')).content.cloneNode(true));
    const status = $('.audit-status', section);
    try {
      const page = await api(`/api/audit?limit=${pageSize}&offset=${offset}`);
      const body = $('.audit tbody', section);
      for (const entry of page.entries) {
        const tr = el('tr');
        tr.dataset.action = entry.action;
        const who = entry.actor === 'cli' ? el('td', '', t('command line')) : own(el('td', '', entry.actorName || entry.actor));
        const details = entry.details ? Object.entries(entry.details).map(([key, value]) => `${key}: ${typeof value === 'object' ? JSON.stringify(value) : value}`).join(', ') : '';
        tr.append(own(el('td', '', new Date(entry.at).toLocaleString())), who, el('td', '', t(actionLabels[entry.action] || entry.action)), own(el('td', '', [entry.targetName, entry.target].filter(Boolean).join(' · '))), own(el('td', 'details', details)));
        body.append(tr);
      }
      status.textContent = page.entries.length ? t('Entries {first}–{last}', { first: offset + 1, last: offset + page.entries.length }) : t('No entries.');
      const newer = $('.audit-newer', section);
      const older = $('.audit-older', section);
      newer.disabled = offset === 0;
      older.disabled = !page.hasMore;
      newer.addEventListener('click', () => showAuditLog(section, api, Math.max(0, offset - pageSize)));
      older.addEventListener('click', () => showAuditLog(section, api, offset + pageSize));
    } catch (error) {
      status.textContent = error.message;
    }
  };

  window.CarelineAdmin = { dataRequests, showAuditLog };
})();
