import { formatWeeklyHours } from './business-hours.js';
import { redactMongoUri } from './redact-mongo-uri.js';
import type { Config } from './config-schema.js';
import { secretPathsOf, type EnvVar } from './env-vars.js';

function mask(value: unknown, path: string[], secretPaths: Set<string>): unknown {
  const dotted = path.join('.');
  if (secretPaths.has(dotted) && typeof value === 'string') {
    return dotted === 'mongodbUri' ? redactMongoUri(value) : '****';
  }
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, mask(inner, [...path, key], secretPaths)]));
  }
  return value;
}

/** The configuration with every secret replaced by `****` (a MongoDB URI keeps its host). */
export function maskSecrets(config: Config, variables: EnvVar[]): unknown {
  const readable = { ...config, businessHours: { ...config.businessHours, weekly: formatWeeklyHours(config.businessHours.weekly) } };
  return mask(readable, [], secretPathsOf(variables));
}
