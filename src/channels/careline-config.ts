import { z } from 'zod';
import { checkConfig, configFields, type Config } from '../config/config-schema.js';
import { maskSecrets } from '../config/describe-config.js';
import { envVars as coreEnvVars, type EnvVar } from '../config/env-vars.js';
import { loadConfig, type ConfigParts, type LoadConfigOptions } from '../config/load-config.js';
import type { ChannelId } from '../core/channel-id.js';
import type { ChannelModule } from './channel-module.js';
import type { ChannelSettings, SettingsOf } from './channel-settings.js';
import { channelModules } from './index.js';

type Slice = (typeof channelModules)[number]['settings'];

/** `config.channels`: each channel module's settings slice under its key. */
export type ChannelsConfig = { [S in Slice as S['key']]: SettingsOf<S> };

/** The whole configuration: the core settings and every channel's slice. */
export type CarelineConfig = Config & { channels: ChannelsConfig };

/** The schema and environment variables of the core settings with the slices of `modules` (shared slices once). */
export function composeConfig<T extends CarelineConfig = CarelineConfig>(modules: readonly ChannelModule[]): ConfigParts<T> {
  const slices = [...new Map<string, ChannelSettings>(modules.map((module) => [module.settings.key, module.settings])).values()];
  const channels = z.strictObject(Object.fromEntries(slices.map((slice) => [slice.key, slice.schema.prefault({} as never)]))).prefault({});
  const schema = configFields.extend({ channels }).superRefine((config, context) => {
    checkConfig(config, context);
    for (const slice of slices) {
      const issue = slice.check?.((config.channels as Record<string, unknown>)[slice.key] as never, config);
      if (issue) context.addIssue({ code: 'custom', path: ['channels', slice.key, ...issue.path], message: issue.message });
    }
  });
  const envVars: EnvVar[] = [...coreEnvVars, ...slices.flatMap((slice) => slice.envVars)];
  return { schema: schema as unknown as z.ZodType<T, unknown>, envVars };
}

/** The configuration parts of the channels Careline has. */
export const carelineConfig = composeConfig(channelModules);

/** Every environment variable Careline reads. */
export const carelineEnvVars: EnvVar[] = carelineConfig.envVars;

/** `loadConfig` over the core settings and every channel's slice. */
export function loadCarelineConfig(options: LoadConfigOptions): CarelineConfig {
  return loadConfig(options, carelineConfig);
}

/** Which channels take customer messages with these settings, by channel id. */
export function enabledChannels(config: CarelineConfig, modules: readonly ChannelModule[] = channelModules): Partial<Record<ChannelId, boolean>> {
  const slices = config.channels as unknown as Record<string, SettingsOf<ChannelSettings>>;
  return Object.fromEntries(
    modules.map((module) => {
      const settings = slices[module.settings.key]!;
      return [module.id, module.enabled(settings) && (module.open?.(settings) ?? true)];
    }),
  );
}

/** The configuration with every secret replaced by `****` (a MongoDB URI keeps its host). */
export function maskCarelineSecrets(config: CarelineConfig): unknown {
  return maskSecrets(config, carelineEnvVars);
}
