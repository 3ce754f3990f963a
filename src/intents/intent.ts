import { z } from 'zod';

/** The conversational intents Careline recognises besides FAQ questions. */
export const intentNameSchema = z.enum(['greeting', 'thanks', 'goodbye', 'human', 'complaint', 'affirm', 'deny']);
export type IntentName = z.infer<typeof intentNameSchema>;

const businessPlaceholders = ['{business.name}', '{business.hotline}', '{business.website}', '{business.hours}'];
const personaPlaceholders = ['{persona.we}', '{persona.We}', '{persona.you}', '{persona.You}'];

/**
 * A response may name the business profile (`{business.name}`, `{business.hotline}`,
 * `{business.website}`, `{business.hours}`); a Vietnamese or Chinese one also the persona
 * (`{persona.we}`, `{persona.you}`, and `{persona.We}` / `{persona.You}` opening a sentence).
 * English and Czech have one register, so their responses name the pronoun itself.
 */
const response = (allowed: string[]) =>
  z
    .string()
    .min(1)
    .max(1000)
    .refine((text) => [...text.matchAll(/\{[^{}]*\}/g)].every(([whole]) => allowed.includes(whole)), {
      error: `a {placeholder} must be one of ${allowed.join(', ')}`,
    });

const perLocale = (item: z.ZodType<string>, vietnameseAndChinese = item) =>
  z.strictObject({ vi: z.array(vietnameseAndChinese).min(1), en: z.array(item).min(1), cs: z.array(item).min(1), zh: z.array(vietnameseAndChinese).min(1) });

/** One `intents/<name>.yaml` file: example phrases and responses in every language. */
export const intentFileSchema = z.strictObject({
  intent: intentNameSchema,
  examples: perLocale(z.string().min(1).max(300)),
  responses: perLocale(response(businessPlaceholders), response([...businessPlaceholders, ...personaPlaceholders])),
});
export type IntentDefinition = z.infer<typeof intentFileSchema>;
