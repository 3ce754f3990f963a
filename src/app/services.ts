import { AuditLog } from '../accounts/audit-log.js';
import { CustomerData } from '../customers/customer-data.js';
import { UserRepository } from '../accounts/user-repository.js';
import { ConversationLog } from '../engine/conversation-log.js';
import { ConversationRepository } from '../conversations/conversation-repository.js';
import { MessageRepository } from '../conversations/message-repository.js';
import { CsatRepository } from '../csat/csat-repository.js';
import { CustomerMerge } from '../customers/customer-merge.js';
import { CustomerRepository } from '../customers/customer-repository.js';
import { VerifiedContacts } from '../customers/verified-contacts.js';
import { TicketRepository } from '../handoff/ticket-repository.js';
import { CannedResponses } from '../handoff/canned-responses.js';
import { JobQueue } from '../jobs/job-queue.js';
import { CsatPromptRepository } from '../csat/csat-prompt-repository.js';
import { SurveyPromptRepository } from '../surveys/survey-prompt-repository.js';
import { SurveyRepository } from '../surveys/survey-repository.js';
import { ArticleRepository } from '../knowledge/article-repository.js';
import { SynonymRepository } from '../knowledge/synonyms/synonym-repository.js';
import { Outbox } from '../outbox/outbox.js';
import type { ChannelId } from '../core/channel-id.js';
import type { DocumentStore } from '../storage/document-store.js';

/** The domain services over one store; built once by the composition root (and by tests). */
export function createServices(store: DocumentStore) {
  const customers = new CustomerRepository(store);
  const conversations = new ConversationRepository(store);
  const messages = new MessageRepository(store);
  const merges = new CustomerMerge(store);
  const verifiedContacts = new VerifiedContacts(store, merges);
  const csatPrompts = new CsatPromptRepository(store);
  const surveyPrompts = new SurveyPromptRepository(store);
  // The conversation an open survey (any kind) of this customer on this channel asked about.
  const surveyed = async (customerId: string, channel: ChannelId, now: Date) =>
    ((await surveyPrompts.open(customerId, channel, now)) ?? (await csatPrompts.open(customerId, channel, now)))?.conversationId ?? null;
  const audit = new AuditLog(store);
  return {
    customers,
    conversations,
    messages,
    log: new ConversationLog(customers, conversations, messages, verifiedContacts, surveyed),
    tickets: new TicketRepository(store),
    csat: new CsatRepository(store),
    csatPrompts,
    surveys: new SurveyRepository(store),
    surveyPrompts,
    articles: new ArticleRepository(store),
    synonyms: new SynonymRepository(store),
    users: new UserRepository(store),
    cannedResponses: new CannedResponses(store),
    audit,
    customerData: new CustomerData(store, audit),
    jobs: new JobQueue(store),
    outbox: new Outbox(store),
    merges,
    verifiedContacts,
  };
}

export type Services = ReturnType<typeof createServices>;
