import { cpSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../http/package-root.js';
import { createInterface } from 'node:readline/promises';
import { z } from 'zod';
import { defaultPersona, personaWordsOf, vietnamesePersonas } from '../config/persona.js';

/** What `careline init` needs to know about the shop (flags, or asked on a terminal). */
const profileSchema = z.object({
  name: z.string().trim().min(1, { error: 'the business name is required' }).max(120),
  hotline: z.string().trim().max(40).default(''),
  website: z.string().trim().max(200).default(''),
  hours: z.string().trim().max(200).default(''),
  locale: z.enum(['vi', 'en', 'cs', 'zh'], { error: 'expected vi, en, cs or zh' }).default('vi'),
  /** How the bot speaks Vietnamese (`BUSINESS_PERSONA_VI`). */
  personaVi: z.enum(vietnamesePersonas, { error: 'expected em (em / anh chị) or chung-toi (chúng tôi / quý khách)' }).default('em'),
});
export type ShopProfile = z.infer<typeof profileSchema>;

export interface InitInput {
  /** The flags given: --name, --hotline, --website, --hours, --locale, --persona-vi (as `personaVi`). */
  flags: Partial<Record<keyof ShopProfile, string>>;
  /** Where `.env` and the shop's knowledge-base folder are written (the current folder). */
  dir: string;
  /** The shop's knowledge-base folder, relative to `dir` (`--kb-dir`; default `shop-knowledge-base`, beside the bundled demo's `knowledge-base/`). */
  kbDir?: string;
  /** Where the bundled customer-care synonyms are copied from (tests: a folder of their own). */
  synonymsFrom?: string;
  force: boolean;
  /** Asks for what the flags left out; absent when nobody is at a terminal. */
  ask?: (question: string) => Promise<string>;
}

export const initHelp = `  init      set up your own shop: --name N [--hotline H] [--website W] [--hours TEXT]
            [--locale vi|en|cs|zh] [--persona-vi em|chung-toi] [--kb-dir DIR] [--force];
            asks on a terminal for what is missing (persona-vi: the bot as "em" to
            "anh/chị", or formal "chúng tôi" to "quý khách"), writes .env (the business
            profile, KNOWLEDGE_BASE_DIR) and DIR (default shop-knowledge-base/) with one
            example article per language and the bundled customer-care synonyms; an
            existing .env or a non-empty DIR is kept unless --force`;

/** The shop's knowledge-base folder `init` writes: beside the bundled demo's `knowledge-base/`, never into it. */
const defaultKbDir = 'shop-knowledge-base';

/** The command-line flag of a profile field: `personaVi` is `--persona-vi`. */
export const flagOf = (field: string): string => field.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);

const env = (value: string) => (/^[\w.:/@+-]*$/.test(value) ? value : JSON.stringify(value));

/** The example article in each language: how to reach the shop, over the profile. */
function exampleArticles(profile: ShopProfile): Record<'vi' | 'en' | 'cs' | 'zh', string> {
  const { hotline, website, hours } = profile;
  const you = personaWordsOf({ ...defaultPersona, vi: profile.personaVi }, 'vi')!.You;
  const article = (locale: string, title: string, questions: string[], answer: string) =>
    `---\nid: contact-us\nlocale: ${locale}\ntitle: ${JSON.stringify(title)}\nquestions:\n${questions.map((question) => `  - ${JSON.stringify(question)}`).join('\n')}\ncategory: contact\ntags: [contact]\nstatus: published\n---\n${answer}\n`;
  // What the shop did not give is left out of the answer, never shown as a gap.
  const ways = (parts: [string, string][], separator: string, last: string) => {
    const given = parts.filter(([value]) => value).map(([, text]) => text);
    return given.length > 1 ? `${given.slice(0, -1).join(separator)}${last}${given.at(-1)}` : given[0]!;
  };
  const here = (text: string, alone: string) => (hotline || website ? text : alone);
  const when = (label: string) => (hours ? ` ${label}${hours}.` : '');
  return {
    vi: article('vi', `Làm sao để liên hệ ${profile.name}?`, ['số điện thoại của shop', 'shop mở cửa mấy giờ', 'website của shop là gì'], `${you} có thể ${ways([[hotline, `gọi hotline **${hotline}**`], [website, `xem website ${website}`], ['chat', 'nhắn tin ngay tại đây']], ', ', ' hoặc ')}.${when('Giờ làm việc: ')}`),
    en: article('en', `How can I contact ${profile.name}?`, ['what is your phone number', 'what are your opening hours', 'what is your website'], `${ways([[hotline, `Call our hotline **${hotline}**`], [website, `visit ${website}`], ['chat', here('write to us right here', 'Write to us right here')]], ', ', ' or ')}.${when('Opening hours: ')}`),
    cs: article('cs', `Jak mohu kontaktovat ${profile.name}?`, ['jaké máte telefonní číslo', 'jaká je otevírací doba', 'jaký máte web'], `${ways([[hotline, `Zavolejte na linku **${hotline}**`], [website, `navštivte ${website}`], ['chat', here('nám napište přímo sem', 'Napište nám přímo sem')]], ', ', ' nebo ')}.${when('Otevírací doba: ')}`),
    zh: article('zh', `如何联系${profile.name}？`, ['你们的电话是多少', '营业时间是几点', '你们的网站是什么'], `${ways([[hotline, `请拨打热线 **${hotline}**`], [website, `访问 ${website}`], ['chat', here('直接在这里给我们留言', '请直接在这里给我们留言')]], '，', '，或')}。${hours ? `营业时间：${hours}。` : ''}`),
  };
}

