/**
 * The collections Careline stores and their indexes: the single list both adapters build
 * from. Index key fields must hold scalars (strings, numbers, booleans) or be absent; the
 * embedded adapter relies on that to narrow queries with SQLite expression indexes.
 */
export interface IndexSpec {
  keys: Record<string, 1 | -1>;
  unique?: boolean;
  /** Index only documents in which every key field is present (MongoDB partial index). */
  sparse?: boolean;
  /** Key fields that hold dates (the embedded store indexes them by their ISO text). */
  dates?: readonly string[];
}

export interface CollectionSpec {
  name: string;
  indexes: IndexSpec[];
  /**
   * Fields reports group by that always hold a string or number (`scalar`) or a boolean, or
   * are absent (null and absent count as absent). The embedded store groups by them in SQL.
   */
  groupFields?: Record<string, 'scalar' | 'boolean'>;
}

export const collectionSpecs = [
  { name: 'canned_responses', indexes: [{ keys: { shortcut: 1 }, unique: true }] },
  { name: 'customers', indexes: [{ keys: { segment: 1 } }, { keys: { email: 1 } }, { keys: { phone: 1 } }, { keys: { mergedInto: 1 }, sparse: true }] },
  {
    name: 'customer_identities',
    indexes: [{ keys: { customerId: 1 } }, { keys: { channel: 1, externalId: 1 }, unique: true }],
  },
  {
    name: 'conversations',
    indexes: [
      { keys: { openKey: 1 }, unique: true, sparse: true },
      { keys: { customerId: 1 } },
      { keys: { state: 1 } },
      { keys: { ownerId: 1 } },
      { keys: { createdAt: 1 }, dates: ['createdAt'] },
    ],
    groupFields: { channel: 'scalar', state: 'scalar', botAnswered: 'boolean', escalated: 'boolean', repeatContact: 'boolean' },
  },
  {
    name: 'messages',
    indexes: [
      { keys: { conversationId: 1 } },
      { keys: { inboundKey: 1 }, unique: true, sparse: true },
      { keys: { platformMessageId: 1, channel: 1 }, sparse: true },
      { keys: { turnPending: 1 }, sparse: true },
      { keys: { createdAt: 1 }, dates: ['createdAt'] },
      { keys: { customerId: 1 } },
    ],
    groupFields: { channel: 'scalar', direction: 'scalar' },
  },
  {
    name: 'tickets',
    indexes: [
      { keys: { number: 1 }, unique: true },
      { keys: { conversationId: 1 } },
      { keys: { status: 1 } },
      { keys: { assigneeId: 1 } },
      { keys: { createdAt: 1 }, dates: ['createdAt'] },
      { keys: { customerId: 1 } },
    ],
  },
  {
    name: 'csat_responses',
    indexes: [{ keys: { conversationId: 1 }, unique: true }, { keys: { customerId: 1 } }, { keys: { answeredAt: 1 }, dates: ['answeredAt'] }],
    groupFields: { channel: 'scalar', agentId: 'scalar', segment: 'scalar', handledBy: 'scalar', score: 'scalar' },
  },
  {
    name: 'csat_prompts',
    indexes: [
      { keys: { conversationId: 1 }, unique: true },
      { keys: { customerId: 1 } },
      { keys: { promptedAt: 1 }, dates: ['promptedAt'] },
    ],
    groupFields: { channel: 'scalar', agentId: 'scalar', segment: 'scalar', handledBy: 'scalar', status: 'scalar' },
  },
  {
    name: 'survey_responses',
    indexes: [{ keys: { conversationId: 1 }, unique: true }, { keys: { customerId: 1 } }, { keys: { answeredAt: 1 }, dates: ['answeredAt'] }],
    groupFields: { kind: 'scalar', score: 'scalar', channel: 'scalar', agentId: 'scalar', segment: 'scalar', handledBy: 'scalar' },
  },
  {
    name: 'survey_prompts',
    indexes: [{ keys: { conversationId: 1 }, unique: true }, { keys: { customerId: 1 } }, { keys: { promptedAt: 1 }, dates: ['promptedAt'] }],
    groupFields: { kind: 'scalar', status: 'scalar', channel: 'scalar' },
  },
  { name: 'articles', indexes: [{ keys: { slug: 1, locale: 1 }, unique: true }, { keys: { status: 1 } }] },
  { name: 'article_revisions', indexes: [{ keys: { articleId: 1 } }] },
  { name: 'article_drafts', indexes: [{ keys: { slug: 1, locale: 1 }, unique: true }] },
  { name: 'article_embeddings', indexes: [{ keys: { articleId: 1, model: 1 }, unique: true }] },
  { name: 'content_gaps', indexes: [{ keys: { slug: 1 } }] },
  { name: 'synonyms', indexes: [{ keys: { locale: 1 }, unique: true }] },
  { name: 'synonym_revisions', indexes: [{ keys: { locale: 1, revision: -1 } }] },
  { name: 'users', indexes: [{ keys: { email: 1 }, unique: true }] },
  { name: 'sessions', indexes: [{ keys: { userId: 1 } }] },
  {
    name: 'jobs',
    indexes: [{ keys: { status: 1, dueAt: 1 }, dates: ['dueAt'] }, { keys: { dedupeKey: 1 }, unique: true, sparse: true }],
  },
  { name: 'outbox', indexes: [{ keys: { status: 1, dueAt: 1 }, dates: ['dueAt'] }, { keys: { conversationId: 1 } }] },
  { name: 'question_log', indexes: [{ keys: { outcome: 1, createdAt: -1 }, dates: ['createdAt'] }, { keys: { conversationId: 1 } }, { keys: { customerId: 1 } }], groupFields: { text: 'scalar' } },
  { name: 'customer_merges', indexes: [{ keys: { survivorId: 1 } }, { keys: { mergedId: 1 } }] },
  { name: 'verified_contacts', indexes: [{ keys: { customerId: 1 } }] },
  { name: 'zalo_tokens', indexes: [] },
  { name: 'offered_choices', indexes: [] },
  { name: 'counters', indexes: [] },
  { name: 'audit_log', indexes: [{ keys: { at: -1 }, dates: ['at'] }, { keys: { target: 1 } }, { keys: { action: 1 } }] },
] as const satisfies readonly CollectionSpec[];

export type CollectionName = (typeof collectionSpecs)[number]['name'];

/** The spec of a collection; unknown names get no indexes (tests may use scratch collections). */
export function collectionSpec(name: string): CollectionSpec {
  return collectionSpecs.find((spec) => spec.name === name) ?? { name, indexes: [] };
}
