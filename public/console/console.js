/*
 * Careline agent console: queue, conversation view, replies, notes, resolve, hand back.
 * Live through the server-sent event stream /api/agent/events. Everything a customer wrote
 * is put on the page with textContent, never as HTML.
 */
(() => {
  'use strict';
  const { $, el, createApi, staffNav, gate, staffLanguage } = window.CarelineStaff;
  const { t } = window.CarelineI18n;
  /** Marks content that is not the page's own (customers' words, names, articles): never translated. */
  const own = (element) => {
    element.setAttribute('translate', 'no');
    return element;
  };
  let csrfToken = null;
  let me = null;
  let openId = null;
  let events = null;
  let canned = [];
  const loadCanned = () => api('/api/agent/canned-responses').then(({ responses }) => {
    canned = responses;
    for (const list of document.querySelectorAll('.canned-list')) renderCannedList(list);
  }, () => undefined);
  let knownWaiting = new Set();
  let queueLoaded = false;
  let samePersonOpen = false;

  const { api, post, send } = createApi(() => csrfToken);

  // A customer without a name (web chat visitors) is told apart by the end of their id.
  const customerName = (customer) => (customer && customer.displayName) || t('Customer {id}', { id: String((customer && (customer.id || customer._id)) || '').slice(-4).toUpperCase() }).trim();

  const minutes = (ms) => t('{n} min', { n: Math.max(0, Math.round(ms / 60000)) });
  const slaText = (sla) => (sla.breached ? t('SLA breached {minutes} ago', { minutes: minutes(-sla.msLeft) }) : t('SLA {minutes} left', { minutes: minutes(sla.msLeft) }));
  // A ticket that was answered shows whether its first reply was in time, not a countdown.
  const ticketSlaText = (ticket) =>
    ticket.firstResponseAt ? (ticket.sla.met ? t('first reply within SLA') : t('first reply {minutes} late', { minutes: minutes(-ticket.sla.msLeft) })) : ticket.status === 'waiting' || ticket.status === 'assigned' ? slaText(ticket.sla) : t('no first reply');

  // ---- login ----
  const showLogin = () => {
    $('#login').hidden = false;
    $('#app').hidden = true;
  };
  const logout = async () => {
    await post('/api/auth/logout');
    if (events) events.close();
    location.reload();
  };
  const start = (session) => {
    csrfToken = session.csrfToken;
    if (gate(session, 'agent', logout)) return;
    me = session.user;
    const language = staffLanguage(session, send);
    if (!$('header .staff-nav')) $('header').insertBefore(staffNav(me), $('#me'));
    if (!$('header .staff-language')) $('header').insertBefore(language, $('#notify'));
    api('/api/agent/status').then(({ status }) => showStatus(status), () => undefined);
    $('#audit-open').hidden = !isAdmin();
    loadCanned();
    $('#login').hidden = true;
    $('#app').hidden = false;
    $('#me').textContent = `${me.displayName} (${me.roles.join(', ')})`;
    // A link from elsewhere (the dashboard's comments) opens one conversation: /console/?conversation=ID.
    const linked = new URLSearchParams(location.search).get('conversation');
    if (linked && !openId) openId = linked;
    refresh();
    events = new EventSource('/api/agent/events');
    // Load the lists once the stream is connected (and again after each reconnect): an event
    // sent before the stream was open would otherwise be missed until the next one.
    events.onopen = () => refresh(true);
    events.onmessage = refresh;
    events.addEventListener('conversation.transferred', (event) => {
      const { conversationId, from } = JSON.parse(event.data);
      alertTransferred(conversationId, from);
      refresh();
    });
    for (const name of ['conversation.handed_off', 'conversation.claimed', 'conversation.resolved', 'conversation.handed_back', 'message.received', 'message.sent', 'ticket.noted', 'ticket.priority_raised']) {
      events.addEventListener(name, (event) => {
        const { conversationId } = JSON.parse(event.data);
        if (name === 'message.received' && conversationId === openId) showCustomerTyping(false);
        refresh(conversationId === openId);
      });
    }
    events.addEventListener('customer.typing', (event) => {
      if (JSON.parse(event.data).conversationId === openId) showCustomerTyping(true);
    });
  };

  // ---- the customer is typing: shown on the open conversation until their message arrives, or 6 s after the last signal ----
  let customerTypingTimer = 0;
  const showCustomerTyping = (typing) => {
    const line = $('#conversation .customer-typing');
    clearTimeout(customerTypingTimer);
    if (!line) return;
    line.hidden = !typing;
    if (typing) customerTypingTimer = window.setTimeout(() => (line.hidden = true), 6000);
  };
  $('#login-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const form = new FormData(event.target);
    try {
      start(await post('/api/auth/login', { email: form.get('email'), password: form.get('password') }));
      $('#login-error').textContent = '';
    } catch (error) {
      $('#login-error').textContent = error.message;
    }
  });
  $('#logout').addEventListener('click', logout);
  // ---- admins: the audit log in place of the conversation ----
  const isAdmin = () => Boolean(me && me.roles.includes('admin'));
  $('#audit-open').addEventListener('click', () => {
    openId = null;
    shown = null;
    window.CarelineAdmin.showAuditLog($('#conversation'), api);
  });
  // ---- online / away: an away agent gets no conversations and does not count as available ----
  const showStatus = (status) => {
    const button = $('#status');
    button.dataset.status = status;
    button.textContent = status === 'away' ? t('Away') : t('Online');
    button.setAttribute('aria-pressed', String(status === 'away'));
    button.title = status === 'away' ? t('You get no conversations. Press to be online.') : t('You can be given conversations. Press to be away.');
  };
  $('#status').addEventListener('click', async () => {
    const next = $('#status').dataset.status === 'away' ? 'online' : 'away';
    try {
      showStatus((await post('/api/agent/status', { status: next })).status);
    } catch (error) {
      alert(error.message);
    }
  });

  $('#notify').addEventListener('click', () => {
    if ('Notification' in window) Notification.requestPermission();
  });

  // ---- new waiting conversations: a sound and a desktop notification ----
  const chime = (title, body) => {
    try {
      const audio = new AudioContext();
      const tone = audio.createOscillator();
      tone.connect(audio.destination);
      tone.frequency.value = 880;
      tone.start();
      tone.stop(audio.currentTime + 0.15);
    } catch {
      /* no audio available: the list still updates */
    }
    if ('Notification' in window && Notification.permission === 'granted') new Notification(title, { body });
  };
  const alertNew = (item) => chime(t('New conversation #{number}', { number: item.ticket.number }), item.ticket.subject || '');

  // ---- a colleague gave me a conversation: a banner that opens it, a sound and a notification ----
  const alertTransferred = (conversationId, from) => {
    const banner = el('div', 'transferred');
    banner.setAttribute('role', 'alert');
    const open = el('button', '', 'Open');
    open.type = 'button';
    open.addEventListener('click', () => {
      banner.remove();
      openId = conversationId;
      refresh(true);
    });
    const dismiss = el('button', 'secondary', 'Dismiss');
    dismiss.type = 'button';
    dismiss.addEventListener('click', () => banner.remove());
    banner.append(el('span', '', t('{name} transferred a conversation to you.', { name: from })), open, dismiss);
    $('#alerts').append(banner);
    chime(t('A conversation for you'), t('{name} transferred a conversation to you.', { name: from }));
  };

  // ---- queue and my conversations ----
  // Waiting times and SLA countdowns move on their own between updates: the server's figures
  // are aged by the time since the queue was drawn, every 15 s, and a breach is flagged then.
  let queueDrawnAt = Date.now();
  const tickQueue = () => {
    const aged = Date.now() - queueDrawnAt;
    let breaches = 0;
    for (const waiting of document.querySelectorAll(/** @type {'span'} */ ('#queue .waiting'))) {
      waiting.textContent = t('waiting {minutes} · {channel}', { minutes: minutes(Number(waiting.dataset.waitingMs) + aged), channel: waiting.dataset.channel });
    }
    for (const sla of document.querySelectorAll(/** @type {'span'} */ ('#queue .sla'))) {
      const msLeft = Number(sla.dataset.msLeft) - aged;
      const breached = msLeft < 0;
      if (breached) breaches++;
      sla.classList.toggle('breached', breached);
      sla.textContent = slaText({ msLeft, breached });
    }
    document.title = `${breaches ? `(${breaches} SLA breached) ` : ''}${document.title.replace(/^\(\d+ SLA breached\) /, '')}`;
  };
  setInterval(tickQueue, 15_000);

  const renderQueue = (queue) => {
    queueDrawnAt = Date.now();
    const list = $('#queue');
    list.replaceChildren();
    $('#queue-count').textContent = `(${queue.length})`;
    waitingCount = queue.length;
    showCounts();
    if (queueLoaded) for (const item of queue) if (!knownWaiting.has(item.ticket.id)) alertNew(item);
    knownWaiting = new Set(queue.map((item) => item.ticket.id));
    queueLoaded = true;
    for (const item of queue) {
      const li = el('li');
      li.dataset.ticket = item.ticket.id;
      const head = el('div');
      head.append(el('span', `badge ${item.ticket.priority}`, item.ticket.priority));
      if (item.conversation && item.conversation.customer && item.conversation.customer.segment === 'vip') head.append(el('span', 'badge vip', 'VIP'));
      head.append(el('strong', '', `#${item.ticket.number} `), own(el('span', 'customer', customerName(item.conversation && item.conversation.customer))));
      li.append(head, own(el('span', 'subject', item.ticket.subject || item.ticket.reason)));
      const waiting = el('span', 'waiting');
      waiting.dataset.waitingMs = String(item.ticket.waitingMs);
      waiting.dataset.channel = item.conversation ? item.conversation.channel : '';
      const sla = el('span', 'sla');
      sla.dataset.msLeft = String(item.ticket.sla.msLeft);
      li.append(waiting, sla);
      if (item.ticket.contact) li.append(el('span', 'contact', t('contact: {contact}', { contact: [item.ticket.contact.email, item.ticket.contact.phone, item.ticket.contact.orderCode && t('order {code}', { code: item.ticket.contact.orderCode })].filter(Boolean).join(', ') })));
      const claim = el('button', '', 'Claim');
      claim.type = 'button';
      claim.addEventListener('click', async () => {
        try {
          const { conversationId } = await post(`/api/agent/tickets/${item.ticket.id}/claim`);
          openId = conversationId;
          refresh(true);
        } catch (error) {
          alert(error.message);
          refresh();
        }
      });
      li.append(claim);
      list.append(li);
    }
    tickQueue();
  };

  // ---- search: any conversation, resolved or another agent's, by customer, ticket or words ----
  const renderResults = (results) => {
    const list = $('#results');
    list.replaceChildren();
    if (results.length === 0) list.append(el('li', 'none', 'No conversation found.'));
    for (const result of results) {
      const li = el('li', result.id === openId ? 'open' : '');
      const ticket = result.ticket ? ` · #${result.ticket.number} ${result.ticket.priority}` : '';
      const who = result.handledBy ? ` · ${result.handledBy}` : '';
      const at = new Date(result.lastMessageAt).toLocaleString([], { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
      const open = el('button', 'secondary', `${customerName(result.customer)} · ${result.channel} · ${result.state}${ticket}${who} · ${at}`);
      open.type = 'button';
      open.addEventListener('click', () => {
        openId = result.id;
        refresh(true);
      });
      li.append(open);
      if (result.matched) li.append(own(el('span', 'matched', `${t(result.matched.author)}: ${result.matched.text}`)));
      list.append(li);
    }
  };
  $('#search').addEventListener('submit', async (event) => {
    event.preventDefault();
    const params = new URLSearchParams();
    for (const [name, value] of new FormData(event.target)) if (String(value).trim()) params.set(name, String(value).trim());
    try {
      renderResults((await api(`/api/agent/search?${params}`)).results);
    } catch (error) {
      $('#results').replaceChildren(el('li', 'none', error.message));
    }
  });

  // ---- unread: a conversation of mine with customer messages the agent has not had open since ----
  const seenAt = new Map();
  const unread = (conversation) => conversation.id !== openId && conversation.lastCustomerMessageAt && new Date(conversation.lastCustomerMessageAt) > (seenAt.get(conversation.id) || 0);
  let waitingCount = 0;
  let unreadCount = 0;
  const showCounts = () => {
    const count = waitingCount + unreadCount;
    document.title = `${count ? `(${count}) ` : ''}${t('Careline — agent console')}`;
  };

  const renderMine = (conversations) => {
    const list = $('#mine');
    list.replaceChildren();
    unreadCount = conversations.filter(unread).length;
    showCounts();
    for (const conversation of conversations) {
      const li = el('li', conversation.id === openId ? 'open' : '');
      if (unread(conversation)) li.append(el('span', 'badge unread', t('new messages')));
      const onPlatform = String(conversation.ownerId || '').startsWith('platform:') ? ' · answered in the platform app' : '';
      const open = el('button', 'secondary', `${customerName(conversation.customer)} · ${conversation.channel}${onPlatform}`);
      open.type = 'button';
      open.addEventListener('click', () => {
        openId = conversation.id;
        refresh(true);
      });
      li.append(open);
      list.append(li);
    }
  };

  // ---- what a customer sent besides text: media through the authenticated route, cards and places as text ----
  const attachmentLabels = { image: 'Photo', video: 'Video', audio: 'Audio', voice: 'Voice message', file: 'File', sticker: 'Sticker', order: 'Order', notice: 'Notice', unsupported: 'Unsupported message' };
  const renderAttachment = (attachment) => {
    const box = el('div', `attachment attachment-${attachment.kind}`);
    if (attachment.kind === 'location' && attachment.location) {
      const { latitude, longitude, name, address } = attachment.location;
      const map = el('a', '', `📍 ${[name, address].filter(Boolean).join(', ') || `${latitude}, ${longitude}`}`);
      map.href = `https://www.openstreetmap.org/?mlat=${encodeURIComponent(latitude)}&mlon=${encodeURIComponent(longitude)}#map=17/${encodeURIComponent(latitude)}/${encodeURIComponent(longitude)}`;
      map.target = '_blank';
      map.rel = 'noopener noreferrer';
      box.append(map);
    } else if (attachment.kind === 'contact' && attachment.contact) {
      const { name, phones = [], emails = [] } = attachment.contact;
      box.textContent = `👤 ${[name, ...phones, ...emails].filter(Boolean).join(' · ')}`;
    } else if (attachment.kind === 'reaction') {
      box.textContent = `reacted ${attachment.emoji || ''}`;
    } else if (attachment.href && (attachment.kind === 'image' || attachment.kind === 'sticker')) {
      const link = el('a');
      link.href = attachment.href;
      link.target = '_blank';
      link.rel = 'noopener';
      const image = el('img');
      image.src = attachment.href;
      image.alt = `${attachmentLabels[attachment.kind]}${attachment.emoji ? ` ${attachment.emoji}` : ''}`;
      image.loading = 'lazy';
      link.append(image);
      box.append(link);
    } else if (attachment.href) {
      const link = el('a', '', `📎 ${attachmentLabels[attachment.kind] || attachment.kind}${attachment.fileName ? `: ${attachment.fileName}` : ''}${attachment.size ? ` (${Math.ceil(attachment.size / 1024)} KB)` : ''}`);
      link.href = attachment.href;
      link.target = '_blank';
      link.rel = 'noopener';
      box.append(link);
    } else {
      box.textContent = `${attachmentLabels[attachment.kind] || attachment.kind}${attachment.emoji ? ` ${attachment.emoji}` : ''}${attachment.summary ? `: ${attachment.summary}` : ''}`;
    }
    return box;
  };

  // ---- one conversation ----
  const renderTranscript = (list, messages) => {
    list.replaceChildren();
    for (const message of messages) {
      const li = el('li', message.author);
      const who = message.author === 'agent' ? message.authorName || t('Agent') : t(message.author);
      const at = new Date(message.at).toLocaleString([], { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
      const article = message.articleTitle ? `“${message.articleTitle}”` : message.articleId;
      const detail = message.articleId ? ` · ${t('article {title}, confidence {confidence}', { title: article, confidence: Number(message.confidence).toFixed(2) })}${message.wordedBy ? `, worded by ${message.wordedBy}` : ''}` : '';
      const head = own(el('span', 'who', `${who} · ${at}${detail}`));
      li.append(head);
      if (message.html !== undefined) {
        // The server's sanitizing Markdown renderer made this HTML (raw HTML in an answer is shown as text).
        const body = own(el('div', 'markdown'));
        body.innerHTML = message.html;
        li.append(body);
      } else li.append(own(el('span', 'text', message.text)));
      // What the bot offered (clarification choices, a rating, "did this help?"), so the agent sees what the customer saw.
      if (message.buttons && message.buttons.length) li.append(own(el('span', 'offered', t('offered: {choices}', { choices: message.buttons.join(' · ') }))));
      for (const attachment of message.attachments || []) li.append(renderAttachment(attachment));
      list.append(li);
    }
  };

  // ---- the same person on several channels: find the other record and merge it into this one ----
  const loadSamePersonHistory = (history, customer) => {
    api(`/api/customers/${encodeURIComponent(customer._id)}`).then(({ merges, verifiedContacts }) => {
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

  // The conversation on screen: rebuilt when another one (or another customer) opens, else
  // updated in place, so a live update never wipes the agent's draft, search or choices.
  let shown = null;
  const renderConversation = (data) => {
    seenAt.set(data.conversation.id, new Date());
    const key = `${data.conversation.id}/${data.customer ? data.customer._id : ''}`;
    if (!shown || shown.key !== key || !document.contains(shown.section)) shown = { key, section: buildConversation(data), data };
    shown.data = data;
    updateConversation(shown.section, data);
  };

  /** The parts of the conversation that change while it is open. */
  const updateConversation = (section, data) => {
    const customer = data.customer || {};
    own($('.customer', section)).textContent = `${customerName(customer)} (${customer.segment || 'new'})`;
    const ticket = data.ticket;
    $('.meta', section).textContent = [`${data.conversation.channel}`, t('state: {state}', { state: data.conversation.state }), platformOwned(data) ? t("answered from the platform's own app (the bot is silent; hand it back to let the bot answer)") : '', ticket ? t('ticket #{number} · {priority} · {reason}', { number: ticket.number, priority: t(ticket.priority), reason: ticket.reason }) : '', ticket ? ticketSlaText(ticket) : ''].filter(Boolean).join(' · ');
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
    renderTranscript($('.transcript', section), data.messages);
    own($('.notes', section)).replaceChildren(...((ticket && ticket.notes) || []).map((note) => el('li', '', note.text)));
    // Earlier conversations of the same person, each with who handled it, opened with one click.
    $('.previous', section).replaceChildren(
      ...data.previousConversations.map((previous) => {
        const li = el('li', '');
        const open = el('button', 'secondary', t('Open'));
        open.type = 'button';
        open.addEventListener('click', () => {
          openId = previous.id;
          refresh(true);
        });
        const handled = previous.handledBy ? ` · ${t('handled by {name}', { name: previous.handledBy })}` : '';
        li.append(own(el('span', '', `${previous.channel} · ${previous.state} · ${new Date(previous.createdAt).toLocaleString()}${handled} · ${t('{n} messages', { n: previous.messages.length })}: ${previous.messages.map((m) => m.text).slice(0, 3).join(' / ')}`)), open);
        return li;
      }),
    );
    // The customer's survey answer on this conversation.
    const rating = $('.rating', section);
    rating.hidden = !data.csat;
    if (data.csat) rating.replaceChildren(el('strong', '', `${t('Rating')}: ${'★'.repeat(data.csat.score)}${'☆'.repeat(5 - data.csat.score)} ${data.csat.score}/5`), ...(data.csat.comment ? [own(el('span', '', ` “${data.csat.comment}”`))] : []));
    const owned = isOwned(data);
    for (const control of section.querySelectorAll('.actions button, .actions select')) control.disabled = !owned && !control.classList.contains('note') && !(platformOwned(data) && control.classList.contains('handback'));
    // Transfer needs a colleague chosen first.
    const transferTo = $('.transfer-to', section);
    if (!transferTo.value) $('.transfer', section).disabled = true;
    const transcript = $('.transcript', section);
    transcript.lastElementChild && transcript.lastElementChild.scrollIntoView({ block: 'nearest' });
  };

  const isOwned = (data) => data.conversation.state === 'with_agent' && data.conversation.ownerId === me.id;
  // Someone answers this customer from the platform's own app (Page inbox): any agent may give it back to the bot.
  const platformOwned = (data) => data.conversation.state === 'with_agent' && String(data.conversation.ownerId || '').startsWith('platform:');

  /** The section of a newly opened conversation, its forms wired to the latest data shown. */
  const renderCannedList = (list) => {
    list.replaceChildren();
    for (const response of canned) {
      const li = el('li', '');
      const remove = el('button', 'secondary', 'Delete');
      remove.type = 'button';
      remove.setAttribute('aria-label', `Delete /${response.shortcut}`);
      remove.addEventListener('click', async () => {
        await send('DELETE', `/api/agent/canned-responses/${encodeURIComponent(response.id)}`).catch((error) => alert(error.message));
        loadCanned();
      });
      li.append(el('strong', '', `/${response.shortcut}`), own(el('span', '', `${response.locale ? ` (${response.locale})` : ''} ${response.text}`)), remove);
      list.append(li);
    }
  };

  const buildConversation = (data) => {
    const section = $('#conversation');
    section.replaceChildren($('#conversation-template').content.cloneNode(true));
    if (data.customer) renderSamePerson(section, data.customer);
    if (data.customer && isAdmin()) window.CarelineAdmin.dataRequests(section, data.customer, {
        post,
        name: customerName(data.customer),
        // Built again, so that no form still holds what was erased.
        erased: () => {
          shown = null;
          refresh(true);
        },
      });
    const form = $('form.reply', section);
    const text = $('textarea', form);
    window.CarelineCanned.attach(text, {
      responses: () => canned,
      context: () => ({ customerName: shown.data.customer && shown.data.customer.displayName, agentName: me.displayName, ticketNumber: shown.data.ticket && shown.data.ticket.number, locale: shown.data.conversation.locale }),
    });
    // The customer's record: name, segment (a VIP's waiting ticket moves up), tags and contacts.
    const customerForm = $('.customer-form', section);
    const customer = data.customer || {};
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
    // The team's canned responses: listed, added and removed here; offered after "/" in the reply box.
    renderCannedList($('.canned-list', section));
    $('.canned-add', section).addEventListener('submit', async (event) => {
      event.preventDefault();
      const add = event.target;
      const status = $('.canned-status', section);
      try {
        await post('/api/agent/canned-responses', { shortcut: add.elements.shortcut.value, text: add.elements.text.value, ...(add.elements.locale.value ? { locale: add.elements.locale.value } : {}) });
        add.reset();
        status.textContent = 'Saved.';
        loadCanned();
      } catch (error) {
        status.textContent = error.message;
      }
    });
    const act = (fn) => async () => {
      try {
        await fn();
        refresh(true);
      } catch (error) {
        alert(error.message);
      }
    };
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const value = text.value.trim();
      if (!value) return;
      text.value = '';
      act(() => post(`/api/agent/conversations/${openId}/messages`, { text: value }))();
    });
    text.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && !event.shiftKey) {
        event.preventDefault();
        form.requestSubmit();
      }
    });
    $('.note', section).addEventListener('click', act(async () => {
      const value = text.value.trim();
      if (!value) return;
      text.value = '';
      await post(`/api/agent/conversations/${openId}/notes`, { text: value });
    }));
    // Let the customer see that someone is typing (at most every 3 s).
    let typingSentAt = 0;
    text.addEventListener('input', () => {
      if (!isOwned(shown.data) || Date.now() - typingSentAt < 3000) return;
      typingSentAt = Date.now();
      post(`/api/agent/conversations/${openId}/typing`).catch(() => undefined);
    });
    $('.kb-search', section).addEventListener('submit', async (event) => {
      event.preventDefault();
      const q = $('#kb-query', section).value.trim();
      if (!q) return;
      const { conversation } = shown.data;
      const locale = conversation.locale ? `&locale=${encodeURIComponent(conversation.locale)}` : '';
      const { results } = await api(`/api/agent/knowledge?q=${encodeURIComponent(q)}${locale}`);
      const list = $('.kb-results', section);
      list.replaceChildren();
      for (const result of results) {
        const li = el('li');
        const insert = el('button', 'secondary', 'Insert');
        insert.type = 'button';
        // Inserted where the cursor is, so what the agent already wrote stays.
        insert.addEventListener('click', () => {
          const start = text.selectionStart ?? text.value.length;
          const end = text.selectionEnd ?? start;
          const before = text.value.slice(0, start);
          const spacer = before && !/\s$/.test(before) ? '\n\n' : '';
          text.value = `${before}${spacer}${result.answer}${text.value.slice(end)}`;
          text.focus();
          text.selectionStart = text.selectionEnd = before.length + spacer.length + result.answer.length;
        });
        li.append(own(el('strong', '', `${result.title} (${result.locale}, ${result.confidence.toFixed(2)})`)), own(el('span', '', result.answer.slice(0, 200))), insert);
        list.append(li);
      }
      if (results.length === 0) list.append(el('li', '', 'No matching article.'));
    });
    // Transfer: nobody is chosen until the agent picks a colleague, and it asks before it sends.
    const transferTo = $('.transfer-to', section);
    const transferButton = $('.transfer', section);
    const nobody = el('option', '', 'Transfer to…');
    nobody.value = '';
    transferTo.append(nobody);
    transferTo.addEventListener('change', () => {
      transferButton.disabled = !transferTo.value;
    });
    api('/api/agent/agents').then(({ agents }) => {
      for (const agent of agents.filter((candidate) => candidate.id !== me.id)) {
        const option = own(el('option', '', agent.online ? t('{name} (online)', { name: agent.displayName }) : agent.displayName));
        option.value = agent.id;
        option.dataset.name = agent.displayName;
        transferTo.append(option);
      }
    }, () => undefined);
    transferButton.addEventListener('click', act(async () => {
      const chosen = transferTo.selectedOptions[0];
      if (!transferTo.value || !chosen) return;
      if (!confirm(t('Transfer {customer} to {name}? They are told at once.', { customer: customerName(data.customer), name: chosen.dataset.name }))) return;
      await post(`/api/agent/conversations/${openId}/transfer`, { toUserId: transferTo.value });
    }));
    $('.resolve', section).addEventListener('click', act(() => post(`/api/agent/conversations/${openId}/resolve`)));
    $('.handback', section).addEventListener('click', act(() => post(`/api/agent/conversations/${openId}/handback`)));
    return section;
  };

  // ---- keyboard: Alt+N next conversation, Alt+S find, Alt+M reply as note, Alt+R resolve ----
  document.addEventListener('keydown', (event) => {
    if (!event.altKey || event.ctrlKey || event.metaKey || $('#app').hidden) return;
    const key = event.key.toLowerCase();
    const click = (selector) => {
      const target = $(selector);
      if (target && !target.disabled) target.click();
    };
    if (key === 'n') {
      // The next of my conversations after the open one, else the first waiting one's Claim.
      const mine = [...document.querySelectorAll(/** @type {'button'} */ ('#mine li button'))];
      const at = mine.findIndex((button) => button.closest('li').classList.contains('open'));
      const next = mine[(at + 1) % Math.max(mine.length, 1)];
      if (next && mine.length > (at >= 0 ? 1 : 0)) next.click();
      else click('#queue li button');
    } else if (key === 's') $('#search-q').focus();
    else if (key === 'm') click('#conversation .note');
    else if (key === 'r') click('#conversation .resolve');
    else return;
    event.preventDefault();
  });

  let refreshing = null;
  const refresh = async (reloadOpen = false) => {
    if (refreshing) return refreshing.then(() => refresh(reloadOpen));
    refreshing = (async () => {
      try {
        const [{ queue }, { conversations }] = await Promise.all([api('/api/agent/queue'), api('/api/agent/conversations')]);
        renderQueue(queue);
        renderMine(conversations);
        if (openId && (reloadOpen || !$('#conversation .transcript'))) renderConversation(await api(`/api/agent/conversations/${openId}`));
      } catch (error) {
        if (error.status === 401) showLogin();
        else if (error.status === 404 && openId) {
          openId = null;
          $('#conversation').replaceChildren(el('p', 'empty', 'That conversation was not found.'));
        }
      } finally {
        refreshing = null;
      }
    })();
    return refreshing;
  };

  api('/api/auth/me').then(start, showLogin);
})();
