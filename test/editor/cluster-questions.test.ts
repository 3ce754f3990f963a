import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { packageRoot } from '../../src/http/package-root.js';
import { readArticleFiles } from '../../src/knowledge/files/read-article-files.js';
import { clusterQuestions } from '../../src/editor/gaps/cluster-questions.js';
import { TermWeights } from '../../src/editor/gaps/term-vectors.js';

const texts = [
  'có bán thẻ quà tặng không',
  'do you repair bicycles',
  'mua the qua tang o dau',
  'bicycle repair near me',
  'thẻ quà tặng giá bao nhiêu',
  'shop có sửa xe đạp không',
  'can you repair my bicycle chain',
  'sua xe dap o dau',
];
const questions = texts.map((text, i) => ({ _id: `q${i}`, text }));
// Word rarity comes from the bundled knowledge base's titles and variants, as in the product.
const background = readArticleFiles(join(packageRoot(), 'knowledge-base')).articles.flatMap((article) => [article.title, ...article.questions]);

describe('clusterQuestions', () => {
  const clusters = clusterQuestions(questions, TermWeights.fromTexts([...texts, ...background]));
  const members = clusters.map((cluster) => cluster.members.map((member) => member.text));

  it('groups Vietnamese with and without accents, and English plurals with singulars', () => {
    expect(members).toEqual(
      expect.arrayContaining([
        ['có bán thẻ quà tặng không', 'mua the qua tang o dau', 'thẻ quà tặng giá bao nhiêu'],
        ['do you repair bicycles', 'bicycle repair near me', 'can you repair my bicycle chain'],
        ['shop có sửa xe đạp không', 'sua xe dap o dau'],
      ]),
    );
    expect(clusters).toHaveLength(3);
  });

  it('names each cluster after its first question, so adding newer questions keeps the ids', () => {
    expect(clusters.map((cluster) => cluster.id)).toEqual(['q0', 'q1', 'q5']);
    const more = clusterQuestions([...questions, { _id: 'q9', text: 'gift card for bicycles' }], TermWeights.fromTexts([...texts, ...background]));
    expect(more.slice(0, 3).map((cluster) => cluster.id)).toEqual(['q0', 'q1', 'q5']);
  });
});
