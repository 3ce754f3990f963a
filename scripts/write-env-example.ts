// Regenerates .env.example and the README's configuration table from src/config/env-vars.ts:
// `npm run docs:config`.
import { readFileSync, writeFileSync } from 'node:fs';
import { envVars } from '../src/config/env-vars.js';

const lines = [
  '# Careline configuration. Every variable is optional: with none set, `npm start` runs on the',
  '# embedded store in ./data. Copy to .env: `npm start` loads it. Environment variables set',
  '# in the shell win over .env. Generated from src/config/env-vars.ts (npm run docs:config).',
  '',
];
for (const variable of envVars) {
  lines.push(`# ${variable.description}${variable.secret ? ' (secret)' : ''}`);
  lines.push(`# ${variable.name}=${variable.example ?? ''}`);
  lines.push('');
}
writeFileSync('.env.example', lines.join('\n'));

const begin = '<!-- config-table:begin -->';
const end = '<!-- config-table:end -->';
const table = [
  '| variable | meaning | example |',
  '| --- | --- | --- |',
  ...envVars.map((v) => `| \`${v.name}\` | ${v.description}${v.secret ? ' *Secret.*' : ''} | ${v.example ? `\`${v.example}\`` : ''} |`),
].join('\n');
const readme = readFileSync('README.md', 'utf8');
const start = readme.indexOf(begin);
const stop = readme.indexOf(end);
if (start < 0 || stop < start) throw new Error(`README.md lacks the ${begin} … ${end} markers`);
writeFileSync('README.md', `${readme.slice(0, start + begin.length)}\n${table}\n${readme.slice(stop)}`);
