/*
 * The console's lists: the queue of waiting conversations (with their moving waiting time
 * and SLA countdown, a chime for a new one), my conversations (with unread badges and a
 * count in the tab title), search results, and the banner when a colleague transfers one.
 */
import { state, post, refresh, openConversation, own, customerName, minutes, slaText } from './console-state.js';

const { $, el } = window.CarelineStaff;
const { t } = window.CarelineI18n;

let knownWaiting = new Set();
let queueLoaded = false;

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

/** A colleague gave me a conversation: a banner that opens it, a sound and a notification. */
export const alertTransferred = (conversationId, from) => {
  const banner = el('div', 'transferred');
  banner.setAttribute('role', 'alert');
  const open = el('button', '', 'Open');
  open.type = 'button';
  open.addEventListener('click', () => {
    banner.remove();
    openConversation(conversationId);
  });
  const dismiss = el('button', 'secondary', 'Dismiss');
  dismiss.type = 'button';
  dismiss.addEventListener('click', () => banner.remove());
  banner.append(el('span', '', t('{name} transferred a conversation to you.', { name: from })), open, dismiss);
  $('#alerts').append(banner);
  chime(t('A conversation for you'), t('{name} transferred a conversation to you.', { name: from }));
};

// ---- the tab title: waiting + unread ----
let waitingCount = 0;
let unreadCount = 0;
const showCounts = () => {
  const count = waitingCount + unreadCount;
  document.title = `${count ? `(${count}) ` : ''}${t('Careline — agent console')}`;
};

// ---- queue ----
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

const queueItem = (item) => {
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
      openConversation(conversationId);
    } catch (error) {
      alert(error.message);
      refresh();
    }
  });
  li.append(claim);
  return li;
};

/** The waiting conversations, most urgent first as the server orders them. */
export const renderQueue = (queue) => {
  queueDrawnAt = Date.now();
  const list = $('#queue');
  list.replaceChildren();
  $('#queue-count').textContent = `(${queue.length})`;
  waitingCount = queue.length;
  showCounts();
  if (queueLoaded) for (const item of queue) if (!knownWaiting.has(item.ticket.id)) alertNew(item);
  knownWaiting = new Set(queue.map((item) => item.ticket.id));
  queueLoaded = true;
  for (const item of queue) list.append(queueItem(item));
  tickQueue();
};

// ---- unread: a conversation of mine with customer messages the agent has not had open since ----
const seenAt = new Map();
/** Notes that the agent has the conversation open now (its messages so far are read). */
export const markSeen = (/** @type {string} */ conversationId) => seenAt.set(conversationId, new Date());
const unread = (conversation) => conversation.id !== state.openId && conversation.lastCustomerMessageAt && new Date(conversation.lastCustomerMessageAt) > (seenAt.get(conversation.id) || 0);

/** My conversations, each with an unread badge when the customer wrote since I last looked. */
export const renderMine = (conversations) => {
  const list = $('#mine');
  list.replaceChildren();
  unreadCount = conversations.filter(unread).length;
  showCounts();
  for (const conversation of conversations) {
    const li = el('li', conversation.id === state.openId ? 'open' : '');
    if (unread(conversation)) li.append(el('span', 'badge unread', t('new messages')));
    const onPlatform = String(conversation.ownerId || '').startsWith('platform:') ? ' · answered in the platform app' : '';
    const open = el('button', 'secondary', `${customerName(conversation.customer)} · ${conversation.channel}${onPlatform}`);
    open.type = 'button';
    open.addEventListener('click', () => openConversation(conversation.id));
    li.append(open);
    list.append(li);
  }
};
