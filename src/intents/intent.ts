import { z } from 'zod';

/** The conversational intents Careline recognises besides FAQ questions. */
export const intentNameSchema = z.enum(['greeting', 'thanks', 'goodbye', 'human', 'complaint', 'affirm', 'deny']);
export type IntentName = z.infer<typeof intentNameSchema>;

/** A response may name the business profile: `{business.name}`, `{business.hotline}`, `{business.website}`, `{business.hours}`. */
const response = z
  .string()
  .min(1)
  .max(1000)
  .refine((text) => [...text.matchAll(/\{([^{}]*)\}/g)].every(([, name]) => /^business\.(name|hotline|website|hours)$/.test(name!)), {
    error: 'a {placeholder} must be one of {business.name}, {business.hotline}, {business.website}, {business.hours}',
  });

const perLocale = (item: z.ZodType<string>) =>
  z.strictObject({ vi: z.array(item).min(1), en: z.array(item).min(1), cs: z.array(item).min(1), zh: z.array(item).min(1) });

/** One `intents/<name>.yaml` file: example phrases and responses in every language. */
export const intentFileSchema = z.strictObject({
  intent: intentNameSchema,
  examples: perLocale(z.string().min(1).max(300)),
  responses: perLocale(response),
});
export type IntentDefinition = z.infer<typeof intentFileSchema>;
