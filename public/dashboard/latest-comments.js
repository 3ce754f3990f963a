/*
 * The dashboard's "Latest comments": the period's newest survey answers with a comment
 * (GET /api/reports → latestComments), each opening its conversation in the console,
 * read-only. Comments, names and channels are put on the page as text, never translated.
 */
(() => {
  'use strict';
  const { el } = window.CarelineStaff;
  const { t } = window.CarelineI18n;

  /** A cell with someone else's words or a name: text, and never translated. */
  const theirs = (text) => {
    const td = el('td', '', text);
    td.setAttribute('translate', 'no');
    return td;
  };

  /**
   * Fills `table`'s body with the comments, their times in the report's time zone, and says how many there are in `summary`.
   * @param {HTMLTableElement} table
   * @param {HTMLElement} summary
   * @param {{ score: number, comment: string, channel: string, agentName?: string, agentId?: string, conversationId: string, answeredAt: string }[]} comments
   * @param {string} timeZone
   */
  const render = (table, summary, comments, timeZone) => {
    const body = table.tBodies[0];
    body.replaceChildren();
    summary.textContent = comments.length ? t('The latest {n} survey answers with a comment in the period, newest first.', { n: comments.length }) : t('No comment in this period.');
    for (const comment of comments) {
      const tr = el('tr');
      tr.dataset.conversation = comment.conversationId;
      const when = new Date(comment.answeredAt).toLocaleString([], { timeZone, month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
      const score = el('td', 'number', `${'★'.repeat(comment.score)}${'☆'.repeat(Math.max(0, 5 - comment.score))} ${comment.score}/5`);
      const open = el('a', '', t('Open the conversation'));
      open.href = `/console/?conversation=${encodeURIComponent(comment.conversationId)}`;
      const link = el('td');
      link.append(open);
      tr.append(theirs(when), score, theirs(comment.comment), theirs(comment.channel), comment.agentId ? theirs(comment.agentName || comment.agentId) : el('td', '', t('bot')), link);
      body.append(tr);
    }
  };

  window.CarelineLatestComments = { render };
})();
