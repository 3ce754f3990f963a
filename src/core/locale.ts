import { z } from 'zod';

/** The languages Careline speaks with customers: its knowledge base, intents and phrases are written in these. */
export const localeSchema = z.enum(['vi', 'en', 'cs', 'zh']);
export type Locale = z.infer<typeof localeSchema>;

/** BCP 47 tags for formatting dates and numbers in each language (`Intl`). */
export const localeTags: Record<Locale, string> = { vi: 'vi-VN', en: 'en-GB', cs: 'cs-CZ', zh: 'zh-CN' };

/** Each language's name in itself, for customers choosing a language (the help center). */
export const nativeLanguageNames: Record<Locale, string> = { vi: 'Tiếng Việt', en: 'English', cs: 'Čeština', zh: '中文' };

/** Each language's name in English, for instructions to a model ("Reply in Czech"). */
export const englishLanguageNames: Record<Locale, string> = { vi: 'Vietnamese', en: 'English', cs: 'Czech', zh: 'Simplified Chinese' };
