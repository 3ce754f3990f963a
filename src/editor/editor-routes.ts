import { Router } from 'express';
import { requireRole, userOf } from '../accounts/auth.js';
import type { Locale } from '../config/config-schema.js';
import type { AnswerPolicy } from '../engine/answer-policy.js';
import { validate } from '../http/validate.js';
import type { Article } from '../knowledge/article.js';
import type { ArticleSummary } from './editor-documents.js';
import type { ContentGaps } from './gaps/content-gaps.js';
import { renderMarkdown } from '../knowledge/help-center/render-markdown.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import type { ArticleEditor } from './article-editor.js';
import type { EditBase } from './edit-conflict.js';
import { articleParams, clusterParams, createBody, diffQuery, gapArticleBody, gapVariantsBody, listQuery, previewBody, publishBody, revisionParams, saveBody, slugParams, synonymParams, synonymsBody, tryBody } from './editor-schemas.js';
import type { SynonymEditor } from './synonym-editor.js';
import { tryIt } from './try-it.js';

/** What the editor API needs. */
export interface EditorRouteDeps {
  editor: ArticleEditor;
  gaps: ContentGaps;
  synonyms: SynonymEditor;
  policy: AnswerPolicy;
  knowledge: KnowledgeBase;
  locales: readonly Locale[];
  defaultLocale: Locale;
}

const summary = (article: Article & { hasDraft?: boolean }): ArticleSummary => ({
  slug: article.slug,
  locale: article.locale,
  title: article.title,
  category: article.category,
  status: article.status,
  revision: article.revision,
  hasDraft: article.hasDraft ?? false,
  updatedAt: article.updatedAt,
  updatedBy: article.updatedBy,
});

// A save or publish names the version it started from, or none (unconditional).
const editBase = (revision: number | undefined, draftRevision: number | null | undefined): EditBase | undefined => (revision === undefined ? undefined : { revision, draftRevision: draftRevision ?? null });

/**
 * The knowledge-base editor's API under `/api/editor` (role editor; admins too; changes
 * need the CSRF token): articles, drafts, publishing, revisions with diff and restore,
 * Markdown preview, "try it", content gaps, and synonyms (saved and published at once).
 * A save or publish that names the version it started from (`baseRevision`,
 * `baseDraftRevision`) is refused with 409 `edit_conflict` when another editor moved the
 * translation on meanwhile (see `EditConflict`); nothing is overwritten.
 */
export function editorRoutes(deps: EditorRouteDeps): Router {
  const router = Router();
  const { editor, gaps } = deps;
  router.use(requireRole('editor'));

  router.get('/articles', async (req, res) => {
    const filter = validate(listQuery, req.query, 'query');
    const all = await editor.list({});
    const articles = await editor.list(filter);
    res.json({
      articles: articles.map(summary),
      categories: [...new Set(all.map((article) => article.category))].sort(),
      locales: deps.locales,
    });
  });

  router.post('/articles', async (req, res) => {
    const { slug, locale, ...content } = validate(createBody, req.body, 'body');
    res.status(201).json({ article: await editor.create(slug, locale, content, userOf(res)) });
  });

  router.get('/articles/:slug', async (req, res) => {
    const { slug } = validate(slugParams, req.params, 'params');
    res.json(await editor.article(slug));
  });

  router.put('/articles/:slug/:locale', async (req, res) => {
    const { slug, locale } = validate(articleParams, req.params, 'params');
    const { baseRevision, baseDraftRevision, ...content } = validate(saveBody, req.body, 'body');
    res.json(await editor.save(slug, locale, content, userOf(res), editBase(baseRevision, baseDraftRevision)));
  });

  router.post('/articles/:slug/:locale/publish', async (req, res) => {
    const { slug, locale } = validate(articleParams, req.params, 'params');
    const { baseRevision, baseDraftRevision } = validate(publishBody, req.body ?? {}, 'body');
    res.json({ article: await editor.publish(slug, locale, userOf(res), editBase(baseRevision, baseDraftRevision)), indexed: deps.knowledge.size });
  });

  router.post('/articles/:slug/:locale/archive', async (req, res) => {
    const { slug, locale } = validate(articleParams, req.params, 'params');
    res.json({ article: await editor.archive(slug, locale, userOf(res)) });
  });

  router.delete('/articles/:slug/:locale/draft', async (req, res) => {
    const { slug, locale } = validate(articleParams, req.params, 'params');
    await editor.discardDraft(slug, locale);
    res.status(204).end();
  });

  router.get('/articles/:slug/:locale/revisions', async (req, res) => {
    const { slug, locale } = validate(articleParams, req.params, 'params');
    res.json({ revisions: await editor.history(slug, locale) });
  });

  router.get('/articles/:slug/:locale/revisions/:revision', async (req, res) => {
    const { slug, locale, revision } = validate(revisionParams, req.params, 'params');
    const { against } = validate(diffQuery, req.query, 'query');
    res.json(await editor.revision(slug, locale, revision, against));
  });

  router.post('/articles/:slug/:locale/revisions/:revision/restore', async (req, res) => {
    const { slug, locale, revision } = validate(revisionParams, req.params, 'params');
    res.json({ article: await editor.restore(slug, locale, revision, userOf(res)) });
  });

  // The help center's sanitizing renderer: raw HTML shows as text, unsafe links are dropped.
  router.post('/preview', (req, res) => {
    const { markdown } = validate(previewBody, req.body, 'body');
    res.json({ html: renderMarkdown(markdown) });
  });

  router.post('/try', (req, res) => {
    const input = validate(tryBody, req.body, 'body');
    res.json(tryIt(deps.policy, deps.knowledge, deps.defaultLocale, input));
  });

  router.get('/synonyms', async (_req, res) => {
    res.json({ lists: await deps.synonyms.lists(), locales: deps.locales, defaultLocale: deps.defaultLocale });
  });

  router.put('/synonyms/:locale', async (req, res) => {
    const { locale } = validate(synonymParams, req.params, 'params');
    const { groups, baseRevision } = validate(synonymsBody, req.body, 'body');
    res.json({ synonyms: await deps.synonyms.save(locale, groups, userOf(res), baseRevision), indexed: deps.knowledge.size });
  });

  router.get('/synonyms/:locale/revisions', async (req, res) => {
    const { locale } = validate(synonymParams, req.params, 'params');
    res.json({ revisions: await deps.synonyms.history(locale) });
  });

  router.get('/gaps', async (_req, res) => {
    const [open, resolved] = await Promise.all([gaps.clusters(), gaps.resolved()]);
    res.json({ ...open, resolved });
  });

  router.post('/gaps/:id/article', async (req, res) => {
    const { id } = validate(clusterParams, req.params, 'params');
    const { slug, locale, publish, ...content } = validate(gapArticleBody, req.body, 'body');
    res.status(201).json({ gap: await gaps.createArticle(id, { slug, locale, content, publish }, userOf(res)) });
  });

  router.post('/gaps/:id/variants', async (req, res) => {
    const { id } = validate(clusterParams, req.params, 'params');
    const body = validate(gapVariantsBody, req.body, 'body');
    res.json({ gap: await gaps.addVariants(id, { slug: body.slug, locale: body.locale, publish: body.publish, ...(body.questions ? { questions: body.questions } : {}) }, userOf(res)) });
  });

  router.post('/gaps/:id/dismiss', async (req, res) => {
    const { id } = validate(clusterParams, req.params, 'params');
    res.json({ gap: await gaps.dismiss(id, userOf(res)) });
  });

  return router;
}
