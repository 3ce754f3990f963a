import type { DocumentStore } from '../../src/storage/document-store.js';

const at = (iso: string) => new Date(iso);
const minutes = 60_000;

/**
 * A small week of activity (2026-03-02 … 2026-03-08, Asia/Ho_Chi_Minh) whose report figures
 * are worked out by hand in the tests; one of each kind lies outside the week.
 */
export async function seedReportFixture(store: DocumentStore): Promise<void> {
  const response = (id: string, score: number, channel: string, handledBy: 'bot' | 'agent', segment: string, answeredAt: string, agentId?: string, comment?: string) => ({
    _id: `csr_${id}`, conversationId: `cnv_${id}`, customerId: `cus_${id}`, score, channel, handledBy, segment, locale: 'vi', ...(agentId ? { agentId } : {}), ...(comment ? { comment } : {}), promptedAt: at(answeredAt), answeredAt: at(answeredAt),
  });
  // Comments change no figure; reportFixtureComments lists those of the week.
  await store.collection('csat_responses').insertMany([
    response('r1', 5, 'webchat', 'agent', 'vip', '2026-03-02T03:00:00Z', 'ann', 'Chị Ann tư vấn rất nhiệt tình'),
    // 01:00 on 3 March in Ho Chi Minh City: counts for the 3rd.
    response('r2', 4, 'webchat', 'bot', 'new', '2026-03-02T18:00:00Z'),
    response('r3', 2, 'telegram', 'agent', 'new', '2026-03-04T05:00:00Z', 'bob', '<img src=x onerror="window.__xss=1"> chờ lâu quá'),
    response('r4', 1, 'telegram', 'agent', 'regular', '2026-03-05T05:00:00Z', 'ann'),
    response('r5', 5, 'telegram', 'agent', 'new', '2026-03-09T10:00:00Z', 'bob', 'after the week'),
  ]);
  const prompt = (id: string, status: string, channel: string, handledBy: 'bot' | 'agent', segment: string, promptedAt: string | null, agentId?: string) => ({
    _id: `csp_${id}`, conversationId: `cnv_${id}`, customerId: `cus_${id}`, channel, trigger: handledBy === 'agent' ? 'resolved' : 'thanks', handledBy, segment, locale: 'vi', status, unclear: 0,
    ...(agentId ? { agentId } : {}), ...(promptedAt ? { promptedAt: at(promptedAt) } : {}), triggeredAt: at('2026-03-02T00:00:00Z'), createdAt: at('2026-03-02T00:00:00Z'),
  });
  await store.collection('csat_prompts').insertMany([
    prompt('r1', 'done', 'webchat', 'agent', 'vip', '2026-03-02T02:59:00Z', 'ann'),
    prompt('r2', 'rated', 'webchat', 'bot', 'new', '2026-03-02T17:59:00Z'),
    prompt('r3', 'done', 'telegram', 'agent', 'new', '2026-03-04T04:59:00Z', 'bob'),
    prompt('r4', 'rated', 'telegram', 'agent', 'regular', '2026-03-05T04:59:00Z', 'ann'),
    prompt('p5', 'expired', 'webchat', 'agent', 'vip', '2026-03-06T04:59:00Z', 'ann'),
    prompt('p6', 'prompted', 'telegram', 'bot', 'new', '2026-03-06T05:59:00Z'),
    prompt('p7', 'skipped', 'messenger', 'bot', 'new', null),
  ]);
  const conversation = (id: string, channel: string, createdAt: string, facts: Record<string, boolean>, state = 'resolved') => ({
    _id: `cnv_${id}`, customerId: `cus_${id}`, channel, address: {}, state, ownerId: null, missCount: 0, createdAt: at(createdAt), updatedAt: at(createdAt), lastMessageAt: at(createdAt), ...facts,
  });
  await store.collection('conversations').insertMany([
    conversation('c1', 'webchat', '2026-03-02T02:00:00Z', { botAnswered: true }),
    // Two of the four are not over: still waiting for an agent, and with one (issue 19: first-contact resolution read 100 % while tickets waited).
    conversation('c2', 'webchat', '2026-03-02T03:00:00Z', { botAnswered: true, escalated: true }, 'waiting'),
    conversation('c3', 'telegram', '2026-03-03T03:00:00Z', { botAnswered: true, repeatContact: true }),
    conversation('c4', 'telegram', '2026-03-04T03:00:00Z', { escalated: true }, 'with_agent'),
    conversation('c5', 'telegram', '2026-03-10T03:00:00Z', { botAnswered: true }),
  ]);
  const ticket = (id: string, number: number, createdAt: string, firstResponseMinutes?: number, resolvedMinutes?: number) => {
    const created = at(createdAt);
    return {
      _id: `tck_${id}`, number, conversationId: `cnv_${id}`, customerId: `cus_${id}`, reason: 'customer_request', priority: 'normal', status: resolvedMinutes ? 'resolved' : 'assigned', assigneeId: 'ann', notes: [], createdAt: created, updatedAt: created,
      ...(firstResponseMinutes ? { firstResponseAt: new Date(created.getTime() + firstResponseMinutes * minutes) } : {}),
      ...(resolvedMinutes ? { resolvedAt: new Date(created.getTime() + resolvedMinutes * minutes) } : {}),
    };
  };
  await store.collection('tickets').insertMany([ticket('c2', 1, '2026-03-02T03:00:00Z', 5, 60), ticket('c4', 2, '2026-03-04T03:00:00Z', 15), ticket('c9', 3, '2026-03-12T03:00:00Z', 500, 900)]);
  const message = (id: string, channel: string, direction: 'in' | 'out', createdAt: string) => ({
    _id: `msg_${id}`, conversationId: 'cnv_c1', customerId: 'cus_c1', channel, direction, author: { kind: direction === 'in' ? 'customer' : 'bot' }, text: 'x', buttons: [], createdAt: at(createdAt),
  });
  await store.collection('messages').insertMany([
    message('m1', 'webchat', 'in', '2026-03-02T02:00:00Z'),
    message('m2', 'webchat', 'out', '2026-03-02T02:00:01Z'),
    message('m3', 'webchat', 'in', '2026-03-02T02:01:00Z'),
    message('m4', 'webchat', 'out', '2026-03-02T02:01:01Z'),
    message('m5', 'webchat', 'in', '2026-03-02T20:00:00Z'),
    message('m6', 'telegram', 'in', '2026-03-04T03:00:00Z'),
    message('m7', 'telegram', 'in', '2026-03-09T18:00:00Z'),
  ]);
  const question = (id: string, text: string, outcome: string, createdAt: string) => ({ _id: `qst_${id}`, text, outcome, locale: 'vi', channel: 'webchat', conversationId: 'cnv_c1', customerId: 'cus_c1', candidates: [], createdAt: at(createdAt) });
  await store.collection('question_log').insertMany([
    question('q1', 'Phi ship?', 'missed', '2026-03-02T02:00:00Z'),
    question('q2', 'phi ship?', 'missed', '2026-03-03T02:00:00Z'),
    question('q3', 'hello', 'rejected', '2026-03-03T02:00:00Z'),
    question('q4', 'cho gap nhan vien', 'handed_off', '2026-03-03T02:00:00Z'),
    question('q5', 'old', 'missed', '2026-02-01T02:00:00Z'),
  ]);
}

