import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { intentFileSchema, intentNameSchema, type IntentDefinition } from './intent.js';
import { IntentFileError } from './intent-file-error.js';

/**
 * Reads every `*.yaml` in `dir` as an intent definition. Intents drive handoff and CSAT, so
 * unlike articles a bad or missing one stops start-up with the file and field named.
 */
export function readIntentFiles(dir: string): IntentDefinition[] {
  const problems: string[] = [];
  const intents: IntentDefinition[] = [];
  const files = readdirSync(dir).filter((name) => /\.ya?ml$/.test(name)).sort();
  for (const name of files) {
    const path = join(dir, name);
    let data: unknown;
    try {
      data = parseYaml(readFileSync(path, 'utf8'));
    } catch (error) {
      problems.push(`${path}: not valid YAML: ${(error as Error).message.split('\n')[0]}`);
      continue;
    }
    const parsed = intentFileSchema.safeParse(data);
    if (parsed.success) intents.push(parsed.data);
    else problems.push(...parsed.error.issues.map((issue) => `${path}: ${issue.path.join('.') || '(top level)'}: ${issue.message}`));
  }
  const missing = intentNameSchema.options.filter((intent) => !intents.some((definition) => definition.intent === intent));
  if (problems.length === 0 && missing.length > 0) problems.push(`${dir}: no file defines the intent(s) ${missing.join(', ')}`);
  if (problems.length > 0) throw new IntentFileError(problems);
  return intents;
}
