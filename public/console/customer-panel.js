/*
 * The customer panel of an open conversation: who the customer is (name, segment, contacts,
 * channels), the "Edit customer" form, "Same person as another customer?" (find and merge
 * another record, mark a contact as verified, the merge history) and, for admins, the
 * customer's data requests.
 */
import { state, api, post, send, refresh, isAdmin, own, customerName } from './console-state.js';
import { consoleDocuments } from './console-documents.js';

const { $, el } = window.CarelineStaff;
const { t } = window.CarelineI18n;

let samePersonOpen = false;

// ---- the same person on several channels: find the other record and merge it into this one ----
const loadSamePersonHistory = (history, customer) => {
  api(`/api/customers/${encodeURIComponent(customer._id)}`, { expect: consoleDocuments.customerRecord }).then(({ merges, verifiedContacts }) => {
    history.replaceChildren();
    for (const contact of verifiedContacts) history.append(el('li', '', `verified ${contact.kind} ${contact.value} (${contact.source})`));
    for (const merge of merges) history.append(el('li', '', `${merge.mergedId === customer._id ? 'merged into' : 'merged from'} ${merge.mergedId === customer._id ? merge.survivorId : merge.mergedId} · ${merge.reason} · ${new Date(merge.startedAt).toLocaleString()}`));
  }, () => undefined);
};

const renderSamePerson = (section, customer) => {
  const status = $('.merge-status', section);
  const results = $('.merge-results', section);
  const say = (text) => {
    status.textContent = text;
  };
  // Opening another conversation rebuilds the section; keep the panel as the agent left it.
  const panel = $('.same-person', section);
  panel.open = samePersonOpen;
  panel.addEventListener('toggle', () => {
    samePersonOpen = panel.open;
  });
  $('.merge-search', section).addEventListener('submit', async (event) => {
    event.preventDefault();
    const q = $('#merge-query', section).value.trim();
    results.replaceChildren();
    if (q.length < 2) return say('Type at least 2 characters.');
    try {
      const found = (await api(`/api/customers?q=${encodeURIComponent(q)}`)).customers.filter((other) => other.id !== customer._id);
      say(found.length ? '' : 'No other customer found.');
      for (const other of found) {
        const li = el('li');
        const where = other.identities.map((identity) => `${identity.channel} ${identity.externalId}`).join(', ');
        li.append(el('span', '', [customerName(other), where, other.email, other.phone].filter(Boolean).join(' · ')));
        const merge = el('button', 'secondary', 'Merge into this customer');
        merge.type = 'button';
        merge.addEventListener('click', async () => {
          if (!confirm(`Merge ${other.displayName || 'that customer'} into ${customer.displayName || 'this customer'}? Their conversations, tickets and ratings move here.`)) return;
          try {
            const { merge: done } = await post(`/api/customers/${encodeURIComponent(customer._id)}/merge`, { customerId: other.id });
            say(`Merged: ${done.moved.conversations || 0} conversations moved.`);
            refresh(true);
          } catch (error) {
            say(error.message);
          }
        });
        li.append(merge);
        results.append(li);
      }
    } catch (error) {
      say(error.message);
    }
  });
  $('.verify-contact', section).addEventListener('submit', async (event) => {
    event.preventDefault();
    const value = $('#verified-contact', section).value.trim();
    if (!value) return;
    try {
      const { mergedInto } = await post(`/api/customers/${encodeURIComponent(customer._id)}/verified-contacts`, value.includes('@') ? { email: value } : { phone: value });
      say(mergedInto && mergedInto !== customer._id ? 'Verified; another customer had it, so the two were merged.' : 'Verified.');
      refresh(true);
    } catch (error) {
      say(error.message);
    }
  });
};

// The customer's record: name, segment (a VIP's waiting ticket moves up), tags and contacts.
const wireCustomerForm = (section, customer) => {
  const customerForm = $('.customer-form', section);
  customerForm.elements.displayName.value = customer.displayName || '';
  customerForm.elements.segment.value = customer.segment || 'new';
  customerForm.elements.tags.value = (customer.tags || []).join(', ');
  customerForm.elements.email.value = customer.email || '';
  customerForm.elements.phone.value = customer.phone || '';
  customerForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    const { elements } = customerForm;
    const status = $('.customer-status', section);
    const body = {
      ...(elements.displayName.value.trim() ? { displayName: elements.displayName.value.trim() } : {}),
      segment: elements.segment.value,
      tags: elements.tags.value.split(',').map((tag) => tag.trim()).filter(Boolean),
      email: elements.email.value.trim() || null,
      phone: elements.phone.value.trim() || null,
    };
    try {
      await send('PATCH', `/api/customers/${encodeURIComponent(customer._id)}`, body);
      status.textContent = t('Saved.');
      refresh(true);
    } catch (error) {
      status.textContent = error.message;
    }
  });
};

/** Wires the panel of a newly opened conversation to its customer. */
export const buildCustomerPanel = (section, data) => {
  if (data.customer) renderSamePerson(section, data.customer);
  if (data.customer && isAdmin()) window.CarelineAdmin.dataRequests(section, data.customer, {
    post,
    name: customerName(data.customer),
    // Built again, so that no form still holds what was erased.
    erased: () => {
      state.shown = null;
      refresh(true);
    },
  });
  wireCustomerForm(section, data.customer || {});
};

/** The parts of the panel that change while the conversation is open. */
export const updateCustomerPanel = (section, data) => {
  const customer = data.customer || {};
  own($('.customer', section)).textContent = `${customerName(customer)} (${customer.segment || 'new'})`;
  $('.profile', section).textContent = [
    customer.email && `e-mail ${customer.email}`,
    customer.phone && `phone ${customer.phone}`,
    customer.locale && `language ${customer.locale}`,
    customer.tags && customer.tags.length ? `tags ${customer.tags.join(', ')}` : '',
    customer.identities && customer.identities.length ? `on ${[...new Set(customer.identities.map((identity) => identity.channel))].join(', ')}` : '',
    customer.erasedAt ? t('erased on {date}', { date: new Date(customer.erasedAt).toLocaleString() }) : '',
  ].filter(Boolean).join(' · ');
  $('.erase-customer', section).disabled = Boolean(customer.erasedAt);
  if (data.customer) loadSamePersonHistory($('.merge-history', section), data.customer);
};