/** The figures `seedReportFixture` must give for 2026-03-02 … 2026-03-08 by day. */
export const reportFixtureFigures = {
  csat: {
    overall: { key: null, responses: 4, satisfied: 2, averageScore: 3, csat: 0.5 },
    byChannel: [
      { key: 'telegram', responses: 2, satisfied: 0, averageScore: 1.5, csat: 0 },
      { key: 'webchat', responses: 2, satisfied: 2, averageScore: 4.5, csat: 1 },
    ],
    byAgent: [
      { key: null, responses: 1, satisfied: 1, averageScore: 4, csat: 1 },
      { key: 'ann', responses: 2, satisfied: 1, averageScore: 3, csat: 0.5 },
      { key: 'bob', responses: 1, satisfied: 0, averageScore: 2, csat: 0 },
    ],
    bySegment: [
      { key: 'new', responses: 2, satisfied: 1, averageScore: 3, csat: 0.5 },
      { key: 'regular', responses: 1, satisfied: 0, averageScore: 1, csat: 0 },
      { key: 'vip', responses: 1, satisfied: 1, averageScore: 5, csat: 1 },
    ],
    byHandledBy: [
      { key: 'agent', responses: 3, satisfied: 1, averageScore: 2.67, csat: 0.3333 },
      { key: 'bot', responses: 1, satisfied: 1, averageScore: 4, csat: 1 },
    ],
    series: [
      { key: '2026-03-02', responses: 1, satisfied: 1, averageScore: 5, csat: 1 },
      { key: '2026-03-03', responses: 1, satisfied: 1, averageScore: 4, csat: 1 },
      { key: '2026-03-04', responses: 1, satisfied: 0, averageScore: 2, csat: 0 },
      { key: '2026-03-05', responses: 1, satisfied: 0, averageScore: 1, csat: 0 },
    ],
    responseRate: { key: null, prompted: 6, answered: 4, responseRate: 0.6667 },
  },
  operations: {
    conversations: { key: null, conversations: 4, escalated: 2, repeated: 1, botAnswered: 3, botResolved: 1, ended: 2, endedFirstContact: 1 },
    escalationRate: 0.5,
    // Of the two that are over (c1, c3), one had the customer come back (c3).
    firstContactResolution: 0.5,
    botResolution: 0.3333,
    tickets: { created: 2, averageFirstResponseMs: 10 * minutes, averageResolutionMs: 60 * minutes },
    messagesByChannel: [
      { key: 'telegram', inbound: 1, outbound: 0 },
      { key: 'webchat', inbound: 3, outbound: 2 },
    ],
    messageSeries: [
      { key: '2026-03-02', inbound: 2, outbound: 2 },
      { key: '2026-03-03', inbound: 1, outbound: 0 },
      { key: '2026-03-04', inbound: 1, outbound: 0 },
    ],
    unanswered: [
      { text: 'phi ship?', count: 2 },
      { text: 'hello', count: 1 },
    ],
  },
};

