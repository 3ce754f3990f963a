import { loadCarelineConfig, maskCarelineSecrets } from '../../../src/channels/careline-config.js';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../src/config/config-error.js';
import { createOpenAIClient } from '../../../src/knowledge/openai/openai-client.js';
import { openAIConfigured } from '../../../src/knowledge/openai/openai-settings.js';
import { createEngineWorld } from '../../support/engine-world.js';

const settings = (env: Record<string, string>) => loadCarelineConfig({ env }).openai;

describe('OpenAI settings', () => {
  it('are off with no key and no base URL, and on with either (a self-hosted server may need no key)', () => {
    expect(openAIConfigured(settings({}))).toBe(false);
    expect(createOpenAIClient(settings({}))).toBeNull();
    expect(openAIConfigured(settings({ OPENAI_API_KEY: 'sk-1' }))).toBe(true);
    expect(openAIConfigured(settings({ OPENAI_BASE_URL: 'http://127.0.0.1:8000/v1' }))).toBe(true);
    expect(createOpenAIClient(settings({ OPENAI_BASE_URL: 'http://127.0.0.1:8000/v1/' }))?.baseURL).toBe('http://127.0.0.1:8000/v1');
    expect(openAIConfigured(settings({ OPENAI_API_KEY: 'sk-1', OPENAI_EMBEDDINGS: 'false', OPENAI_WORDING: 'off' }))).toBe(false);
  });

  it('keep the key out of `careline config` and name a bad value', () => {
    expect(JSON.stringify(maskCarelineSecrets(loadCarelineConfig({ env: { OPENAI_API_KEY: 'sk-secret' } })))).not.toContain('sk-secret');
    let problems: string[] = [];
    try {
      loadCarelineConfig({ env: { OPENAI_TIMEOUT_MS: 'soon', OPENAI_EMBEDDING_WEIGHT: '2' } });
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      problems = error.problems;
    }
    expect(problems.join('\n')).toMatch(/OPENAI_TIMEOUT_MS.*whole number/);
    expect(problems.join('\n')).toMatch(/OPENAI_EMBEDDING_WEIGHT.*0 to 1/);
  });

  it('leave the engine on the offline policy when not configured', async () => {
    const world = await createEngineWorld();
    try {
      expect(world.careline.modelAssist).toBeNull();
      expect((await world.say('c1', 'how long is the warranty?')).decision?.model).toBeUndefined();
    } finally {
      await world.close();
    }
  });
});
