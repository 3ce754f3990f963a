import { existsSync, mkdtempSync, rmSync, statfsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const memoryFileSystem = '/dev/shm';
const roomNeeded = 512 * 1024 * 1024;

/**
 * Where tests keep their temporary stores: the memory file system when the machine has one
 * with room to spare, else the OS temp dir. The embedded store syncs every commit to disk
 * (synchronous=FULL); on this machine's disk that is about 5 ms a commit, a few hundred per
 * product start-up, and was the largest part of many tests' time. What the tests check
 * (what a restarted or killed-and-restarted process reads back) is the same on either.
 */
function testTempRoot(): string {
  if (!existsSync(memoryFileSystem)) return tmpdir();
  const { bavail, bsize } = statfsSync(memoryFileSystem);
  return bavail * bsize >= roomNeeded ? memoryFileSystem : tmpdir();
}

const root = testTempRoot();

/** A fresh temporary directory and a function that removes it. */
export function tempDir(prefix = 'careline-'): { path: string; remove: () => void } {
  const path = mkdtempSync(join(root, prefix));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}
