import { Router } from 'express';
import { z } from 'zod';
import { localeSchema, type Config } from '../../config/config-schema.js';
import { nativeLanguageNames } from '../../core/locale.js';
import { NotFoundError } from '../../core/app-error.js';
import { validate } from '../../http/validate.js';
import type { KnowledgeBase } from '../knowledge-base.js';
import { escapeHtml, renderMarkdown } from './render-markdown.js';

const paramsSchema = z.object({ slug: z.string().regex(/^[a-z0-9][a-z0-9-]*$/).max(100) });
const querySchema = z.object({ lang: localeSchema.optional() });

/**
 * The public help center: `GET /help/:slug?lang=vi` shows one published article, the page
 * the bot links under its answers, with links to the article's other languages.
 */
export function helpCenterRoutes(deps: { knowledge: KnowledgeBase; config: Pick<Config, 'locales'> }): Router {
  const router = Router();
  router.get('/help/:slug', (req, res) => {
    const { slug } = validate(paramsSchema, req.params, 'params');
    const { lang } = validate(querySchema, req.query, 'query');
    const fallback = deps.config.locales.default;
    const article = deps.knowledge.article(slug, lang ?? fallback, fallback);
    if (!article) throw new NotFoundError('The article');
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