/** The survey comments of 2026-03-02 … 2026-03-08 in `seedReportFixture`, newest first (r5's is after the week). */
export const reportFixtureComments = [
  { score: 2, comment: '<img src=x onerror="window.__xss=1"> chờ lâu quá', channel: 'telegram', agentId: 'bob', conversationId: 'cnv_r3', answeredAt: '2026-03-04T05:00:00.000Z' },
  { score: 5, comment: 'Chị Ann tư vấn rất nhiệt tình', channel: 'webchat', agentId: 'ann', conversationId: 'cnv_r1', answeredAt: '2026-03-02T03:00:00.000Z' },
];

/**
 * NPS and CES answers of the same week (2026-03-02 … 2026-03-08, Asia/Ho_Chi_Minh), with one
 * of each kind just outside it, over three channels and two agents (and one bot
 * conversation), and the surveys sent (a minute before each answer, and a few unanswered);
 * `surveyFixtureFigures` are worked out by hand.
 */
export async function seedSurveyFixture(store: DocumentStore): Promise<void> {
  const answer = (id: string, kind: 'nps' | 'ces', score: number, answeredAt: string, channel: string, agentId: string | null) => ({
    _id: `svr_${id}`, kind, score, conversationId: `cnv_s${id}`, customerId: `cus_s${id}`, channel, handledBy: agentId ? 'agent' : 'bot', ...(agentId ? { agentId } : {}), segment: 'new', locale: 'vi', promptedAt: at(answeredAt), answeredAt: at(answeredAt),
  });
  const answers = [
    // 01:00 on 2 March in Ho Chi Minh City: inside the week.
    answer('n1', 'nps', 10, '2026-03-01T18:00:00Z', 'webchat', 'ann'),
    answer('n2', 'nps', 10, '2026-03-02T05:00:00Z', 'telegram', 'bob'),
    answer('n3', 'nps', 9, '2026-03-03T05:00:00Z', 'webchat', 'ann'),
    answer('n4', 'nps', 9, '2026-03-04T05:00:00Z', 'telegram', 'bob'),
    answer('n5', 'nps', 8, '2026-03-05T05:00:00Z', 'webchat', 'bob'),
    answer('n6', 'nps', 6, '2026-03-06T05:00:00Z', 'webchat', null),
    answer('n7', 'nps', 3, '2026-03-07T05:00:00Z', 'zalo', 'ann'),
    // 00:30 on 9 March there: outside the week.
    answer('n8', 'nps', 0, '2026-03-08T17:30:00Z', 'webchat', 'ann'),
    answer('c1', 'ces', 7, '2026-03-02T06:00:00Z', 'webchat', 'ann'),
    answer('c2', 'ces', 6, '2026-03-03T06:00:00Z', 'telegram', 'bob'),
    answer('c3', 'ces', 6, '2026-03-04T06:00:00Z', 'webchat', 'bob'),
    answer('c4', 'ces', 5, '2026-03-05T06:00:00Z', 'webchat', 'ann'),
    answer('c5', 'ces', 2, '2026-03-06T06:00:00Z', 'telegram', 'ann'),
    answer('c6', 'ces', 1, '2026-03-10T06:00:00Z', 'webchat', 'ann'),
  ];
  await store.collection('survey_responses').insertMany(answers);
  const prompt = (id: string, kind: 'nps' | 'ces', status: string, promptedAt: Date | null, channel: string, agentId: string | null) => ({
    _id: `svp_${id}`, kind, status, conversationId: `cnv_s${id}`, customerId: `cus_s${id}`, channel, trigger: agentId ? 'resolved' : 'thanks', handledBy: agentId ? 'agent' : 'bot', ...(agentId ? { agentId } : {}), segment: 'new', locale: 'vi', unclear: 0,
    ...(promptedAt ? { promptedAt } : {}), triggeredAt: at('2026-03-01T00:00:00Z'), createdAt: at('2026-03-01T00:00:00Z'),
  });
  // Each answer's survey went out a minute before it (n8's and c6's outside the week too); n2's and c3's still wait for a comment.
  const answered = answers.map((row) => prompt(row.conversationId.slice(5), row.kind, ['n2', 'c3'].includes(row.conversationId.slice(5)) ? 'rated' : 'done', new Date(row.answeredAt.getTime() - minutes), row.channel, row.agentId ?? null));
  await store.collection('survey_prompts').insertMany([
    ...answered,
    prompt('np1', 'nps', 'expired', at('2026-03-03T02:00:00Z'), 'webchat', 'ann'),
    prompt('np2', 'nps', 'declined', at('2026-03-04T02:00:00Z'), 'telegram', null),
    prompt('np3', 'nps', 'skipped', null, 'zalo', 'bob'),
    prompt('cp1', 'ces', 'prompted', at('2026-03-07T02:00:00Z'), 'webchat', 'ann'),
    prompt('cp2', 'ces', 'expired', at('2026-03-05T02:00:00Z'), 'telegram', 'bob'),
  ]);
}

