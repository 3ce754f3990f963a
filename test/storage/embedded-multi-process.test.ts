import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../support/careline-process.js';
import { tempDir } from '../support/temp-dir.js';

const run = promisify(execFile);

describe('EmbeddedDocumentStore shared by two processes', () => {
  const dir = tempDir('careline-mp-');
  afterAll(() => dir.remove());

  it('numbers tickets without gaps or duplicates and never gives one ticket two owners', async () => {
    const writer = (name: string) => run(process.execPath, ['--import', 'tsx', 'test/support/ticket-writer.ts', dir.path, '60', name], { cwd: repoRoot });
    const results = await Promise.all([writer('p1'), writer('p2')]);
    const outputs = results.map((result) => JSON.parse(result.stdout) as { numbers: number[]; claimed: string[] });
    const numbers = outputs.flatMap((output) => output.numbers).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 120 }, (_, i) => i + 1));
    const claimed = outputs.flatMap((output) => output.claimed);
    expect(new Set(claimed).size).toBe(claimed.length);
    expect(claimed.length).toBe(120);
  });
});
