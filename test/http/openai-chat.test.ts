import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeOpenAI, type ChatRequest } from '../support/fake-openai.js';
import { postJson } from '../support/post-json.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { restApiAuth } from '../support/rest-api.js';

interface ChatReply {
  replies: { text: string; link?: { url: string } }[];
}

// The fake embedding model: a hashed bag of the words of four letters or more.
function bagOfWords(text: string): number[] {
  const vector = new Array<number>(128).fill(0);
  for (const word of text.toLowerCase().match(/\p{L}{4,}/gu) ?? []) {
    let hash = 0;
    for (const char of word) hash = (hash * 31 + char.codePointAt(0)!) % 128;
    vector[hash]! += 1;
  }
  return vector.some(Boolean) ? vector : [1, ...vector.slice(1)];
}

// The fake chat model quotes the first sentence of the first article it was given, citing it.
function quoteFirstArticle(request: ChatRequest): string {
  const [, id, answer] = /\[id: ([a-z0-9-]+)\]\nTitle: [^\n]*\n([^\n]*)/.exec(request.system) ?? [];
  return `Good question! ${answer!.split('. ')[0]}. [source: ${id}]`;
}

describe('POST /api/chat with OpenAI configured (fake OpenAI server, bundled knowledge base)', () => {
  const fake = new FakeOpenAI();
  let app: TestApp;

  beforeAll(async () => {
    await fake.start();
    fake.embed = bagOfWords;
    fake.reply = quoteFirstArticle;
    app = await startTestApp(fake.env({ OPENAI_TIMEOUT_MS: '5000' }));
    await app.careline.modelAssist!.idle();
  });
  afterAll(async () => {
    await app.close();
    await fake.close();
  });

  it('answers in the model\'s words citing the article, and with the article\'s own answer when the provider fails', async () => {
    // Every published article (title and variants) was embedded once, in batches.
    const articles = app.careline.knowledge.articles();
    expect(new Set(fake.embeddedTexts)).toEqual(new Set(articles.flatMap((article) => [article.title, ...article.questions])));
    expect(await app.store.collection('article_embeddings').countDocuments()).toBe(articles.length);

    const worded = (await (await postJson(`${app.url}/api/chat`, { sender: 'web-1', text: 'How long is the warranty?' }, restApiAuth)).json()) as ChatReply;
    const article = app.careline.knowledge.article('warranty-period', 'en', 'vi')!;
    expect(worded.replies).toHaveLength(1);
    expect(worded.replies[0]!.text).toBe(`${article.title}\n\nGood question! ${article.answer.split('. ')[0]}.`);
    expect(worded.replies[0]!.link!.url).toMatch(/\/help\/warranty-period\?lang=en$/);
    expect(fake.chats.at(-1)!.user).toBe('How long is the warranty?');

    fake.fail = { embeddings: { status: 500 }, chat: { status: 500 } };
    const response = await postJson(`${app.url}/api/chat`, { sender: 'web-2', text: 'How long is the warranty?' }, restApiAuth);
    expect(response.status).toBe(201);
    const offline = (await response.json()) as ChatReply;
    expect(offline.replies[0]!.text).toBe(`${article.title}\n\n${article.answer}`);
    expect(app.logs.filter((line) => line.includes('OpenAI') && line.includes('HTTP 500'))).toHaveLength(2);
  });
});
