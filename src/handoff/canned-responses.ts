import { z } from 'zod';
import { localeSchema } from '../config/config-schema.js';
import { ConflictError, NotFoundError } from '../core/app-error.js';
import type { Locale } from '../core/locale.js';
import { defaultPersona, type Persona } from '../config/persona.js';
import type { DocumentStore } from '../storage/document-store.js';
import { DuplicateKeyError } from '../storage/duplicate-key-error.js';
import { newId } from '../storage/new-id.js';

/** What an agent types after `/` in the reply box: lower-case letters, digits and dashes. */
const shortcutSchema = z.string().trim().toLowerCase().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, { error: 'a shortcut is 1–40 lower-case letters, digits or dashes, e.g. "wait"' });

/** The fields an agent gives a canned response (`POST` / `PATCH /api/agent/canned-responses`). */
export const cannedResponseInput = z.strictObject({
  shortcut: shortcutSchema,
  /** `{customer.name}`, `{agent.name}` and `{ticket.number}` are filled in when it is used. */
  text: z.string().trim().min(1).max(4000),
  /** The language it is written in; the console offers the conversation's language first. */
  locale: localeSchema.optional(),
});
export type CannedResponseInput = z.infer<typeof cannedResponseInput>;

export const cannedResponseSchema = cannedResponseInput.extend({
  _id: z.string(),
  updatedAt: z.date(),
  updatedBy: z.string(),
});
export type CannedResponse = z.infer<typeof cannedResponseSchema>;

type Starter = { shortcut: string; text: string };

/** The Vietnamese starters of a shop speaking formally (`BUSINESS_PERSONA_VI=chung-toi`): the agent is "tôi", the customer "quý khách". */
const formalVietnamese: Starter[] = [
  { shortcut: 'chao', text: 'Xin chào {customer.name}, tôi là {agent.name}. Tôi có thể giúp gì cho quý khách ạ?' },
  { shortcut: 'cho', text: 'Quý khách vui lòng chờ trong giây lát để tôi kiểm tra ạ.' },
  { shortcut: 'cam-on', text: 'Cảm ơn {customer.name} đã liên hệ. Chúc quý khách một ngày tốt lành!' },
];

/** The starter set a new installation gets, so `/` offers something on day one. */
const starters: Record<'vi' | 'en', Starter[]> = {
  vi: [
    { shortcut: 'chao', text: 'Chào {customer.name}, em là {agent.name}. Em có thể giúp gì cho anh/chị ạ?' },
    { shortcut: 'cho', text: 'Anh/chị vui lòng chờ em một chút để em kiểm tra nhé.' },
    { shortcut: 'cam-on', text: 'Cảm ơn {customer.name} đã liên hệ. Chúc anh/chị một ngày tốt lành!' },
  ],
  en: [
    { shortcut: 'hello', text: 'Hi {customer.name}, this is {agent.name}. How can I help you?' },
    { shortcut: 'wait', text: 'Please give me a moment while I check this for you.' },
    { shortcut: 'thanks', text: 'Thank you for contacting us, {customer.name}. Have a great day!' },
  ],
};

/**
 * The team's canned responses (`canned_responses`), shared by all agents: one per shortcut.
 * An empty collection is given a small starter set in Vietnamese and English once.
 */
export class CannedResponses {
  private readonly responses;

  constructor(store: DocumentStore) {
    this.responses = store.collection<CannedResponse>('canned_responses');
  }

  async list(): Promise<CannedResponse[]> {
    return this.responses.find({}, { sort: { shortcut: 1 } });
  }

  async create(input: CannedResponseInput, by: string): Promise<CannedResponse> {
    const response = cannedResponseSchema.parse({ ...input, _id: newId('can'), updatedAt: new Date(), updatedBy: by });
    try {
      return await this.responses.insertOne(response);
    } catch (error) {
      if (error instanceof DuplicateKeyError) throw new ConflictError(`The shortcut /${input.shortcut} is taken; choose another or edit that one.`);
      throw error;
    }
  }

  async update(id: string, input: Partial<CannedResponseInput>, by: string): Promise<CannedResponse> {
    try {
      const updated = await this.responses.findOneAndUpdate({ _id: id }, { $set: { ...input, updatedAt: new Date(), updatedBy: by } });
      if (!updated) throw new NotFoundError('The canned response');
      return updated;
    } catch (error) {
      if (error instanceof DuplicateKeyError) throw new ConflictError(`The shortcut /${input.shortcut} is taken; choose another or edit that one.`);
      throw error;
    }
  }

  async remove(id: string): Promise<void> {
    if ((await this.responses.deleteOne({ _id: id })) === 0) throw new NotFoundError('The canned response');
  }

  /** Gives an empty collection the starter set (at start-up); true when it did. */
  async seedIfEmpty(persona: Pick<Persona, 'vi'> = defaultPersona): Promise<boolean> {
    if ((await this.responses.countDocuments({})) > 0) return false;
    const now = new Date();
    const set = { ...starters, ...(persona.vi === 'chung-toi' ? { vi: formalVietnamese } : {}) };
    for (const [locale, list] of Object.entries(set) as [Locale, Starter[]][]) {
      for (const { shortcut, text } of list) {
        await this.responses.insertOne({ _id: newId('can'), shortcut, text, locale, updatedAt: now, updatedBy: 'careline' }).catch((error: unknown) => {
          if (!(error instanceof DuplicateKeyError)) throw error;
        });
      }
    }
    return true;
  }
}
