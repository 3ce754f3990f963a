import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { ConfigError } from './config-error.js';
import { configSchema, type Config } from './config-schema.js';
import { envVars, secretPathsOf, type EnvVar } from './env-vars.js';

type Tree = Record<string, unknown>;

function setPath(tree: Tree, path: string[], value: unknown): void {
  let node = tree;
  for (const key of path.slice(0, -1)) {
    if (typeof node[key] !== 'object' || node[key] === null) node[key] = {};
    node = node[key] as Tree;
  }
  node[path.at(-1)!] = value;
}

function getPath(tree: unknown, path: PropertyKey[]): unknown {
  return path.reduce<unknown>((node, key) => (typeof node === 'object' && node !== null ? (node as Tree)[key as string] : undefined), tree);
}

function readConfigFile(file: string): Tree {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigError([`config file ${file} cannot be read: ${(error as Error).message}`]);
  }
  try {
    const parsed: unknown = file.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('expected an object of settings at the top level');
    return parsed as Tree;
  } catch (error) {
    throw new ConfigError([`config file ${file} is not valid ${file.endsWith('.json') ? 'JSON' : 'YAML'}: ${(error as Error).message}`]);
  }
}

function describeGiven(value: unknown, secret: boolean): string {
  if (value === undefined) return 'nothing';
  if (secret) return '(a secret value)';
  return JSON.stringify(value);
}

function describeIssue(issue: z.core.$ZodIssue, sources: { env: Record<string, string | undefined>; file?: string; fileTree: Tree; merged: Tree }, variables: EnvVar[]): string {
  const dotted = issue.path.join('.');
  const secret = secretPathsOf(variables).has(dotted);
  // A list's item (`surveys.kinds.1`) was written as part of its variable (SURVEYS=csat,nsp).
  const isOrHolds = (path: string) => dotted === path || dotted.startsWith(`${path}.`);
  const fromEnv = variables.findLast((v) => v.path.length > 0 && isOrHolds(v.path.join('.')) && sources.env[v.name] !== undefined);
  const message = issue.code === 'unrecognized_keys' ? `unknown setting(s) ${issue.keys.map((key) => `"${key}"`).join(', ')}` : issue.message;
  if (fromEnv) return `${fromEnv.name} (environment variable) is ${describeGiven(sources.env[fromEnv.name], secret)}: ${message}`;
  const given = getPath(sources.merged, issue.path);
  const where = sources.file && getPath(sources.fileTree, issue.path) !== undefined ? `${sources.file}: ` : sources.file && issue.code === 'unrecognized_keys' ? `${sources.file}: ` : '';
  const name = dotted || '(top level)';
  return issue.code === 'unrecognized_keys' ? `${where}${name}: ${message}` : `${where}${name} is ${describeGiven(given, secret)}: ${message}`;
}

export interface LoadConfigOptions {
  env: Record<string, string | undefined>;
  /** A config file named on the command line; otherwise CARELINE_CONFIG, otherwise none. */
  configFile?: string;
  cwd?: string;
}

/** A configuration's schema and the environment variables that set its fields. */
export interface ConfigParts<T extends Config> {
  schema: z.ZodType<T, unknown>;
  envVars: EnvVar[];
}

/**
 * Builds the configuration from defaults, an optional JSON/YAML file and environment
 * variables (which win), validated by the schema (the core settings unless `parts` adds
 * more: the channels' slices, `src/channels/careline-config.ts`). Throws `ConfigError` naming
 * every bad variable or field with what was given and what is expected.
 */
export function loadConfig<T extends Config = Config>({ env, configFile, cwd = process.cwd() }: LoadConfigOptions, parts: ConfigParts<T> = { schema: configSchema, envVars } as unknown as ConfigParts<T>): T {
  const fileName = configFile ?? (env.CARELINE_CONFIG || undefined);
  const file = fileName ? resolve(cwd, fileName) : undefined;
  const fileTree = file ? readConfigFile(file) : {};
  const merged = structuredClone(fileTree);
  for (const variable of parts.envVars) {
    const value = env[variable.name];
    if (variable.path.length > 0 && value !== undefined && value !== '') setPath(merged, variable.path, value);
  }
  const result = parts.schema.safeParse(merged);
  if (!result.success) {
    throw new ConfigError(result.error.issues.map((issue) => describeIssue(issue, { env, file, fileTree, merged }, parts.envVars)));
  }
  const config = result.data;
  return { ...config, dataDir: resolve(cwd, config.dataDir), knowledgeBaseDir: resolve(cwd, config.knowledgeBaseDir), intentsDir: resolve(cwd, config.intentsDir) };
}