const nps = (key: string | null, responses: number, promoters: number, passives: number, detractors: number, score: number) => ({ key, responses, promoters, passives, detractors, nps: score });
const rate = (key: string | null, prompted: number, answered: number, responseRate: number) => ({ key, prompted, answered, responseRate });

export const surveyFixtureFigures = {
  // 7 answers: promoters 10, 10, 9, 9 (4); passive 8 (1); detractors 6, 3 (2): (4 − 2) / 7 = 28.57 % → 28.6.
  nps: {
    responses: 7, promoters: 4, passives: 1, detractors: 2, nps: 28.6,
    distribution: [0, 0, 0, 1, 0, 0, 1, 0, 1, 2, 2].map((responses, score) => ({ score, responses })),
  },
  // 5 answers: (7 + 6 + 6 + 5 + 2) / 5 = 5.2.
  ces: {
    responses: 5, averageScore: 5.2,
    distribution: [0, 1, 0, 0, 1, 2, 1].map((responses, index) => ({ score: index + 1, responses })),
  },
  npsSplits: {
    // telegram 10, 9: 100; webchat 10, 9, 8, 6: (2 − 1) / 4 = 25; zalo 3: −100.
    byChannel: [nps('telegram', 2, 2, 0, 0, 100), nps('webchat', 4, 2, 1, 1, 25), nps('zalo', 1, 0, 0, 1, -100)],
    // the bot 6: −100; ann 10, 9, 3: 1/3 → 33.3; bob 10, 9, 8: 2/3 → 66.7.
    byAgent: [nps(null, 1, 0, 0, 1, -100), nps('ann', 3, 2, 0, 1, 33.3), nps('bob', 3, 2, 1, 0, 66.7)],
  },
  cesSplits: {
    // telegram 6, 2: 4; webchat 7, 6, 5: 6.
    byChannel: [{ key: 'telegram', responses: 2, averageScore: 4 }, { key: 'webchat', responses: 3, averageScore: 6 }],
    // ann 7, 5, 2: 14 / 3 → 4.67; bob 6, 6: 6.
    byAgent: [{ key: 'ann', responses: 3, averageScore: 4.67 }, { key: 'bob', responses: 2, averageScore: 6 }],
  },
  responseRate: {
    // 7 answered of 9 sent in the week (np1 expired, np2 declined; np3 skipped was never sent).
    nps: {
      overall: rate(null, 9, 7, 0.7778),
      byChannel: [rate('telegram', 3, 2, 0.6667), rate('webchat', 5, 4, 0.8), rate('zalo', 1, 1, 1)],
      byAgent: [rate(null, 2, 1, 0.5), rate('ann', 4, 3, 0.75), rate('bob', 3, 3, 1)],
    },
    // 5 answered of 7 (cp1 still open, cp2 expired).
    ces: {
      overall: rate(null, 7, 5, 0.7143),
      byChannel: [rate('telegram', 3, 2, 0.6667), rate('webchat', 4, 3, 0.75)],
      byAgent: [rate('ann', 4, 3, 0.75), rate('bob', 3, 2, 0.6667)],
    },
  },
};
