/*
 * Careline dashboard (admins): CSAT and service figures from GET /api/reports, charts drawn
 * with Chart.js (served from the installed package). Every number comes from the same
 * report the CSV export writes. Names and questions are put on the page as text.
 */
(() => {
  'use strict';
  const { $, createApi, wireLogin, staffNav, gate, staffLanguage } = window.CarelineStaff;
  const { t } = window.CarelineI18n;
  const charts = new Map();

  let csrfToken = null;
  const { api, post, send } = createApi(() => csrfToken);

  const percent = (value) => (value === null || value === undefined ? '–' : `${(value * 100).toFixed(1)} %`);
  const number = (value) => (value === null || value === undefined ? '–' : String(value));
  const duration = (ms) => {
    if (ms === null || ms === undefined) return '–';
    const minutes = ms / 60000;
    return minutes < 90 ? `${minutes.toFixed(1)} min` : `${(minutes / 60).toFixed(1)} h`;
  };

  const tile = (metric, value, format) => {
    const output = $(`.tile[data-metric="${metric}"] output`);
    output.textContent = format(value);
    output.dataset.value = value === null || value === undefined ? '' : String(value);
  };

  const palette = ['#0a5bd3', '#e8590c', '#2b8a3e', '#ae3ec9', '#f59f00', '#1098ad', '#c92a2a', '#5c7cfa'];
  const draw = (id, config) => {
    charts.get(id)?.destroy();
    const chart = new Chart(document.getElementById(id), { ...config, options: { responsive: true, maintainAspectRatio: false, animation: false, ...(config.options || {}) } });
    charts.set(id, chart);
  };
  const bars = (id, labels, datasets, options = {}) =>
    draw(id, { type: 'bar', data: { labels, datasets: datasets.map((set, index) => ({ backgroundColor: palette[index % palette.length], ...set })) }, options });
  const lines = (id, labels, datasets, options = {}) =>
    draw(id, { type: 'line', data: { labels, datasets: datasets.map((set, index) => ({ borderColor: palette[index % palette.length], backgroundColor: palette[index % palette.length], tension: 0.2, ...set })) }, options });
  const asPercent = { scales: { y: { min: 0, max: 100, title: { display: true, text: '%' } } } };

  const cell = (text, className) => {
    const td = document.createElement('td');
    td.textContent = text;
    if (className) td.className = className;
    return td;
  };

  // One row per channel and per agent (the bot for none): answers, the kind's figure and its response rate.
  const surveySplitTable = (id, splits, rates, figure, agentName) => {
    const tbody = $(`#${id} tbody`);
    tbody.replaceChildren();
    for (const [split, name, keyLabel] of /** @type {[string, string, (key: any) => string][]} */ ([['byChannel', 'channel', (key) => String(key)], ['byAgent', 'agent', agentName]])) {
      const answers = new Map(splits[split].map((row) => [row.key, row]));
      const rateOf = new Map(rates[split].map((row) => [row.key, row.responseRate]));
      for (const key of [...new Set([...answers.keys(), ...rateOf.keys()])]) {
        const row = answers.get(key);
        const tr = document.createElement('tr');
        tr.dataset.split = split;
        tr.dataset.key = key === null ? '' : key;
        tr.append(cell(name), cell(keyLabel(key)), cell(String(row ? row.responses : 0), 'number'), cell(number(row ? row[figure] : null), 'number'), cell(percent(rateOf.get(key)), 'number'));
        tbody.append(tr);
      }
    }
  };

  // NPS and CES: the figures, NPS's counts and each response rate under the tiles, each scale's distribution, the splits.
  const renderSurveys = (surveys, agentName) => {
    const { nps, ces } = surveys || { nps: null, ces: null };
    tile('nps', nps && nps.nps, number);
    tile('npsResponses', nps ? nps.responses : 0, number);
    tile('cesAverage', ces && ces.averageScore, number);
    tile('cesResponses', ces ? ces.responses : 0, number);
    $('[data-metric=nps] .of').textContent = nps ? t('promoters {promoters} · passives {passives} · detractors {detractors}', { promoters: nps.promoters, passives: nps.passives, detractors: nps.detractors }) : '';
    const distribution = (id, figures, from, to) => {
      const scores = Array.from({ length: to - from + 1 }, (_, index) => from + index);
      const counts = new Map((figures ? figures.distribution : []).map((row) => [row.score, row.responses]));
      bars(id, scores.map(String), [{ label: t('Answers'), data: scores.map((score) => counts.get(score) || 0) }]);
    };
    distribution('chart-nps-distribution', nps, 0, 10);
    distribution('chart-ces-distribution', ces, 1, 7);
    const noSplits = { byChannel: [], byAgent: [] };
    const rates = (surveys && surveys.responseRate) || { nps: { overall: null, ...noSplits }, ces: { overall: null, ...noSplits } };
    for (const [metric, overall] of [['npsResponses', rates.nps.overall], ['cesResponses', rates.ces.overall]]) {
      $(`[data-metric=${metric}] .of`).textContent = overall ? t('response rate {rate} ({answered} of {prompted} sent)', { rate: percent(overall.responseRate), answered: overall.answered, prompted: overall.prompted }) : '';
    }
    surveySplitTable('nps-table', (surveys && surveys.npsSplits) || noSplits, rates.nps, 'nps', agentName);
    surveySplitTable('ces-table', (surveys && surveys.cesSplits) || noSplits, rates.ces, 'averageScore', agentName);
  };

  const render = (report) => {
    const { csat, operations } = report;
    const agentName = (id) => (id && report.agentNames && report.agentNames[id]) || id || 'bot';
    const label = (key) => (key === null || key === undefined ? '(none)' : String(key));
    for (const element of document.querySelectorAll('.bucket')) element.textContent = report.range.bucket;
    $('#status').textContent = `${report.range.from} – ${report.range.to} (${report.range.timezone})`;

    tile('csat', csat.overall && csat.overall.csat, percent);
    tile('averageScore', csat.overall && csat.overall.averageScore, number);
    tile('responseRate', csat.responseRate.overall && csat.responseRate.overall.responseRate, percent);
    tile('responses', csat.overall ? csat.overall.responses : 0, number);
    renderSurveys(report.surveys, agentName);
    tile('averageFirstResponseMs', operations.tickets.averageFirstResponseMs, duration);
    tile('averageResolutionMs', operations.tickets.averageResolutionMs, duration);
    tile('firstContactResolution', operations.firstContactResolution, percent);
    // The denominator beside the share: "2 of 3 finished conversations (4 in all)".
    const figures = operations.conversations;
    $('[data-metric=firstContactResolution] .of').textContent = figures ? t('{first} of {ended} finished conversations ({all} in all)', { first: figures.endedFirstContact, ended: figures.ended, all: figures.conversations }) : '';
    tile('botResolution', operations.botResolution, percent);
    tile('escalationRate', operations.escalationRate, percent);
    tile('conversations', operations.conversations ? operations.conversations.conversations : 0, number);

    lines('chart-csat-series', csat.series.map((row) => row.key), [
      { label: 'CSAT %', data: csat.series.map((row) => row.csat * 100), yAxisID: 'y' },
      { label: 'Average score', data: csat.series.map((row) => row.averageScore), yAxisID: 'score' },
    ], { scales: { y: { min: 0, max: 100, title: { display: true, text: 'CSAT %' } }, score: { position: 'right', min: 1, max: 5, grid: { drawOnChartArea: false } } } });
    bars('chart-csat-channel', csat.byChannel.map((row) => label(row.key)), [{ label: 'CSAT %', data: csat.byChannel.map((row) => row.csat * 100) }], asPercent);
    bars('chart-csat-agent', csat.byAgent.filter((row) => row.key).map((row) => agentName(row.key)), [{ label: 'CSAT %', data: csat.byAgent.filter((row) => row.key).map((row) => row.csat * 100) }], asPercent);
    const segmentRows = [...csat.bySegment.map((row) => ['segment ' + label(row.key), row]), ...csat.byHandledBy.map((row) => [label(row.key) === 'bot' ? 'bot only' : 'agent', row])];
    bars('chart-csat-segment', segmentRows.map(([name]) => name), [{ label: 'CSAT %', data: segmentRows.map(([, row]) => row.csat * 100) }], asPercent);

    const conversationsByChannel = new Map(operations.conversationsByChannel.map((row) => [row.key, row.conversations]));
    const channels = [...new Set([...operations.messagesByChannel.map((row) => row.key), ...conversationsByChannel.keys()])].sort();
    bars('chart-volume-channel', channels, [
      { label: 'Conversations', data: channels.map((key) => conversationsByChannel.get(key) || 0) },
      { label: 'Customer messages', data: channels.map((key) => (operations.messagesByChannel.find((row) => row.key === key) || { inbound: 0 }).inbound) },
    ]);
    const periods = [...new Set([...operations.conversationSeries.map((row) => row.key), ...operations.messageSeries.map((row) => row.key)])].sort();
    lines('chart-volume-series', periods, [
      { label: 'Conversations', data: periods.map((key) => (operations.conversationSeries.find((row) => row.key === key) || { conversations: 0 }).conversations) },
      { label: 'Customer messages', data: periods.map((key) => (operations.messageSeries.find((row) => row.key === key) || { inbound: 0 }).inbound) },
    ]);
    lines('chart-times', operations.ticketSeries.map((row) => row.key), [
      { label: 'First response (min)', data: operations.ticketSeries.map((row) => (row.averageFirstResponseMs === null ? null : row.averageFirstResponseMs / 60000)) },
      { label: 'Resolution (min)', data: operations.ticketSeries.map((row) => (row.averageResolutionMs === null ? null : row.averageResolutionMs / 60000)) },
    ]);

    const rates = (split) => new Map(csat.responseRate[split].map((row) => [row.key, row.responseRate]));
    const tbody = $('#csat-table tbody');
    tbody.replaceChildren();
    for (const [split, name, keyLabel] of /** @type {[string, string, (key: any) => string][]} */ ([['byChannel', 'channel', label], ['byAgent', 'agent', agentName], ['bySegment', 'segment', label], ['byHandledBy', 'bot / agent', label]])) {
      const rateOf = rates(split);
      for (const row of csat[split]) {
        const tr = document.createElement('tr');
        tr.dataset.split = split;
        tr.dataset.key = row.key === null ? '' : row.key;
        tr.append(cell(name), cell(keyLabel(row.key)), cell(String(row.responses), 'number'), cell(percent(row.csat), 'number'), cell(String(row.averageScore), 'number'), cell(percent(rateOf.get(row.key)), 'number'));
        tbody.append(tr);
      }
    }
    const questions = $('#unanswered tbody');
    questions.replaceChildren();
    for (const row of operations.unanswered) {
      const tr = document.createElement('tr');
      tr.append(cell(row.text), cell(String(row.count), 'number'));
      questions.append(tr);
    }
  };

  const query = () => {
    const form = new FormData($('#range'));
    const params = new URLSearchParams();
    for (const name of ['from', 'to', 'bucket']) if (form.get(name)) params.set(name, String(form.get(name)));
    return params.toString();
  };

  const load = async () => {
    $('#status').textContent = 'Loading…';
    const params = query();
    $('#csv').href = `/api/reports/export.csv?${params}`;
    try {
      // Checked against the server's own schema of the report (GET /api/schemas): a mismatch is named in a notice.
      const report = await api(`/api/reports?${params}`, { expect: { '': 'dashboardReport' } });
      $('#range [name=from]').value = report.range.from;
      $('#range [name=to]').value = report.range.to;
      render(report);
      window.CarelineLatestComments.render($('#latest-comments'), $('#comments-summary'), report.latestComments, report.range.timezone);
      document.body.dataset.loaded = 'true';
    } catch (error) {
      if (error.status === 401) return showLogin();
      $('#status').textContent = error.message;
    }
  };

  const showLogin = () => {
    $('#login').hidden = false;
    $('#app').hidden = true;
  };
  const logout = async () => {
    await post('/api/auth/logout');
    location.reload();
  };
  const showApp = (session) => {
    csrfToken = session.csrfToken;
    if (gate(session, 'admin', logout)) return;
    if (!$('header .staff-nav')) {
      const out = document.createElement('button');
      out.type = 'button';
      out.id = 'logout';
      out.textContent = 'Log out';
      out.addEventListener('click', logout);
      $('header').append(staffNav(session.user), staffLanguage(session, send), out);
    }
    $('#login').hidden = true;
    $('#app').hidden = false;
    load();
  };

  wireLogin(api, showApp);
  $('#range').addEventListener('submit', (event) => {
    event.preventDefault();
    load();
  });

  // A link may carry the period: /dashboard/?from=2026-03-01&to=2026-03-31&bucket=week
  const initial = new URLSearchParams(location.search);
  for (const name of ['from', 'to', 'bucket']) if (initial.get(name)) $(`#range [name=${name}]`).value = initial.get(name);
  api('/api/auth/me').then(showApp, showLogin);
})();
