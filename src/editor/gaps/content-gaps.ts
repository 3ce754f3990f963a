import type { ChannelId } from '../../core/channel-id.js';
import type { Config, Locale } from '../../config/config-schema.js';
import type { MessageRepository } from '../../conversations/message-repository.js';
import { ConflictError, NotFoundError } from '../../core/app-error.js';
import { newId } from '../../storage/new-id.js';
import type { ArticleRepository } from '../../knowledge/article-repository.js';
import type { ArticleEditor, EditableContent, Editor } from '../article-editor.js';
import type { LoggedQuestion, QuestionLog, QuestionOutcome } from '../../knowledge/question-log.js';
import type { IntentMatcher } from '../../intents/intent-matcher.js';
import type { Article } from '../../knowledge/article.js';
import { clusterQuestions, type QuestionCluster } from './cluster-questions.js';
import { handledOnPurpose, type OnPurpose } from './handled-on-purpose.js';
import { articleWordRarity, readableSlug, unusedSlug, type WordRarity } from './readable-slug.js';
import type { ContentGap, ContentGapRepository, GapAction } from './content-gap.js';
import { askedQuestions, foldedText, gapOutcome, logLagMs } from './gap-outcomes.js';
import { cosine, normalize, TermWeights } from './term-vectors.js';
import type { AskedCount, GapCluster, ResolvedGap } from '../editor-documents.js';

/** The open gaps, and how many logged messages were left out as handled on purpose (requests for a person, complaints, small talk). */
export interface OpenGaps {
  clusters: GapCluster[];
  leftOut: Record<OnPurpose, number>;
}

const logWindow = 5000;
const signatureTerms = 40;

const countBy = <K extends string>(items: readonly LoggedQuestion[], key: (item: LoggedQuestion) => K): Partial<Record<K, number>> => {
  const counts: Partial<Record<K, number>> = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return counts;
};

const mostCommon = <K extends string>(counts: Partial<Record<K, number>>): K => (Object.entries(counts) as [K, number][]).sort((a, b) => b[1] - a[1])[0]![0];

/**
 * Content gaps: the questions the bot missed, answered weakly or whose answer was rejected
 * (the question log, without what it handled on purpose: see `handledOnPurpose`),
 * clustered into groups of similar questions; the editor's actions on a cluster (create
 * an article, add the questions as variants, dismiss); and, for closed gaps, how many later
 * questions of that kind were answered.
 */
export class ContentGaps {
  /** Which logged questions of the last window were handled on purpose (null: a real question). */
  private onPurpose = new Map<string, OnPurpose | null>();

  constructor(
    private readonly deps: { questions: QuestionLog; gaps: ContentGapRepository; articles: ArticleRepository; messages: MessageRepository; editor: ArticleEditor; intents: IntentMatcher; answers: Pick<Config['answers'], 'clarifyThreshold'> },
  ) {}

  /** Open clusters, largest first, without the messages the bot handled on purpose. */
  async clusters(): Promise<OpenGaps> {
    const { clusters, leftOut, articles } = await this.compute();
    const naming = { rarity: articleWordRarity(articles.filter((article) => article.status === 'published')), articles, taken: new Set(articles.map((article) => article.slug)) };
    const views = clusters.map((cluster) => this.view(cluster, naming)).sort((a, b) => b.count - a.count || b.lastAt.getTime() - a.lastAt.getTime());
    return { clusters: views, leftOut };
  }

  /** Handled gaps, newest first, with questions of their kind before and after. */
  async resolved(): Promise<ResolvedGap[]> {
    const gaps = await this.deps.gaps.all();
    const counted = gaps.filter((gap) => gap.action !== 'dismissed');
    const from = counted.reduce<Date | null>((earliest, gap) => (!earliest || gap.firstAt < earliest ? gap.firstAt : earliest), null);
    const asked = from ? askedQuestions(await this.deps.messages.customerAndBotSince(new Date(from.getTime() - logLagMs))) : [];
    const views: ResolvedGap[] = [];
    for (const gap of gaps) {
      const articleIds = new Set(gap.slug ? (await this.deps.articles.list({ slug: gap.slug })).map((article) => article._id) : []);
      const empty = { asked: 0, answered: 0, answeredWithArticle: 0 };
      const { before, after } = gap.action === 'dismissed' ? { before: empty, after: empty } : gapOutcome(gap, asked, articleIds);
      views.push({ id: gap._id, action: gap.action, ...(gap.slug ? { slug: gap.slug } : {}), ...(gap.locale ? { locale: gap.locale } : {}), count: gap.questionIds.length, examples: gap.examples, at: gap.at, by: gap.by, before, after });
    }
    return views;
  }

