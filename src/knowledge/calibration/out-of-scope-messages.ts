import type { Locale } from '../../config/config-schema.js';
import { outOfScopeCs } from './out-of-scope-cs.js';
import { outOfScopeEn } from './out-of-scope-en.js';
import { outOfScopeVi } from './out-of-scope-vi.js';
import { outOfScopeZh } from './out-of-scope-zh.js';

/**
 * Multilingual out-of-scope set: chat messages that no ordinary shop FAQ (electronics,
 * fashion, groceries, travel, cosmetics, ...) would answer, such as weather, news, sports,
 * politics, maths, programming, recipes, medical or legal advice, jokes, homework, trivia,
 * personal life, poems and word salad. They are the "not covered by any shop FAQ" side used
 * to fit the answer-confidence calibration on whichever knowledge base is loaded, so they
 * deliberately avoid shop topics (orders, delivery, payment, refunds, returns, warranty,
 * prices, products, stores, opening hours, accounts, vouchers, contact, complaints,
 * greetings, thanks, asking for a human).
 *
 * Each language's list was written independently (not translations), in the styles real
 * users type: Vietnamese with and without diacritics and teencode, Czech with and without
 * diacritics, casual English with typos, simplified Chinese with some Latin words.
 *
 * Written for Careline; licensed like the rest of the project (MIT).
 *
 * Calibration data only: never use these messages as benchmark or test data, or the
 * benchmark would measure the bot on the very messages its calibration was fitted to.
 */
export const outOfScopeMessages: Record<Locale, readonly string[]> = { vi: outOfScopeVi, en: outOfScopeEn, cs: outOfScopeCs, zh: outOfScopeZh };
