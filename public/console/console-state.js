/*
 * What the console's modules share: the API client with the session's CSRF token, who is
 * signed in, which conversation is open, and small helpers for names and minutes.
 * `refresh` redraws the lists (and the open conversation when asked); console.js provides it.
 */
const { createApi } = window.CarelineStaff;
const { t } = window.CarelineI18n;

/**
 * The console's session: the signed-in user, the open conversation's id and what is on screen.
 * @type {{ csrfToken: string | null; me: CarelineSession['user'] | null; openId: string | null; shown: { key: string; section: HTMLElement; data: any } | null }}
 */
export const state = { csrfToken: null, me: null, openId: null, shown: null };

export const { api, post, send } = createApi(() => state.csrfToken);

/** @type {(reloadOpen?: boolean) => Promise<void>} */
let refresher = async () => undefined;
/** Redraws the queue and my conversations; with `reloadOpen`, the open conversation too. */
export const refresh = (reloadOpen = false) => refresher(reloadOpen);
/** @param {(reloadOpen?: boolean) => Promise<void>} fn */
export const setRefresh = (fn) => {
  refresher = fn;
};

/** Opens a conversation (a click in a list, a banner, a claim). */
export const openConversation = (/** @type {string} */ id) => {
  state.openId = id;
  refresh(true);
};

export const isAdmin = () => Boolean(state.me && state.me.roles.includes('admin'));
/** The signed-in agent has this conversation: they may reply, transfer, resolve. */
export const isOwned = (data) => data.conversation.state === 'with_agent' && data.conversation.ownerId === state.me.id;
/** Someone answers this customer from the platform's own app (Page inbox): any agent may give it back to the bot. */
export const platformOwned = (data) => data.conversation.state === 'with_agent' && String(data.conversation.ownerId || '').startsWith('platform:');

/**
 * Marks content that is not the page's own (customers' words, names, articles): never translated.
 * @template {Element} E
 * @param {E} element
 * @returns {E}
 */
export const own = (element) => {
  element.setAttribute('translate', 'no');
  return element;
};

/** A customer without a name (web chat visitors) is told apart by the end of their id. */
export const customerName = (customer) => (customer && customer.displayName) || t('Customer {id}', { id: String((customer && (customer.id || customer._id)) || '').slice(-4).toUpperCase() }).trim();

export const minutes = (ms) => t('{n} min', { n: Math.max(0, Math.round(ms / 60000)) });
export const slaText = (sla) => (sla.breached ? t('SLA breached {minutes} ago', { minutes: minutes(-sla.msLeft) }) : t('SLA {minutes} left', { minutes: minutes(sla.msLeft) }));
/** A ticket that was answered shows whether its first reply was in time, not a countdown. */
export const ticketSlaText = (ticket) =>
  ticket.firstResponseAt ? (ticket.sla.met ? t('first reply within SLA') : t('first reply {minutes} late', { minutes: minutes(-ticket.sla.msLeft) })) : ticket.status === 'waiting' || ticket.status === 'assigned' ? slaText(ticket.sla) : t('no first reply');
