// Types for the browser scripts under public/ (checked by `tsc -p tsconfig.public.json`,
// part of `npm test`). The pages share code through these window globals, loaded in order
// by each page's <script> tags; there is no bundler. A page's own code may be ES modules
// (the console's and the editor's: console.js, editor.js and what they import), loaded after these scripts.

interface CarelineSession {
  user: { id: string; email: string; displayName: string; roles: string[]; staffLocale?: string };
  csrfToken: string;
}

/**
 * `expect` names the documents an answer carries, checked against GET /api/schemas:
 * `{ 'queue[].ticket': 'ticket', conversation: 'conversation', ticket: 'ticket?' }` (`?`: may be null).
 */
type CarelineApi = (path: string, options?: RequestInit & { expect?: Record<string, string> }) => Promise<any>;
type CarelineSend = (method: string, path: string, body?: unknown) => Promise<any>;

interface Window {
  /** public/staff/staff-i18n.js */
  CarelineI18n: {
    add(phrases: Partial<Record<'vi' | 'cs' | 'zh', Record<string, string>>>): void;
    t(english: string, params?: Record<string, unknown>): string;
    use(locale?: string): string;
    pick(preferred?: string): string;
    languageMenu(save: (locale: string) => void): HTMLSelectElement;
    readonly locale: string;
  };
  /** public/staff/staff-client.js */
  CarelineStaff: {
    /** The first match of a selector (loosely typed: pages read form fields and element-specific properties from it). */
    $(selector: string, root?: ParentNode): any;
    el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K];
    createApi(csrfToken?: () => string | null): { api: CarelineApi; send: CarelineSend; post: (path: string, body?: unknown) => Promise<any> };
    /** Signs in from the login form (POST /api/auth/login, the answer checked as `expect` names), then `start(session)`; a failure is shown under the form. */
    wireLogin(api: CarelineApi, start: (session: CarelineSession) => unknown, expect?: Record<string, string>): void;
    staffNav(user: CarelineSession['user']): HTMLElement;
    gate(session: CarelineSession, role: string, logout: () => void): boolean;
    staffLanguage(session: CarelineSession, send: CarelineSend): HTMLSelectElement;
  };
  /** public/console/canned-picker.js */
  CarelineCanned: {
    attach(textarea: HTMLTextAreaElement, options: { responses: () => { shortcut: string; text: string; locale?: string }[]; context: () => { customerName?: string; agentName?: string; ticketNumber?: number; locale?: string } }): void;
    fill(text: string, context: { customerName?: string; agentName?: string; ticketNumber?: number; locale?: string }): string;
  };
  /** public/dashboard/latest-comments.js */
  CarelineLatestComments: {
    render(table: HTMLTableElement, summary: HTMLElement, comments: { score: number; comment: string; channel: string; agentName?: string; agentId?: string; conversationId: string; answeredAt: string }[], timeZone: string): void;
  };
  /** public/console/admin-panel.js */
  CarelineAdmin: {
    dataRequests(section: ParentNode, customer: { _id: string }, options: { post: (path: string, body?: unknown) => Promise<any>; name: string; erased: () => void }): void;
    showAuditLog(section: HTMLElement, api: (path: string) => Promise<any>, offset?: number): Promise<void>;
  };
  /** public/editor/synonyms.js */
  CarelineSynonyms: (deps: any) => any;
  /** public/widget.js: set once the widget has started on a page (a second copy does nothing). */
  __carelineWidget?: boolean;
}

/** Chart.js, served at /dashboard/vendor/chart.umd.min.js. */
declare const Chart: any;
