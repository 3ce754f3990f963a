/*
 * The documents the console reads in each API answer, by place in the answer's body and the
 * name of the server's schema for them (GET /api/schemas); `?`: may be null or absent.
 * staff-client.js checks every answer given one of these (`api(path, { expect })`) and shows
 * a notice naming what does not fit. No DOM: the server's tests read it too.
 */
export const consoleDocuments = {
  /** GET /api/auth/me, POST /api/auth/login */
  session: { user: 'user' },
  /** GET /api/agent/queue */
  queue: { 'queue[].ticket': 'ticket', 'queue[].conversation': 'conversation?' },
  /** GET /api/agent/conversations: mine, and those answered in a platform's own app */
  mine: { 'conversations[]': 'conversation' },
  /** GET /api/agent/search */
  search: { 'results[]': 'conversation' },
  /** GET /api/agent/conversations/:id */
  conversation: { conversation: 'conversation', ticket: 'ticket?', customer: 'customer?', 'messages[]': 'message', 'previousConversations[]': 'previousConversation' },
  /** GET /api/agent/agents */
  agents: { 'agents[]': 'agent' },
  /** GET /api/customers/:id: the customer panel's verified contacts and merges */
  customerRecord: { '': 'customerRecord' },
  /** GET /api/agent/canned-responses */
  canned: { 'responses[]': 'cannedResponse' },
};
