/*
 * The console live: the server-sent event stream /api/agent/events redraws the lists (and
 * the open conversation when the event is about it), raises the banner of a transfer, and
 * shows "Customer is typing…" on the open conversation.
 */
import { state, refresh } from './console-state.js';
import { alertTransferred } from './queue-list.js';

const { $ } = window.CarelineStaff;

/** The events that change a conversation or a list; each carries `conversationId`. */
const changes = ['conversation.handed_off', 'conversation.claimed', 'conversation.resolved', 'conversation.handed_back', 'message.received', 'message.sent', 'ticket.noted', 'ticket.priority_raised'];

// ---- the customer is typing: shown on the open conversation until their message arrives, or 6 s after the last signal ----
let customerTypingTimer = 0;
const showCustomerTyping = (typing) => {
  const line = $('#conversation .customer-typing');
  clearTimeout(customerTypingTimer);
  if (!line) return;
  line.hidden = !typing;
  if (typing) customerTypingTimer = window.setTimeout(() => (line.hidden = true), 6000);
};

/** Opens the event stream; the caller closes it on log out. */
export const connectLiveEvents = () => {
  const events = new EventSource('/api/agent/events');
  // Load the lists once the stream is connected (and again after each reconnect): an event
  // sent before the stream was open would otherwise be missed until the next one.
  events.onopen = () => refresh(true);
  events.onmessage = () => refresh(true);
  events.addEventListener('conversation.transferred', (event) => {
    const { conversationId, from } = JSON.parse(event.data);
    alertTransferred(conversationId, from);
    refresh();
  });
  for (const name of changes) {
    events.addEventListener(name, (event) => {
      const { conversationId } = JSON.parse(event.data);
      if (name === 'message.received' && conversationId === state.openId) showCustomerTyping(false);
      refresh(conversationId === state.openId);
    });
  }
  // An erased customer's conversations were closed: the lists and an open one change.
  events.addEventListener('customer.erased', () => refresh(true));
  events.addEventListener('customer.typing', (event) => {
    if (JSON.parse(event.data).conversationId === state.openId) showCustomerTyping(true);
  });
  return events;
};
