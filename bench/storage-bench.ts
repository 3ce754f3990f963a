import { TicketRepository } from '../src/handoff/ticket-repository.js';
import { csatReport } from '../src/reports/csat-report.js';
import { reportRange } from '../src/reports/report-range.js';
import { CsatRepository } from '../src/csat/csat-repository.js';
import { MessageRepository } from '../src/conversations/message-repository.js';
import { JobQueue } from '../src/jobs/job-queue.js';
import type { DocumentStore } from '../src/storage/document-store.js';
import { newId } from '../src/storage/new-id.js';

export interface BenchFigure {
  name: string;
  operations: number;
  ms: number;
}

async function time(name: string, operations: number, work: () => Promise<void>): Promise<BenchFigure> {
  const started = performance.now();
  await work();
  return { name, operations, ms: performance.now() - started };
}

/** Measures the store operations on the customer path, on whatever store it is given. */
export async function storageBench(store: DocumentStore, size: { messages: number; ratings: number }): Promise<BenchFigure[]> {
  const messages = new MessageRepository(store);
  const tickets = new TicketRepository(store);
  const csat = new CsatRepository(store);
  const jobs = new JobQueue(store);
  const figures: BenchFigure[] = [];
  const conversations = 200;

  figures.push(
    await time('insert inbound message (idempotent, fsync)', size.messages, async () => {
      for (let i = 0; i < size.messages; i++) {
        await messages.insertOnce({
          _id: newId('msg'),
          conversationId: `c${i % conversations}`,
          customerId: `u${i % conversations}`,
          channel: 'telegram',
          direction: 'in',
          author: { kind: 'customer' },
          text: `message number ${i} with some ordinary customer text`,
          buttons: [],
          platformMessageId: `p${i}`,
          createdAt: new Date(),
        });
      }
    }),
  );
  figures.push(
    await time('redelivered message detected', 500, async () => {
      for (let i = 0; i < 500; i++) await messages.insertOnce({ _id: newId('msg'), conversationId: 'c0', customerId: 'u0', channel: 'telegram', direction: 'in', author: { kind: 'customer' }, text: 'x', buttons: [], platformMessageId: `p${i}`, createdAt: new Date() });
    }),
  );
  figures.push(
    await time(`read a transcript (${size.messages / conversations} messages)`, 500, async () => {
      for (let i = 0; i < 500; i++) await messages.transcript(`c${i % conversations}`);
    }),
  );
  figures.push(
    await time('open ticket + claim', 500, async () => {
      for (let i = 0; i < 500; i++) {
        const ticket = await tickets.create({ conversationId: `c${i}`, customerId: 'u', reason: 'customer_request', priority: 'normal' });
        await tickets.claim(ticket._id, 'agent');
      }
    }),
  );
  await Promise.all(Array.from({ length: 1000 }, (_, i) => jobs.schedule({ type: 'bench', dueAt: new Date(Date.now() - i) })));
  figures.push(
    await time('lease + complete a due job (1000 pending)', 1000, async () => {
      for (let i = 0; i < 1000; i++) {
        const job = await jobs.lease('w');
        if (job) await jobs.complete(job, 'w');
      }
    }),
  );
  const channels = ['webchat', 'telegram', 'zalo', 'messenger'] as const;
  for (let i = 0; i < size.ratings; i++) {
    const at = new Date(Date.UTC(2026, 0, 1 + (i % 90)));
    await csat.record({ conversationId: `r${i}`, customerId: `u${i}`, score: 1 + (i % 5), channel: channels[i % 4]!, handledBy: i % 2 ? 'agent' : 'bot', ...(i % 2 ? { agentId: `a${i % 7}` } : {}), locale: 'vi', segment: 'new', promptedAt: at, answeredAt: at });
  }
  figures.push(
    await time(`CSAT report pipeline over ${size.ratings} ratings`, 10, async () => {
      for (let i = 0; i < 10; i++) await csatReport(store, reportRange({ from: '2026-01-01', to: '2026-03-31', bucket: 'day' }, 'Asia/Ho_Chi_Minh'));
    }),
  );
  return figures;
}
