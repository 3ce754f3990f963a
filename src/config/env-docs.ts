import type { EnvVar } from './env-vars.js';

/** The README's markers around the settings table `npm run docs:config` writes. */
export const configTableMarkers = { begin: '<!-- config-table:begin -->', end: '<!-- config-table:end -->' };

/** `.env.example` for these variables: each described, commented out with its example. */
export function envExample(variables: readonly EnvVar[]): string {
  const lines = [
    '# Careline configuration. Every variable is optional: with none set, `npm start` runs on the',
    '# embedded store in ./data. Copy to .env: `npm start` loads it. Environment variables set',
    '# in the shell win over .env. Generated from src/config/env-vars.ts and each channel\'s settings (npm run docs:config).',
    '',
  ];
  for (const variable of variables) {
    lines.push(`# ${variable.description}${variable.secret ? ' (secret)' : ''}`);
    lines.push(`# ${variable.name}=${variable.example ?? ''}`);
    lines.push('');
  }
  return lines.join('\n');
}

// A "|" inside a cell would end it in Markdown.
const cell = (text: string) => text.replaceAll('|', '\\|');

/** The README's settings table for these variables. */
export function configTable(variables: readonly EnvVar[]): string {
  return [
    '| variable | meaning | example |',
    '| --- | --- | --- |',
    ...variables.map((v) => `| \`${v.name}\` | ${cell(v.description)}${v.secret ? ' *Secret.*' : ''} | ${v.example ? `\`${cell(v.example)}\`` : ''} |`),
  ].join('\n');
}

/** `readme` with the text between the table markers replaced by `table`. */
export function withConfigTable(readme: string, table: string): string {
  const start = readme.indexOf(configTableMarkers.begin);
  const stop = readme.indexOf(configTableMarkers.end);
  if (start < 0 || stop < start) throw new Error(`README.md lacks the ${configTableMarkers.begin} … ${configTableMarkers.end} markers`);
  return `${readme.slice(0, start + configTableMarkers.begin.length)}\n${table}\n${readme.slice(stop)}`;
}
