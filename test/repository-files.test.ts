import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { configTable, envExample, withConfigTable } from '../src/config/env-docs.js';
import { carelineEnvVars } from '../src/channels/careline-config.js';
import { repoRoot } from './support/careline-process.js';

const read = (path: string) => readFileSync(join(repoRoot, path), 'utf8');

describe('the repository a new user clones', () => {
  it('shows the start and test commands at the top of the README', () => {
    const top = read('README.md').split('\n').slice(0, 8).join('\n');
    expect(top).toContain('npm install && npm start');
    expect(top).toContain('npm test');
  });

  it('documents every environment variable in .env.example and the README table', () => {
    const example = read('.env.example');
    const readme = read('README.md');
    for (const variable of carelineEnvVars) {
      expect(example, variable.name).toContain(`# ${variable.name}=`);
      expect(readme, variable.name).toContain(`| \`${variable.name}\` |`);
    }
  });

  it('holds .env.example and the README table exactly as `npm run docs:config` writes them (every channel included)', () => {
    expect(read('.env.example')).toBe(envExample(carelineEnvVars));
    expect(read('README.md')).toBe(withConfigTable(read('README.md'), configTable(carelineEnvVars)));
  });

  it('has a CI script that runs exactly the README test command', () => {
    const lines = read('.ci/run').split('\n').filter((line) => line.trim() && !line.trim().startsWith('#'));
    expect(lines.at(-1)).toBe('npm test');
  });

  it('starts the Docker image with the command the process tests run', () => {
    expect(read('Dockerfile')).toContain('CMD ["node", "dist/src/main.js", "serve"]');
    expect(read('Dockerfile')).toMatch(/^USER node$/m);
    expect(read('docker-compose.yml')).toContain('MONGODB_URI: mongodb://mongo:27017/careline?replicaSet=rs0');
  });

  it('runs MongoDB as a replica set in the documented production setup, so majority writes and retryable writes work', () => {
    const compose = read('docker-compose.yml');
    expect(compose).toContain('command: ["--replSet", "rs0", "--bind_ip_all"]');
    expect(compose).toContain("rs.initiate({ _id: 'rs0', members: [{ _id: 0, host: 'mongo:27017' }] })");
    expect(compose).toMatch(/depends_on:\n\s+mongo:\n\s+condition: service_healthy/);
  });

  it('builds the product image from src/ alone, without the benchmarks', () => {
    expect(JSON.parse(read('tsconfig.build.json')).include).toEqual(['src']);
    expect(read('Dockerfile')).not.toMatch(/^COPY bench/m);
    expect(JSON.parse(read('package.json')).scripts.bench).toContain('--with-bench');
  });

  it('type-checks the server and the browser scripts before it runs the tests', () => {
    expect(JSON.parse(read('package.json')).scripts.test).toMatch(/^node scripts\/build-if-needed.mjs --typecheck && tsc -p tsconfig.public.json && vitest run$/);
    // The type check is one tsc run over src, test and bench that also writes dist/ (the server the process tests start).
    expect(read('scripts/build-if-needed.mjs')).toContain("build(['-p', 'tsconfig.json', '--sourceMap', '--incremental', '--tsBuildInfoFile', 'dist/.typecheck.tsbuildinfo'], [stamps.product, stamps.bench])");
    expect(JSON.parse(read('tsconfig.json')).include).toEqual(['src', 'test', 'bench', 'vitest.config.ts']);
  });
});
