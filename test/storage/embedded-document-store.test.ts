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
  it('give the same results through SQL GROUP BY as through mingo alone (booleans, absent keys, time zones with and without DST)', async () => {
    const dir = tempDir('careline-sqlgroup-');
    const fast = new EmbeddedDocumentStore(dir.path);
    const plain = new EmbeddedDocumentStore(dir.path, { sqlGroups: false });
    try {
      await fast.init();
      await seedReportFixture(fast);
      for (const bucket of ['day', 'week'] as const) {
        for (const timezone of ['Asia/Ho_Chi_Minh', 'Europe/Prague', 'UTC']) {
          const range = reportRange({ from: '2026-02-20', to: '2026-03-31', bucket }, timezone);
          expect(await csatReport(fast, range)).toEqual(await csatReport(plain, range));
          expect(await operationsReport(fast, range)).toEqual(await operationsReport(plain, range));
        }
      }
    } finally {
      await fast.close();
      await plain.close();
      dir.remove();
    }
  });
});
