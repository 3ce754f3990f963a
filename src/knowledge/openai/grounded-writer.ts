import type OpenAI from 'openai';
import { z } from 'zod';
import { englishLanguageNames, type Locale } from '../../core/locale.js';
import { defaultPersona, personaInstruction, type Persona } from '../../config/persona.js';
import { checkWording, refusalToken, type CheckedWording, type SourceArticle } from './check-wording.js';
import type { CallOptions } from './model-deadline.js';

// The part of the chat completion Careline reads (`{ id, object: 'chat.completion', created,
// model, choices: [{ index, message: { role, content, refusal }, finish_reason }], usage }`).
const completionSchema = z.object({
  choices: z
    .array(
      z.object({
        message: z.object({ content: z.string().nullable().optional(), refusal: z.string().nullable().optional() }),
        finish_reason: z.string().nullable().optional(),
      }),
    )
    .min(1),
});

/** The system prompt: the articles, and the rules that keep the reply inside them. */
export function groundedPrompt(articles: SourceArticle[], locale: Locale, persona: Persona = defaultPersona): string {
  const address = personaInstruction(persona, locale);
  const sources = articles.map((article) => `[id: ${article.slug}]\nTitle: ${article.title}\n${article.answer}`).join('\n\n---\n\n');
  return [
    'You are a customer-care assistant. Answer the customer\'s question using ONLY the knowledge-base articles below.',
    'Rules:',
    '- Use only facts stated in the articles. Never add prices, times, numbers, conditions, links or promises that the articles do not state.',
    `- Reply in ${englishLanguageNames[locale]}, briefly and politely, in plain text (simple Markdown allowed).`,
    ...(address ? [`- ${address}`] : []),
    '- End the reply with the id of the article you used, exactly as [source: id].',
    `- If the articles do not contain the answer to the question, reply with exactly ${refusalToken} and nothing else.`,
    '',
    'Articles:',
    '',
    sources,
  ].join('\n');
}

/**
 * Words an answer from the matched articles with the chat model, or learns that they do
 * not answer the question. The reply is checked by `checkWording` (citations, numbers,
 * links); a truncated or provider-refused reply is rejected. Transport errors, non-2xx
 * answers and malformed bodies throw: the caller falls back to the offline answer.
 */
export class GroundedWriter {
  constructor(
    private readonly client: OpenAI,
    readonly model: string,
    /** How the shop addresses its customers (the business profile's persona). */
    private readonly persona: Persona = defaultPersona,
  ) {}

  async word(request: { question: string; locale: Locale; articles: SourceArticle[] }, options: Partial<CallOptions> = {}): Promise<CheckedWording> {
    const response: unknown = await this.client.chat.completions.create(
      {
        model: this.model,
        temperature: 0,
        messages: [
          { role: 'system', content: groundedPrompt(request.articles, request.locale, this.persona) },
          { role: 'user', content: request.question },
        ],
      },
      { maxRetries: 0, ...options },
    );
    const [choice] = completionSchema.parse(response).choices;
    if (choice!.message.refusal) return { kind: 'rejected', reason: 'the provider refused to answer' };
    if (choice!.finish_reason && choice!.finish_reason !== 'stop') return { kind: 'rejected', reason: `the reply ended with ${choice!.finish_reason}` };
    return checkWording(choice!.message.content ?? '', request.articles, request.question);
  }
}
