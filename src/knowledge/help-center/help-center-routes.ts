import { Router } from 'express';
import { z } from 'zod';
import { localeSchema, type Config, type Locale } from '../../config/config-schema.js';
import { fillPersonaDeep, type Persona } from '../../config/persona.js';
import { nativeLanguageNames } from '../../core/locale.js';
import { validate } from '../../http/validate.js';
import type { KnowledgeBase } from '../knowledge-base.js';
import { escapeHtml, renderMarkdown } from './render-markdown.js';

const missing: Record<string, { title: string; text: string; home: string }> = {
  vi: { title: 'Không tìm thấy bài viết', text: 'Bài viết này không còn hoặc đã được chuyển đi. {persona.You} có thể hỏi lại trong khung chat.', home: 'Về trang chủ' },
  en: { title: 'Article not found', text: 'This article is no longer here or has moved. Please ask again in the chat.', home: 'Back to the home page' },
  cs: { title: 'Článek nenalezen', text: 'Tento článek už tu není nebo byl přesunut. Zeptejte se prosím znovu v chatu.', home: 'Zpět na úvodní stránku' },
  zh: { title: '找不到文章', text: '这篇文章已不存在或已移动。请在聊天中再问一次。', home: '返回首页' },
};

function missingPage(locale: Locale, persona: Persona): string {
  const words = fillPersonaDeep(missing[locale] ?? missing.en!, persona, locale);
  return `<!doctype html>
<html lang="${locale}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${words.title}</title>
<link rel="stylesheet" href="/help-center.css"></head>
<body><article><h1>${words.title}</h1><p>${words.text}</p><p><a href="/">${words.home}</a></p></article></body></html>`;
}

const paramsSchema = z.object({ slug: z.string().regex(/^[a-z0-9][a-z0-9-]*$/).max(100) });
const querySchema = z.object({ lang: localeSchema.optional() });

/**
 * The public help center: `GET /help/:slug?lang=vi` shows one published article, the page
 * the bot links under its answers, with links to the article's other languages.
 */
export function helpCenterRoutes(deps: { knowledge: KnowledgeBase; config: Pick<Config, 'locales' | 'business'> }): Router {
  const router = Router();
  router.get('/help/:slug', (req, res) => {
    const { slug } = validate(paramsSchema, req.params, 'params');
    const { lang } = validate(querySchema, req.query, 'query');
    const fallback = deps.config.locales.default;
    const article = deps.knowledge.article(slug, lang ?? fallback, fallback);
    // A customer follows this link from a chat: a page, not an API error, when the article is gone.
    if (!article) return void res.status(404).type('html').send(missingPage(lang ?? fallback, deps.config.business.persona));
    const others = deps.knowledge
      .translations(slug)
      .filter((locale) => locale !== article.locale)
      .map((locale) => `<a href="/help/${slug}?lang=${locale}" hreflang="${locale}">${nativeLanguageNames[locale]}</a>`)
      .join(' · ');
    res.type('html').send(`<!doctype html>
<html lang="${article.locale}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(article.title)}</title>
<link rel="stylesheet" href="/help-center.css"></head>
<body><nav><a href="/">←</a>${others ? ` · ${others}` : ''}</nav>
<article><h1>${escapeHtml(article.title)}</h1>${renderMarkdown(article.answer)}</article>
</body></html>`);
  });
  return router;
}
