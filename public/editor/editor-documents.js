/*
 * The documents the knowledge-base editor reads in each API answer, by place in the
 * answer's body (`''`: the whole body) and the name of the server's schema for them
 * (GET /api/schemas); `?`: may be null or absent. staff-client.js checks every answer given
 * one of these (`api(path, { expect })`) and shows a notice naming what does not fit.
 * No DOM: the server's tests read it too.
 */
export const editorDocuments = {
  /** GET /api/auth/me */
  session: { user: 'user' },
  /** GET /api/editor/articles */
  articles: { 'articles[]': 'articleSummary' },
  /** GET /api/editor/articles/:slug: every translation with its draft */
  article: { '': 'articleView' },
  /** GET /api/editor/articles/:slug/:locale/revisions */
  revisions: { 'revisions[]': 'revision' },
  /** GET /api/editor/articles/:slug/:locale/revisions/:revision (with its diff) */
  revision: { revision: 'revision' },
  /** POST /api/editor/try: the engine's decision and why */
  tryIt: { '': 'tryIt' },
  /** GET /api/editor/gaps: the open clusters and the handled ones */
  gaps: { 'clusters[]': 'gapCluster', 'resolved[]': 'resolvedGap' },
  /** GET /api/editor/synonyms */
  synonyms: { 'lists[]': 'synonymList' },
  /** GET /api/editor/synonyms/:locale/revisions */
  synonymRevisions: { 'revisions[]': 'synonymRevision' },
};
