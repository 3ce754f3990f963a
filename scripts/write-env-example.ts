// Regenerates .env.example and the README's configuration table from the core settings
// (src/config/env-vars.ts) and every channel's settings slice: `npm run docs:config`.
import { readFileSync, writeFileSync } from 'node:fs';
import { carelineEnvVars } from '../src/channels/careline-config.js';
import { configTable, envExample, withConfigTable } from '../src/config/env-docs.js';

writeFileSync('.env.example', envExample(carelineEnvVars));
writeFileSync('README.md', withConfigTable(readFileSync('README.md', 'utf8'), configTable(carelineEnvVars)));