  /** Creates (and by default publishes) a new article from a cluster; its questions become the variants given. */
  async createArticle(clusterId: string, input: { slug: string; locale: Locale; content: EditableContent; publish: boolean }, editor: Editor): Promise<ContentGap> {
    const found = await this.find(clusterId);
    await this.deps.editor.create(input.slug, input.locale, input.content, editor);
    if (input.publish) await this.deps.editor.publish(input.slug, input.locale, editor);
    return this.close(found, 'article', editor, { slug: input.slug, locale: input.locale });
  }

  /** Adds the cluster's questions (or the given ones) as variants of an existing article, published by default. */
  async addVariants(clusterId: string, input: { slug: string; locale: Locale; questions?: string[]; publish: boolean }, editor: Editor): Promise<ContentGap> {
    const found = await this.find(clusterId);
    const translation = (await this.deps.editor.article(input.slug)).translations[input.locale];
    if (!translation) throw new NotFoundError(`The article ${input.slug}/${input.locale}`);
    const { article, draft } = translation;
    // The variants are published at once: someone's unfinished draft must not go out with them, nor be replaced.
    if (draft) throw new ConflictError(`Article ${input.slug}/${input.locale} has unpublished changes (draft ${draft.revision}); publish or discard them first, or add the questions in the editor.`);
    const added = input.questions ?? found.cluster.members.map((member) => member.text.trim());
    const questions = [...new Set([...article.questions, ...added.filter((text) => text.length > 0 && text.length <= 500)])];
    const { title, answer, category, tags } = article;
    const view = await this.deps.editor.save(input.slug, input.locale, { title, answer, category, tags, questions }, editor, { revision: article.revision, draftRevision: null });
    if (input.publish && (view.draft || view.article.status !== 'published')) await this.deps.editor.publish(input.slug, input.locale, editor);
    return this.close(found, 'variants', editor, { slug: input.slug, locale: input.locale });
  }

  /** Takes a cluster off the open list without changing the knowledge base. */
  async dismiss(clusterId: string, editor: Editor): Promise<ContentGap> {
    return this.close(await this.find(clusterId), 'dismissed', editor, {});
  }

  private async compute(): Promise<{ clusters: QuestionCluster<LoggedQuestion>[]; weights: TermWeights; leftOut: Record<OnPurpose, number>; articles: Article[] }> {
    const [logged, gaps, articles] = await Promise.all([this.deps.questions.list({}, logWindow), this.deps.gaps.all(), this.deps.articles.list()]);
    const published = articles.filter((article) => article.status === 'published');
    const handled = new Set(gaps.flatMap((gap) => gap.questionIds));
    const leftOut: Record<OnPurpose, number> = { person: 0, complaint: 0, smalltalk: 0 };
    const verdicts = new Map<string, OnPurpose | null>();
    const open = logged.filter((question) => {
      if (handled.has(question._id)) return false;
      // Logged questions do not change: each is judged once (a window of 5,000 costs about a second the first time).
      const onPurpose = this.onPurpose.has(question._id) ? this.onPurpose.get(question._id)! : handledOnPurpose(question, this.deps.intents);
      verdicts.set(question._id, onPurpose);
      if (onPurpose) leftOut[onPurpose]++;
      return !onPurpose;
    });
    this.onPurpose = verdicts;
    // Rarity is learnt from customers' questions and the articles' own variants together.
    const weights = TermWeights.fromTexts([...logged.map((question) => question.text), ...published.flatMap((article) => [article.title, ...article.questions])]);
    return { clusters: clusterQuestions(open.reverse(), weights), weights, leftOut, articles };
  }

