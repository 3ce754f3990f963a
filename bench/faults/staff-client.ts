import type { BenchCustomer } from './bench-customers.js';

/** One line of a transcript as the agent console shows it. */
export interface TranscriptLine {
  author: 'customer' | 'bot' | 'agent' | 'system';
  text: string;
  at: string;
}

interface CustomerHit {
  id: string;
  identities: { channel: string; externalId: string }[];
}

interface ConsoleConversation {
  messages: TranscriptLine[];
  previousConversations: { id: string; channel: string; messages: TranscriptLine[] }[];
  conversation: { id: string; channel: string };
}

/** The staff API answered something other than 2xx. */
export class StaffApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'StaffApiError';
  }
}

/**
 * A logged-in staff user of Careline's HTTP API (session cookie and CSRF token), reading
 * transcripts the way the agent console does: search the customer by their channel id
 * (`GET /api/customers?q=`), list their conversations (`GET /api/customers/:id`), read them
 * (`GET /api/agent/conversations/:id`, which includes the customer's other conversations).
 */
export class StaffClient {
  private constructor(
    readonly baseUrl: string,
    readonly cookie: string,
    readonly csrfToken: string,
  ) {}

  /** Logs in with `POST /api/auth/login`. */
  static async login(baseUrl: string, email: string, password: string): Promise<StaffClient> {
    const response = await fetch(`${baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
    if (!response.ok) throw new StaffApiError(response.status, `login as ${email} answered ${response.status}: ${await response.text()}`);
    const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0]!;
    const { csrfToken } = (await response.json()) as { csrfToken: string };
    return new StaffClient(baseUrl, cookie, csrfToken);
  }

  /** The headers of an authenticated request (CSRF included, needed for changes). */
  get headers(): Record<string, string> {
    return { cookie: this.cookie, 'x-csrf-token': this.csrfToken, 'content-type': 'application/json' };
  }

  async get<T>(path: string): Promise<T> {
    const response = await fetch(`${this.baseUrl}${path}`, { headers: this.headers, signal: AbortSignal.timeout(60_000) });
    if (!response.ok) throw new StaffApiError(response.status, `GET ${path} answered ${response.status}: ${(await response.text()).slice(0, 300)}`);
    return (await response.json()) as T;
  }

  async post<T>(path: string, body: unknown): Promise<T> {
    const response = await fetch(`${this.baseUrl}${path}`, { method: 'POST', headers: this.headers, body: JSON.stringify(body), signal: AbortSignal.timeout(60_000) });
    if (!response.ok) throw new StaffApiError(response.status, `POST ${path} answered ${response.status}: ${(await response.text()).slice(0, 300)}`);
    return (await response.json()) as T;
  }

  /** The Careline customer holding this channel identity, or null when it was never stored. */
  async customerId(customer: BenchCustomer): Promise<string | null> {
    const { customers } = await this.get<{ customers: CustomerHit[] }>(`/api/customers?q=${encodeURIComponent(customer.externalId)}`);
    const hit = customers.find((found) => found.identities.some((identity) => identity.channel === customer.channel && identity.externalId === customer.externalId));
    return hit?.id ?? null;
  }

  /** Every conversation of this customer on their channel, each transcript in order (empty when nothing was stored). */
  async transcripts(customer: BenchCustomer): Promise<TranscriptLine[][]> {
    const id = await this.customerId(customer);
    if (!id) return [];
    const { conversations } = await this.get<{ conversations: { id: string; channel: string }[] }>(`/api/customers/${encodeURIComponent(id)}`);
    const first = conversations.find((conversation) => conversation.channel === customer.channel);
    if (!first) return [];
    const view = await this.get<ConsoleConversation>(`/api/agent/conversations/${encodeURIComponent(first.id)}`);
    const all = [{ channel: view.conversation.channel, messages: view.messages }, ...view.previousConversations];
    return all.filter((conversation) => conversation.channel === customer.channel).map((conversation) => conversation.messages);
  }
}