/**
 * `careline init`: asks (or takes flags) for the shop's profile, writes `.env` with it and
 * `knowledge-base/` with one example article per language, so a new shop's customers never
 * hear the demo shop's name. Returns the exit code; refuses to overwrite `.env` or a
 * non-empty `knowledge-base/` without --force.
 */
export async function runInit(input: InitInput, out: NodeJS.WritableStream, err: NodeJS.WritableStream): Promise<number> {
  const given: Record<string, string> = { ...input.flags } as Record<string, string>;
  if (input.ask) {
    const questions: [keyof ShopProfile, string][] = [['name', 'Business name'], ['hotline', 'Hotline (empty: none)'], ['website', 'Website'], ['hours', 'Opening hours, as customers read them'], ['locale', 'Main language (vi, en, cs, zh)'], ['personaVi', 'In Vietnamese the bot is "em" to "anh/chị" (em) or formal "chúng tôi" to "quý khách" (chung-toi) [em]']];
    for (const [field, question] of questions) if (given[field] === undefined) given[field] = (await input.ask(`${question}: `)).trim();
  }
  for (const field of ['locale', 'personaVi'] as const) if (given[field] === '') delete given[field];
  const parsed = profileSchema.safeParse(given);
  if (!parsed.success) {
    err.write(`careline init: ${parsed.error.issues.map((issue) => `--${flagOf(String(issue.path[0]))}: ${issue.message}`).join('; ')}\n`);
    return 2;
  }
  const profile = parsed.data;
  const envPath = join(input.dir, '.env');
  const kbName = (input.kbDir ?? defaultKbDir).replace(/^\.\/+/, '').replace(/\/+$/, '') || defaultKbDir;
  const kbDir = join(input.dir, kbName);
  if (!input.force && existsSync(envPath)) {
    err.write(`careline init: ${envPath} exists; keep it, or run again with --force to replace it\n`);
    return 2;
  }
  if (!input.force && existsSync(kbDir) && readdirSync(kbDir).length > 0) {
    err.write(`careline init: ${kbDir} is not empty; keep it, or run again with --force to add the example articles to it\n`);
    return 2;
  }
  const lines = [
    '# Written by `careline init`; every variable is described in .env.example.',
    `BUSINESS_NAME=${env(profile.name)}`,
    ...(profile.hotline ? [`BUSINESS_HOTLINE=${env(profile.hotline)}`] : []),
    ...(profile.website ? [`BUSINESS_WEBSITE=${env(profile.website)}`] : []),
    ...(profile.hours ? [`BUSINESS_HOURS_TEXT=${env(profile.hours)}`] : []),
    `BUSINESS_PERSONA_VI=${profile.personaVi}`,
    `DEFAULT_LOCALE=${profile.locale}`,
    `KNOWLEDGE_BASE_DIR=${env(`./${kbName}`)}`,
    '# A new shop asks all three surveys: NPS when due, CES after an agent resolves, CSAT after the bot (one per conversation).',
    'SURVEYS=csat,ces,nps',
    '',
  ];
  writeFileSync(envPath, lines.join('\n'));
  mkdirSync(join(kbDir, 'contact'), { recursive: true });
  for (const [locale, text] of Object.entries(exampleArticles(profile))) writeFileSync(join(kbDir, 'contact', `contact-us.${locale}.md`), text);
  // The customer-care vocabulary (refund / money back, hoàn tiền / trả lại tiền, …) comes along; editors change it in the editor or these files.
  const synonyms = input.synonymsFrom ?? join(packageRoot(), 'knowledge-base', 'synonyms');
  if (existsSync(synonyms) && !existsSync(join(kbDir, 'synonyms'))) cpSync(synonyms, join(kbDir, 'synonyms'), { recursive: true });
  out.write(`Wrote ${envPath} (business profile: ${profile.name}) and ${join(kbDir, 'contact')}/contact-us.{vi,en,cs,zh}.md with the bundled synonyms.\nNext: add your own articles under ${kbName}/ (or import them with \`npm run careline -- kb import\`), then \`npm start\`.\n`);
  return 0;
}

/** Asks on the terminal, when there is one. */
export function terminalQuestions(): { ask: (question: string) => Promise<string>; close: () => void } | null {
  if (!process.stdin.isTTY) return null;
  const lines = createInterface({ input: process.stdin, output: process.stdout });
  return { ask: (question) => lines.question(question), close: () => lines.close() };
}
