import type { Config } from '../config/config-schema.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import { readingLanguages } from '../knowledge/language/reading-languages.js';
import type { ArticleVectors } from '../knowledge/openai/article-vectors.js';
import type { GroundedWriter } from '../knowledge/openai/grounded-writer.js';
import { blendCandidates } from '../knowledge/openai/hybrid-ranking.js';
import { ModelDeadline } from '../knowledge/openai/model-deadline.js';
import type { ModelFailureLog } from '../knowledge/openai/model-failures.js';
import { redactContacts } from '../knowledge/openai/redact-contacts.js';
import type { TextEmbedder } from '../knowledge/openai/text-embedder.js';
import { chooseAction, type AnswerPolicy, type Decision, type DecisionInput, type DecisionMaker, type ModelAssist } from './answer-policy.js';

export interface ModelAnswerPolicyDeps {
  config: Pick<Config, 'answers' | 'locales' | 'openai'>;
  offline: AnswerPolicy;
  knowledge: KnowledgeBase;
  failures: ModelFailureLog;
  /** Present when OPENAI_EMBEDDINGS is on. */
  embeddings?: { embedder: TextEmbedder; vectors: ArticleVectors } | undefined;
  /** Present when OPENAI_WORDING is on. */
  writer?: GroundedWriter | undefined;
}

// Offline candidates considered for blending (the offline decision keeps 5).
const offlinePool = 10;
// Articles handed to the chat model: the answered one and close runners-up.
const maxSources = 3;
const keptCandidates = 5;

/**
 * The engine's decision when OpenAI is configured. It starts from the offline
 * `AnswerPolicy.decide` (which stays synchronous for the benchmark and "try it"); a pressed
 * button, small talk or a hand-off request is left as it is and nothing is sent to the
 * provider. Otherwise, within one time budget (`OPENAI_TIMEOUT_MS`):
 *
 * 1. Hybrid ranking: the question is embedded and cosine-scored against the cached article
 *    vectors, blended with the offline confidences (`blendCandidates`), and the same
 *    thresholds choose answer / clarify / miss again.
 * 2. Grounded wording: for an answer, the chat model words it from the matched articles
 *    only, citing one; when it says they do not contain the answer, the action becomes a
 *    miss (the engine then offers a person and hands off after repeated misses, as for any
 *    miss). A reply that fails the checks is dropped and the article's own answer is used.
 *
 * Any error, non-2xx, malformed response or timeout keeps the offline result for that step
 * (logged once per outage), so the customer never sees a provider error and never waits
 * longer than the budget.
 */
export class ModelAnswerPolicy implements DecisionMaker {
  constructor(private readonly deps: ModelAnswerPolicyDeps) {}

  async decide(input: DecisionInput): Promise<Decision> {
    const offline = this.deps.offline.decide(input);
    if (!this.concernsArticles(offline, input)) return offline;
    const assist: ModelAssist = { ranking: 'offline', wording: 'offline', notes: [] };
    const question = redactContacts(input.text);
    const deadline = new ModelDeadline(this.deps.config.openai.timeoutMs);
    try {
      const ranked = await this.rank(offline, input.text, question, deadline, assist);
      return await this.word(ranked, question, deadline, assist);
    } finally {
      deadline.dispose();
    }
  }

  /** Only questions that go to the articles involve the provider. */
  private concernsArticles(decision: Decision, input: DecisionInput): boolean {
    if (input.payload || !input.text.trim()) return false;
    return decision.action.kind === 'answer' || decision.action.kind === 'clarify' || decision.action.kind === 'miss';
  }

  private async rank(offline: Decision, text: string, question: string, deadline: ModelDeadline, assist: ModelAssist): Promise<Decision> {
    const embeddings = this.deps.embeddings;
    if (!embeddings || embeddings.vectors.size === 0) return { ...offline, model: assist };
    try {
      const [vector] = await deadline.run((options) => embeddings.embedder.embed([question], options));
      this.deps.failures.succeeded('embeddings');
      const { knowledge, config } = this.deps;
      const pool = knowledge.query(text, offlinePool, readingLanguages(offline.language, config.locales.supported));
      const candidates = blendCandidates(pool, embeddings.vectors.similarities(vector!), config.openai, (slug) => knowledge.translations(slug));
      assist.ranking = 'hybrid';
      return { ...offline, candidates: candidates.slice(0, keptCandidates), action: chooseAction(config.answers, offline.intent, candidates), model: assist };
    } catch (error) {
      assist.notes.push(`embeddings: ${this.deps.failures.failed('embeddings', error)}`);
      return { ...offline, model: assist };
    }
  }

  private async word(decision: Decision, question: string, deadline: ModelDeadline, assist: ModelAssist): Promise<Decision> {
    const { writer, knowledge, config } = this.deps;
    const action = decision.action;
    if (!writer || action.kind !== 'answer' || action.chosen) return decision;
    const locale = decision.language.locale;
    const slugs = [action.slug, ...decision.candidates.filter((candidate) => candidate.slug !== action.slug && candidate.confidence >= config.answers.clarifyThreshold).map((candidate) => candidate.slug)].slice(0, maxSources);
    const articles = slugs.map((slug) => knowledge.article(slug, locale, config.locales.default)).filter((article) => article !== null);
    try {
      const wording = await deadline.run((options) => writer.word({ question, locale, articles }, options));
      this.deps.failures.succeeded('wording');
      assist.wording = wording.kind;
      if (wording.kind === 'refused') return { ...decision, action: { kind: 'miss' } };
      if (wording.kind === 'rejected') {
        assist.notes.push(`wording rejected: ${wording.reason}`);
        return decision;
      }
      const cited = decision.candidates.find((candidate) => candidate.slug === wording.slug);
      const answer = cited && wording.slug !== action.slug ? { ...action, slug: cited.slug, confidence: cited.confidence } : action;
      return { ...decision, action: answer, wording: { slug: wording.slug, text: wording.text, model: writer.model } };
    } catch (error) {
      assist.notes.push(`wording: ${this.deps.failures.failed('wording', error)}`);
      return decision;
    }
  }
}
