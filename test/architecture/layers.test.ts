import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The layers of `src/`, lowest first; a folder may import its own files and folders listed
 * before it. `core` is the vocabulary everything speaks, `app` wires the product together,
 * `main` (src/main.ts) is the composition root. A new folder has to be placed here.
 */
const layers = ['core', 'config', 'storage', 'events', 'jobs', 'http', 'accounts', 'conversations', 'customers', 'outbox', 'knowledge', 'intents', 'handoff', 'surveys', 'csat', 'engine', 'reports', 'editor', 'channels', 'app', 'main'];
// Imports against the order, each explained by a `// upward: …` comment on the line above it.
const maxUpward = 3;

interface Import {
  file: string;
  line: number;
  from: string;
  to: string;
  explained: boolean;
}

const src = join(import.meta.dirname, '..', '..', 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** The folder of `src/` a path is in (`main` for src/main.ts). */
function layerOf(path: string): string {
  const parts = relative(src, path).split('/');
  return parts.length === 1 ? parts[0]!.replace(/\.(ts|js)$/, '') : parts[0]!;
}

/** Every relative import of every source file (static, re-export, dynamic), with the folders it joins. */
function imports(): Import[] {
  return sourceFiles(src).flatMap((file) => {
    const lines = readFileSync(file, 'utf8').split('\n');
    return lines.flatMap((text, i) =>
      [...text.matchAll(/(?:from\s*|import\(\s*|^import\s+)'(\.{1,2}\/[^']+)'/g)].map((match) => ({
        file: relative(src, file),
        line: i + 1,
        from: layerOf(file),
        to: layerOf(normalize(join(dirname(file), match[1]!))),
        explained: /^\s*\/\/ upward: \S/.test(lines[i - 1] ?? ''),
      })),
    );
  });
}

describe('the layers of src/', () => {
  const all = imports();
  const rank = (layer: string) => layers.indexOf(layer);
  const where = (found: Import[]) => found.map(({ file, line, to }) => `${file}:${line} imports ${to}/`);

  it('places every folder of src/ in the layer order', () => {
    expect([...new Set(all.flatMap(({ from, to }) => [from, to]))].filter((layer) => rank(layer) < 0)).toEqual([]);
  });

  it('keeps core/ free of the rest of Careline', () => {
    expect(where(all.filter(({ from, to }) => from === 'core' && to !== 'core'))).toEqual([]);
  });

  it('lets only main.ts import app/', () => {
    expect(where(all.filter(({ from, to }) => to === 'app' && from !== 'app' && from !== 'main'))).toEqual([]);
  });

  it(`imports downward only, but for at most ${maxUpward} imports each explained where it is made`, () => {
    const upward = all.filter(({ from, to }) => from !== to && rank(to) > rank(from));
    expect(where(upward.filter(({ explained }) => !explained))).toEqual([]);
    expect(upward.length).toBeLessThanOrEqual(maxUpward);
  });
});
