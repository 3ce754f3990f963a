import type { Config } from '../../config/config-schema.js';

/** The `openai` part of the configuration. */
export type OpenAISettings = Config['openai'];

/**
 * Whether the optional OpenAI features are on: a key or a base URL (a self-hosted
 * OpenAI-compatible server may need no key) and at least one of embeddings and wording.
 */
export function openAIConfigured(settings: OpenAISettings): boolean {
  return Boolean(settings.apiKey || settings.baseUrl) && (settings.embeddings || settings.wording);
}
