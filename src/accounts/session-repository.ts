import { createHash, randomBytes } from 'node:crypto';
import type { DocumentStore } from '../storage/document-store.js';

/** A logged-in browser: the cookie's token is stored only as a hash. */
export interface Session {
  _id: string;
  userId: string;
  csrfToken: string;
  createdAt: Date;
  expiresAt: Date;
}

const sessionHours = 12;
const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** Login sessions for the console and the editor. */
export class SessionRepository {
  private readonly sessions;

  constructor(store: DocumentStore) {
    this.sessions = store.collection<Session>('sessions');
  }

  /** Starts a session; returns the cookie token (never stored) and the session. */
  async start(userId: string, now = new Date()): Promise<{ token: string; session: Session }> {
    const token = randomBytes(32).toString('base64url');
    const session = await this.sessions.insertOne({ _id: hashToken(token), userId, csrfToken: randomBytes(24).toString('base64url'), createdAt: now, expiresAt: new Date(now.getTime() + sessionHours * 3_600_000) });
    return { token, session };
  }

  /** The live session of a cookie token, or null. */
  async find(token: string, now = new Date()): Promise<Session | null> {
    const session = await this.sessions.findOne({ _id: hashToken(token) });
    return session && session.expiresAt > now ? session : null;
  }

  async end(token: string): Promise<void> {
    await this.sessions.deleteOne({ _id: hashToken(token) });
  }
}
