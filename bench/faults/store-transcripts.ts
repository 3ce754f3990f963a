import { EmbeddedDocumentStore } from '../../src/storage/embedded/embedded-document-store.js';
import type { StoredDocument } from '../../src/storage/document-store.js';
import type { BenchCustomer } from './bench-customers.js';
import type { TranscriptLine } from './staff-client.js';

interface Identity extends StoredDocument {
  channel: string;
  externalId: string;
  customerId: string;
}

interface Conversation extends StoredDocument {
  customerId: string;
  channel: string;
  createdAt: Date;
}

interface Line extends StoredDocument {
  conversationId: string;
  author: { kind: TranscriptLine['author'] };
  text: string;
  createdAt: Date;
}

const byTime = (a: { createdAt: Date; _id: string }, b: { createdAt: Date; _id: string }) => a.createdAt.getTime() - b.createdAt.getTime() || (a._id < b._id ? -1 : a._id > b._id ? 1 : 0);

/**
 * Every transcript in a Careline data directory, read at once from its embedded store (the
 * same SQLite file the running process writes; WAL lets both in). The staff API shows the
 * same lines, but one customer at a time through a search that scans every identity, which
 * for the 1,000–1,600 customers of a trial takes longer than the trial itself; trials read
 * here and check a sample against the staff API.
 */
export class StoreTranscripts {
  private constructor(private readonly byCustomer: Map<string, TranscriptLine[][]>) {}

  static async read(dataDir: string): Promise<StoreTranscripts> {
    const store = new EmbeddedDocumentStore(dataDir);
    try {
      const identities = await store.collection<Identity>('customer_identities').find({});
      const conversations = (await store.collection<Conversation>('conversations').find({})).sort(byTime);
      const lines = (await store.collection<Line>('messages').find({})).sort(byTime);
      const linesOf = new Map<string, TranscriptLine[]>();
      for (const line of lines) {
        const list = linesOf.get(line.conversationId) ?? [];
        list.push({ author: line.author.kind, text: line.text, at: line.createdAt.toISOString() });
        linesOf.set(line.conversationId, list);
      }
      const conversationsOf = new Map<string, Conversation[]>();
      for (const conversation of conversations) conversationsOf.set(conversation.customerId, [...(conversationsOf.get(conversation.customerId) ?? []), conversation]);
      const byCustomer = new Map<string, TranscriptLine[][]>();
      for (const identity of identities) {
        const own = (conversationsOf.get(identity.customerId) ?? []).filter((conversation) => conversation.channel === identity.channel);
        byCustomer.set(`${identity.channel}\u0000${identity.externalId}`, own.map((conversation) => linesOf.get(conversation._id) ?? []));
      }
      return new StoreTranscripts(byCustomer);
    } finally {
      await store.close();
    }
  }

  /** The customer's conversations on their channel, each in order; empty when nothing was stored. */
  transcripts(customer: BenchCustomer): TranscriptLine[][] {
    return this.byCustomer.get(`${customer.channel}\u0000${customer.externalId}`) ?? [];
  }
}

/** Outbox entries still waiting to be sent (status `pending`) in a data directory's store. */
export async function pendingOutbox(dataDir: string): Promise<number> {
  const store = new EmbeddedDocumentStore(dataDir);
  try {
    return await store.collection<StoredDocument & { status: string }>('outbox').countDocuments({ status: 'pending' });
  } finally {
    await store.close();
  }
}
