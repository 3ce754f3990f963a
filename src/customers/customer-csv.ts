import { z } from 'zod';
import { channelIdSchema, type ChannelId } from '../core/channel-id.js';
import { csvLine, parseCsv } from '../core/csv.js';
import type { Customer } from './customer.js';
import { segmentSchema } from './customer.js';
import type { CustomerRepository } from './customer-repository.js';

/** The columns `careline customers import` reads (a header row names them, in any order). */
export const importColumns = ['id', 'phone', 'email', 'platform', 'segment', 'tags', 'name'] as const;

const rowSchema = z
  .object({
    id: z.string().trim().optional(),
    phone: z.string().trim().regex(/^\+?[0-9 ()-]{6,20}$/, { error: 'expected a phone number such as +84 90 123 4567' }).transform((phone) => phone.replace(/[^\d+]/g, '')).optional(),
    email: z.email({ error: 'expected an e-mail address' }).optional(),
    /** `channel:externalId`, e.g. `telegram:123456789` or `zalo:8417…`. */
    platform: z.string().trim().regex(/^[a-z][a-z0-9-]*:.+$/, { error: 'expected channel:id, e.g. telegram:123456789' }).optional(),
    segment: segmentSchema.optional(),
    tags: z.string().optional(),
    name: z.string().trim().max(200).optional(),
  })
  .refine((row) => row.id || row.phone || row.email || row.platform, { error: 'a row needs an id, phone, e-mail or platform id to find the customer' });

/** A row the import could not use, with why (1-based line numbers, as a spreadsheet shows them). */
export interface RejectedRow {
  line: number;
  reason: string;
}

export interface ImportReport {
  rows: number;
  updated: number;
  created: number;
  rejected: RejectedRow[];
  dryRun: boolean;
}

/**
 * Imports customers from CSV (`careline customers import FILE.csv`): each row finds its
 * customer by id, platform id, e-mail or phone (in that order) — or, with a platform id,
 * creates them — and sets segment, tags and name; e-mail and phone are added when the
 * customer has none. A dry run reports what would change and writes nothing. Rows that
 * cannot be used are reported with their line and reason; the others are imported.
 * `channels` are the channel ids a platform id may name.
 */
export async function importCustomers(text: string, customers: CustomerRepository, options: { dryRun: boolean; progress?: (done: number, total: number) => void; channels: readonly string[] }): Promise<ImportReport> {
  const [header, ...lines] = parseCsv(text);
  const blank = (cells: string[]) => cells.every((value) => value.trim() === '');
  const rows = lines.map((cells, index) => ({ cells, line: index + 2 })).filter(({ cells }) => !blank(cells));
  const report: ImportReport = { rows: rows.length, updated: 0, created: 0, rejected: [], dryRun: options.dryRun };
  const columns = (header ?? []).map((name) => name.trim().toLowerCase());
  const unknown = columns.filter((name) => !(importColumns as readonly string[]).includes(name));
  if (!header || unknown.length > 0 || columns.length === 0) {
    report.rejected.push({ line: 1, reason: `the header must name columns of ${importColumns.join(', ')}${unknown.length ? `; unknown: ${unknown.join(', ')}` : ''}` });
    return report;
  }
  for (const [index, { cells, line }] of rows.entries()) {
    options.progress?.(index + 1, rows.length);
    const raw = Object.fromEntries(columns.map((name, at) => [name, cells[at]?.trim() || undefined]));
    const parsed = rowSchema.safeParse(raw);
    if (!parsed.success) {
      report.rejected.push({ line, reason: parsed.error.issues.map((issue) => `${issue.path.join('.') || 'row'}: ${issue.message}`).join('; ') });
      continue;
    }
    const row = parsed.data;
    const [channel, ...rest] = row.platform?.split(':') ?? [];
    const externalId = rest.join(':');
    if (row.platform && (!channelIdSchema.safeParse(channel).success || !options.channels.includes(channel!))) {
      report.rejected.push({ line, reason: `platform: unknown channel "${channel}" (expected one of ${options.channels.join(', ')})` });
      continue;
    }
    const found = await findCustomer(customers, row, channel, externalId);
    if (!found && !row.platform) {
      report.rejected.push({ line, reason: 'no such customer, and no platform id to create one with' });
      continue;
    }
    const tags = row.tags?.split(/[;|]/).map((tag) => tag.trim()).filter(Boolean);
    const changes = {
      ...(row.segment ? { segment: row.segment } : {}),
      ...(tags ? { tags } : {}),
      ...(row.name ? { displayName: row.name } : {}),
      ...(row.email && !found?.email ? { email: row.email } : {}),
      ...(row.phone && !found?.phone ? { phone: row.phone } : {}),
    };
    if (found) report.updated++;
    else report.created++;
    if (!options.dryRun) {
      const customer = found ?? (await customers.findOrCreateByIdentity(channel as ChannelId, externalId));
      if (Object.keys(changes).length) await customers.update(customer._id, changes);
    }
  }
  return report;
}

async function findCustomer(customers: CustomerRepository, row: z.infer<typeof rowSchema>, channel: string | undefined, externalId: string): Promise<Customer | null> {
  if (row.id) return customers.get(row.id);
  if (row.platform) {
    const byPlatform = await customers.findByIdentity(channel as ChannelId, externalId);
    if (byPlatform) return byPlatform;
  }
  const [byContact] = await customers.findByContact({ ...(row.email ? { email: row.email } : {}), ...(row.phone ? { phone: row.phone } : {}) });
  return byContact ?? null;
}

/** Every customer as CSV, in the import's columns (plus their channel identities), for a spreadsheet or another system. */
export async function exportCustomersCsv(customers: CustomerRepository): Promise<string> {
  const lines = [csvLine(['id', 'name', 'segment', 'tags', 'email', 'phone', 'platform', 'created', 'last seen'])];
  for (const customer of await customers.all()) {
    const identities = await customers.identitiesOf(customer._id);
    lines.push(csvLine([customer._id, customer.displayName, customer.segment, customer.tags.join(';'), customer.email, customer.phone, identities.map((identity) => `${identity.channel}:${identity.externalId}`).join(' '), customer.createdAt.toISOString(), customer.lastSeenAt.toISOString()]));
  }
  return `${lines.join('\r\n')}\r\n`;
}
