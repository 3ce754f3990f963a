// Child process for the multi-process test: opens the embedded store in argv[2], creates
// argv[3] tickets and claims each as this process, printing the ticket numbers as JSON.
import { TicketRepository } from '../../src/handoff/ticket-repository.js';
import { EmbeddedDocumentStore } from '../../src/storage/embedded/embedded-document-store.js';

const [dir, count, worker] = process.argv.slice(2);
const store = new EmbeddedDocumentStore(dir!);
await store.init();
const tickets = new TicketRepository(store);
const numbers: number[] = [];
const claimed: string[] = [];
for (let i = 0; i < Number(count); i++) {
  const ticket = await tickets.create({ conversationId: `${worker}-${i}`, customerId: 'u', reason: 'customer_request', priority: 'normal' });
  numbers.push(ticket.number);
  // Both processes try to claim every ticket they can see.
  for (const waiting of await tickets.waiting()) if (await tickets.claim(waiting._id, worker!)) claimed.push(waiting._id);
}
await store.close();
process.stdout.write(JSON.stringify({ numbers, claimed }));
