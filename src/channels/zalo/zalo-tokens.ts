import { z } from 'zod';
import type { DocumentStore } from '../../storage/document-store.js';
import { ZaloApiError } from './zalo-api-error.js';

/** The OA's tokens as kept in the store (`zalo_tokens`, one document per app id). */
export interface StoredZaloTokens {
  _id: string;
  accessToken: string;
  refreshToken?: string;
  /** When the access token expires; unknown for a token pasted into the environment. */
  expiresAt?: Date;
  /** The refresh token the environment held when this was seeded; a different one there means the operator re-authorized. */
  seededFrom?: string;
  refreshedAt?: Date;
}

export interface ZaloTokenSettings {
  appId: string;
  appSecret?: string | undefined;
  accessToken: string;
  refreshToken?: string | undefined;
  oauthBase: string;
  /** Refresh this long before the access token expires. */
  marginMs?: number;
  now?: () => Date;
}

// expires_in arrives as a string of seconds ("90000"); accept a number too.
const refreshResponseSchema = z.object({
  access_token: z.string().min(1),
  refresh_token: z.string().min(1),
  expires_in: z.coerce.number().int().positive(),
});

/**
 * Keeps the OA access token fresh. Zalo's access tokens live about 25 hours and each refresh
 * token works once (a refresh returns a new one), so every refresh is persisted before the
 * new access token is used, and only one refresh runs at a time. Refreshes ahead of expiry
 * when the expiry is known, and on demand when Zalo says the token is no longer valid.
 * Refresh: `POST {oauthBase}/v4/oa/access_token`, header `secret_key: <app secret>`, form
 * `app_id`, `refresh_token`, `grant_type=refresh_token`.
 */
export class ZaloTokens {
  private readonly tokens;
  private current: StoredZaloTokens | null = null;
  private refreshing: Promise<string> | null = null;

  constructor(
    store: DocumentStore,
    private readonly settings: ZaloTokenSettings,
  ) {
    this.tokens = store.collection<StoredZaloTokens>('zalo_tokens');
  }

  /** An access token good for at least the margin (refreshing first if it is about to expire). */
  async accessToken(): Promise<string> {
    const tokens = await this.load();
    if (tokens.expiresAt && tokens.expiresAt.getTime() - this.now().getTime() <= (this.settings.marginMs ?? 10 * 60_000) && this.canRefresh(tokens)) {
      return this.refresh(tokens.accessToken);
    }
    return tokens.accessToken;
  }

  /**
   * Gets a new access token. `stale` is the token that failed: when another caller has
   * already replaced it, that newer token is returned without a second refresh.
   */
  async refresh(stale?: string): Promise<string> {
    const tokens = await this.load();
    if (stale !== undefined && tokens.accessToken !== stale) return tokens.accessToken;
    if (!this.canRefresh(tokens)) throw new ZaloApiError('The Zalo access token expired and cannot be refreshed: set ZALO_APP_SECRET and ZALO_REFRESH_TOKEN', { permanent: true });
    this.refreshing ??= this.exchange(tokens).finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  private canRefresh(tokens: StoredZaloTokens): tokens is StoredZaloTokens & { refreshToken: string } {
    return Boolean(tokens.refreshToken && this.settings.appSecret);
  }

  private async exchange(tokens: StoredZaloTokens): Promise<string> {
    const response = await fetch(`${this.settings.oauthBase}/v4/oa/access_token`, {
      method: 'POST',
      headers: { secret_key: this.settings.appSecret!, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ app_id: this.settings.appId, refresh_token: tokens.refreshToken!, grant_type: 'refresh_token' }),
    });
    if (response.status === 429 || response.status >= 500) throw new ZaloApiError(`Zalo token refresh answered HTTP ${response.status}`, { status: response.status });
    const body: unknown = await response.json().catch(() => null);
    const parsed = refreshResponseSchema.safeParse(body);
    if (!parsed.success) {
      const reason = body && typeof body === 'object' && 'error_description' in body ? String(body.error_description) : `HTTP ${response.status}`;
      throw new ZaloApiError(`Zalo refused to refresh the access token: ${reason}`, { permanent: true, status: response.status });
    }
    const now = this.now();
    const next: StoredZaloTokens = {
      ...tokens,
      accessToken: parsed.data.access_token,
      refreshToken: parsed.data.refresh_token,
      expiresAt: new Date(now.getTime() + parsed.data.expires_in * 1000),
      refreshedAt: now,
    };
    // The old refresh token is spent now: persist the new one before anything else can fail.
    await this.tokens.replaceOne({ _id: next._id }, next, { upsert: true });
    this.current = next;
    return next.accessToken;
  }

  private async load(): Promise<StoredZaloTokens> {
    if (this.current) return this.current;
    const stored = await this.tokens.findOne({ _id: this.settings.appId });
    const envRefresh = this.settings.refreshToken;
    // Stored tokens are newer than the environment's, unless the operator put a new refresh token there.
    if (stored && (envRefresh === undefined || stored.seededFrom === envRefresh)) {
      this.current = stored;
      return stored;
    }
    const seeded: StoredZaloTokens = {
      _id: this.settings.appId,
      accessToken: this.settings.accessToken,
      ...(envRefresh ? { refreshToken: envRefresh, seededFrom: envRefresh } : {}),
    };
    await this.tokens.replaceOne({ _id: seeded._id }, seeded, { upsert: true });
    this.current = seeded;
    return seeded;
  }

  private now(): Date {
    return this.settings.now?.() ?? new Date();
  }
}