  private async find(clusterId: string): Promise<{ cluster: QuestionCluster<LoggedQuestion>; weights: TermWeights }> {
    const { clusters, weights } = await this.compute();
    const cluster = clusters.find((candidate) => candidate.id === clusterId);
    if (!cluster) throw new NotFoundError(`The content-gap cluster "${clusterId}" (it may have been handled already)`);
    return { cluster, weights };
  }

  private close({ cluster, weights }: { cluster: QuestionCluster<LoggedQuestion>; weights: TermWeights }, action: GapAction, editor: Editor, target: { slug?: string; locale?: Locale }): Promise<ContentGap> {
    const top = normalize(new Map(cluster.topTerms.slice(0, signatureTerms).map((term) => [term, cluster.centroid.get(term)!])));
    return this.deps.gaps.add({
      _id: newId('gap'),
      action,
      questionIds: cluster.members.map((member) => member._id),
      examples: distinct(cluster.members.map((member) => member.text)).slice(0, 5),
      texts: [...new Set(cluster.members.map((member) => foldedText(member.text)))].slice(0, 500),
      ...target,
      signature: Object.fromEntries(top),
      ...weights.toJSON(top.keys()),
      firstAt: cluster.members[0]!.createdAt,
      at: new Date(),
      by: editor._id,
    });
  }

  private view(cluster: QuestionCluster<LoggedQuestion>, naming: { rarity: WordRarity; articles: Article[]; taken: ReadonlySet<string> }): GapCluster {
    const { members } = cluster;
    const languages = countBy(members, (member) => member.locale);
    const texts = distinct(members.map((member) => member.text.trim()));
    // The question closest to the centroid reads best as the title.
    const weights = TermWeights.fromTexts(texts);
    const title = [...texts].sort((a, b) => cosine(weights.vector(b), cluster.centroid) - cosine(weights.vector(a), cluster.centroid))[0] ?? texts[0]!;
    const readable = cluster.topTerms.filter((term) => !term.includes('_'));
    const locale = mostCommon(languages);
    const nearest = nearestArticle(members);
    const slug = readableSlug(texts, title, naming.rarity) ?? `new-article-${members[0]!.createdAt.toISOString().slice(0, 10)}`;
    return {
      id: cluster.id,
      count: members.length,
      examples: texts.slice(0, 5),
      questionIds: members.map((member) => member._id),
      languages,
      channels: countBy(members, (member) => member.channel),
      outcomes: countBy(members, (member) => member.outcome),
      terms: readable.slice(0, 8),
      firstAt: members[0]!.createdAt,
      lastAt: members.at(-1)!.createdAt,
      nearestArticle: nearest,
      suggestion: { slug: unusedSlug(slug, naming.taken), locale, title: title.slice(0, 300), questions: texts.filter((text) => text.length <= 500).slice(0, 20), category: nearest && nearest.confidence >= this.deps.answers.clarifyThreshold ? categoryOf(naming.articles, nearest.slug, locale) : null },
    };
  }
}

function distinct(texts: string[]): string[] {
  const seen = new Set<string>();
  return texts.filter((text) => {
    const key = foldedText(text);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function nearestArticle(members: readonly LoggedQuestion[]): { slug: string; confidence: number } | null {
  const best = new Map<string, { count: number; confidence: number }>();
  for (const member of members) {
    const top = member.candidates[0];
    if (!top) continue;
    const entry = best.get(top.slug) ?? { count: 0, confidence: 0 };
    best.set(top.slug, { count: entry.count + 1, confidence: Math.max(entry.confidence, top.confidence) });
  }
  const [slug, entry] = [...best].sort((a, b) => b[1].count - a[1].count || b[1].confidence - a[1].confidence)[0] ?? [];
  return slug && entry ? { slug, confidence: entry.confidence } : null;
}

/** The category of the article `slug`, in the cluster's language when it has that translation. */
function categoryOf(articles: readonly Article[], slug: string, locale: Locale): string | null {
  const translations = articles.filter((article) => article.slug === slug);
  return (translations.find((article) => article.locale === locale) ?? translations[0])?.category ?? null;
}
