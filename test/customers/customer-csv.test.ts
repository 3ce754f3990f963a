import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/core/csv.js';
import { exportCustomersCsv, importCustomers } from '../../src/customers/customer-csv.js';
import { channelModules } from '../../src/channels/index.js';
import { createEngineWorld, type EngineWorld } from '../support/engine-world.js';

// Issue 20: customers could not be imported, so nobody could say who is a VIP.
describe('careline customers import / export-csv', () => {
  let world: EngineWorld;
  beforeAll(async () => {
    world = await createEngineWorld({});
    await world.say('zl-1', 'xin chào', { channel: 'zalo' });
    const known = await world.careline.services.customers.findByIdentity('zalo', 'zl-1');
    await world.careline.services.customers.update(known!._id, { email: 'an@example.com' });
  });
  afterAll(() => world.close());
  const customers = () => world.careline.services.customers;
  const channels = channelModules.map((module) => module.id);
  const csv = [
    'Email,Segment,Tags,Name,Platform,Phone',
    'an@example.com,vip,wholesale;hanoi,"Nguyễn Văn An",,',
    ',regular,,Bà Tư,telegram:424242,+84 90 123 4567',
    'nobody@example.com,vip,,,,',
    ',gold,,,telegram:1,',
    ',,,,,',
    'x@example.com,vip,,,facebook:9,',
  ].join('\r\n');

  it('reports what a dry run would do and writes nothing', async () => {
    const report = await importCustomers(csv, customers(), { dryRun: true, channels });
    expect(report).toMatchObject({ rows: 5, updated: 1, created: 1, dryRun: true });
    expect((await customers().findByIdentity('zalo', 'zl-1'))!.segment).toBe('new');
    expect(await customers().findByIdentity('telegram', '424242')).toBeNull();
  });

  it('finds customers by e-mail or platform id (creating those it can), sets segment, tags and name, and names the rows it could not use', async () => {
    const progress: number[] = [];
    const report = await importCustomers(csv, customers(), { dryRun: false, channels, progress: (done) => progress.push(done) });
    expect(report).toMatchObject({ updated: 1, created: 1 });
    expect(report.rejected).toEqual([
      { line: 4, reason: 'no such customer, and no platform id to create one with' },
      { line: 5, reason: expect.stringContaining('segment') },
      { line: 7, reason: expect.stringContaining('platform: unknown channel "facebook"') },
    ]);
    expect(await customers().findByIdentity('zalo', 'zl-1')).toMatchObject({ segment: 'vip', tags: ['wholesale', 'hanoi'], displayName: 'Nguyễn Văn An' });
    expect(await customers().findByIdentity('telegram', '424242')).toMatchObject({ segment: 'regular', displayName: 'Bà Tư', phone: '+84901234567' });
    expect(progress.at(-1)).toBe(5);
  });

  it('refuses a header it does not know, naming the column', async () => {
    const report = await importCustomers('mail,segment\na@b.cz,vip\n', customers(), { dryRun: false, channels });
    expect(report.rejected).toEqual([{ line: 1, reason: expect.stringContaining('unknown: mail') }]);
  });

  it('exports every customer as CSV a spreadsheet reads back', async () => {
    const rows = parseCsv(await exportCustomersCsv(customers()));
    expect(rows[0]).toEqual(['id', 'name', 'segment', 'tags', 'email', 'phone', 'platform', 'created', 'last seen']);
    expect(rows).toContainEqual(expect.arrayContaining(['Nguyễn Văn An', 'vip', 'wholesale;hanoi', 'an@example.com', 'zalo:zl-1']));
  });
});
