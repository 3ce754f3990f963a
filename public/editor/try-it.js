/*
 * The editor's "Try it": a question as a customer would write it, and what the bot would do
 * with it and why — the verdict, the language, an intent or hand-off, the calibration, the
 * answer as the customer reads it, the choices, and every candidate article with its score.
 */
import { api, post, guarded } from './editor-state.js';
import { editorDocuments } from './editor-documents.js';

const { $, el } = window.CarelineStaff;

const verdictText = { answer: 'Answer', clarify: 'Clarify (offer choices)', miss: "Don't know (offers a person)", handoff: 'Hand off to a person', smalltalk: 'Small talk', feedback: 'Feedback' };

/** Wires the "Try it" form. */
export const wireTryIt = () => {
  $('#try-form').addEventListener('submit', (event) => {
    event.preventDefault();
    guarded(async () => {
      const form = new FormData(event.target);
      const result = await api('/api/editor/try', { method: 'POST', body: JSON.stringify({ text: form.get('text'), ...(form.get('locale') ? { locale: form.get('locale') } : {}) }), expect: editorDocuments.tryIt });
      // The answer's preview first, so the result shows whole at once (the candidates no later than the verdict).
      const preview = result.answer ? (await post('/api/editor/preview', { markdown: result.answer.answer })).html : null;
      const target = $('#try-result');
      target.replaceChildren(el('p', `verdict ${result.verdict}`, verdictText[result.verdict] || result.verdict));
      target.append(el('p', 'language', `Language: ${result.language.locale} (${result.language.reason})`));
      if (result.decision.intent) target.append(el('p', '', `Intent: ${result.decision.intent.intent} (${result.decision.intent.confidence.toFixed(2)}, like "${result.decision.intent.example}")`));
      if (result.decision.escalation) target.append(el('p', 'escalation', `Hands off: ${result.decision.escalation.kind === 'human' ? 'asks for a person' : 'complaint'} (${result.decision.escalation.reasons.join(', ')})`));
      target.append(el('p', 'calibration', result.calibration
        ? `Confidence = probability the answer is right, fitted on this knowledge base: ${result.calibration.heldOut} held-out questions (own article first for ${Math.round(result.calibration.topRight * 100)} %) against ${result.calibration.outOfScope} out-of-scope messages.`
        : 'Confidence = probability the answer is right, under the default calibration (the knowledge base is too small to fit its own).'));
      if (result.answer) {
        target.append(el('h3', '', `The customer reads: ${result.answer.title}${result.answer.inCustomerLanguage ? '' : ` (only in ${result.answer.locale})`}`));
        const shown = el('div', 'preview');
        shown.innerHTML = preview ?? '';
        target.append(shown);
      }
      if (result.choices.length > 0) target.append(el('p', '', `Choices offered: ${result.choices.join(', ')}`));
      const table = el('table', 'candidates');
      const head = el('tr');
      for (const title of ['#', 'article', 'language', 'confidence', 'matched text', 'matched terms']) head.append(el('th', '', title));
      table.append(head);
      for (const candidate of result.candidates) {
        const row = el('tr');
        row.append(el('td', '', String(candidate.rank)), el('td', '', `${candidate.title} (${candidate.slug})`), el('td', '', candidate.locale), el('td', 'confidence', candidate.confidence.toFixed(2)), el('td', '', candidate.matchedText), el('td', '', candidate.matchedTerms.join(', ')));
        table.append(row);
      }
      target.append(result.candidates.length > 0 ? table : el('p', '', 'No article matched at all.'));
    })();
  });
};
