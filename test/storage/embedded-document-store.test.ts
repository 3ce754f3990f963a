import { EmbeddedDocumentStore } from '../../src/storage/embedded/embedded-document-store.js';
import { describe, expect, it } from 'vitest';
import { csatReport } from '../../src/reports/csat-report.js';
import { operationsReport } from '../../src/reports/operations-report.js';
import { reportRange } from '../../src/reports/report-range.js';
import { seedReportFixture } from '../support/report-fixture.js';
import { tempDir } from '../support/temp-dir.js';
import { storeContract } from './store-contract.js';

storeContract('embedded (SQLite + mingo)', async () => {
  const dir = tempDir('careline-store-');
  const store = new EmbeddedDocumentStore(dir.path);
  await store.init();
  return {
    store,
    dispose: async () => {
      await store.close();
      dir.remove();
    },
  };
});

describe('EmbeddedDocumentStore report pipelines', () => {
  it('give the same results through SQL GROUP BY as through mingo alone', async () => {
    const dir = tempDir('careline-sqlgroup-');
    const fast = new EmbeddedDocumentStore(dir.path);
    const plain = new EmbeddedDocumentStore(dir.path, { sqlGroups: false });
    try {
      await fast.init();
      await seedReportFixture(fast);
      // Values MongoDB groups by type and value: booleans, numbers, null, missing, an array.
      await fast.collection<{ _id: string } & Record<string, unknown>>('contract_things').insertMany([
        { _id: 'a', kind: 'x', n: 1, flag: true },
        { _id: 'b', kind: 'x', n: 2.5, flag: false },
        { _id: 'c', kind: null, n: 'text' },
        { _id: 'd', n: 4, flag: 1 },
      ]);
      for (const bucket of ['day', 'week'] as const) {
        for (const timezone of ['Asia/Ho_Chi_Minh', 'Europe/Prague', 'UTC']) {
          const range = reportRange({ from: '2026-02-20', to: '2026-03-31', bucket }, timezone);
          expect(await csatReport(fast, range)).toEqual(await csatReport(plain, range));
          expect(await operationsReport(fast, range)).toEqual(await operationsReport(plain, range));
        }
      }
      const groups = [{ $group: { _id: '$flag', count: { $sum: 1 }, total: { $sum: '$n' }, mean: { $avg: '$n' } } }, { $sort: { count: -1, total: 1 } }];
      expect(await fast.collection('contract_things').aggregate(groups)).toEqual(await plain.collection('contract_things').aggregate(groups));
      const byKind = [{ $group: { _id: { kind: '$kind' }, count: { $sum: 2 } } }, { $sort: { count: 1 } }];
      expect(await fast.collection('contract_things').aggregate(byKind)).toEqual(await plain.collection('contract_things').aggregate(byKind));
    } finally {
      await fast.close();
      await plain.close();
      dir.remove();
    }
  });
});
