import { forgedWebhooksTrial } from './forged-webhooks-trial.js';
import { floodTrial } from './flood-trial.js';
import { fuzzTrial } from './fuzz-trial.js';
import { heldUpgradesTrial } from './held-upgrades-trial.js';
import { loginTrial } from './login-trial.js';
import { killAfterAckTrial, killDuringTurnsTrial } from './kill-trials.js';
import { platformHangTrial } from './platform-hang-trial.js';
import { platformOutageTrial } from './platform-outage-trial.js';
import { replayTrial } from './replay-trial.js';
import { reportsTrial } from './reports-trial.js';
import { securityHeadersTrial } from './security-headers-trial.js';
import { telegramSendKillTrial } from './telegram-send-kill-trial.js';
import type { TrialFigure } from './trial-result.js';

/** One trial of the fault bench: its number and name (for `--only`), what it does, and how to run it. */
export interface Trial {
  number: number;
  name: string;
  about: string;
  run: () => Promise<TrialFigure[]>;
}

/** The trials of issue 16, in the order the bench runs them. */
export const trials: Trial[] = [
  { number: 1, name: 'replays', about: '2,000 messages over every channel, each delivered 2–3 times', run: () => replayTrial({ deliveries: 2000 }) },
  { number: 2, name: 'kill-after-ack', about: 'kill -9 right after Meta, Zalo, Telegram and Bot Framework webhooks were acknowledged (200 per channel)', run: () => killAfterAckTrial({ perChannel: 200 }) },
  { number: 3, name: 'kill-during-turns', about: 'kill -9 during turns on every channel, then the platforms redeliver', run: () => killDuringTurnsTrial({ perChannel: 200 }) },
  { number: 4, name: 'kill-telegram-sends', about: 'kill -9 while bot replies are being sent to Telegram', run: () => telegramSendKillTrial({ customers: 200 }) },
  {
    number: 5,
    name: 'platform-hang',
    about: 'the Graph API accepts Messenger sends and never answers; an agent replies meanwhile',
    // The issue hung it 45 s; Careline's Graph client gives up after 15 s, so 20 s already spans
    // a timed-out send and its retry. BENCH_FAULTS_HANG_S=45 runs the figure.
    run: () => platformHangTrial({ hangSeconds: Number(process.env.BENCH_FAULTS_HANG_S ?? 20), sendTimeoutNote: 'the Graph client in src/channels/meta/graph-api-client.ts times out after 15 s' }),
  },
  { number: 6, name: 'platform-outage', about: 'WhatsApp answers 503 for 60 s, then recovers', run: () => platformOutageTrial({ outageSeconds: 60, customers: 10, waitSeconds: 120 }) },
  { number: 7, name: 'fuzz', about: '20,000 spoilt requests over every route, malformed-URL upgrades and spoilt frames', run: () => fuzzTrial({ requests: Number(process.env.BENCH_FAULTS_FUZZ ?? 20_000) }) },
  { number: 8, name: 'held-upgrades', about: '2,000 WebSocket upgrades to an unknown path, held by the client', run: () => heldUpgradesTrial({ sockets: 2000, holdSeconds: 5 }) },
  { number: 9, name: 'forged-webhooks', about: 'forged and stale webhooks, and a Zalo event without msg_id replayed', run: () => forgedWebhooksTrial() },
  { number: 10, name: 'flood', about: 'one address sends POST /api/chat as fast as it can for 20 s', run: () => floodTrial({ seconds: 20, perMinute: 300, perSenderPerMinute: 30 }) },
  { number: 11, name: 'login', about: 'login throttle with rotating X-Forwarded-For, concurrent wrong passwords, and login timing', run: () => loginTrial({ samples: 10 }) },
  { number: 12, name: 'reports', about: 'a report from 1926 while /healthz is probed', run: () => reportsTrial({ from: '1926-01-01' }) },
  { number: 13, name: 'security-headers', about: 'security headers on staff pages, the help center and the widget page', run: () => securityHeadersTrial() },
];
