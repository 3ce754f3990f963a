import type { z } from 'zod';
import type { Config } from '../config/config-schema.js';
import type { EnvVar } from '../config/env-vars.js';

/**
 * One channel's slice of the configuration, declared in the channel's folder: it lands under
 * `config.channels.<key>` (and in a config file under `channels.<key>`), with the environment
 * variables that set it. Several modules may share one slice (the Meta platforms do).
 */
export interface ChannelSettings<K extends string = string, S extends z.ZodObject = z.ZodObject> {
  key: K;
  /** The slice's fields with their defaults (an absent slice is `{}`). */
  schema: S;
  /** Every variable that sets a field of the slice; `.env.example` and the README's table list them too. */
  envVars: EnvVar[];
  /** A check across the slice and the core settings, as the issue to report on the slice's field. */
  check?(settings: z.output<S>, config: Config): { path: string[]; message: string } | null;
}

/** Declares a slice with its types inferred. */
export function channelSettings<K extends string, S extends z.ZodObject>(settings: ChannelSettings<K, S>): ChannelSettings<K, S> {
  return settings;
}

/** The parsed settings of a slice. */
export type SettingsOf<T extends ChannelSettings> = z.output<T['schema']>;
