import OpenAI from 'openai';
import { openAIConfigured, type OpenAISettings } from './openai-settings.js';

const openAIBaseUrl = 'https://api.openai.com/v1';

/**
 * The official `openai` client for the settings, or null when OpenAI is not configured (the
 * bot then stays fully offline). Made by the composition root (`main.ts`). Every value is
 * passed explicitly, so the client reads nothing from the environment; retries are off
 * because a customer's turn must not wait for them (the offline answer is the fallback).
 */
export function createOpenAIClient(settings: OpenAISettings): OpenAI | null {
  if (!openAIConfigured(settings)) return null;
  return new OpenAI({
    // A self-hosted server without authentication still gets a (dummy) bearer token.
    apiKey: settings.apiKey ?? 'no-key',
    baseURL: settings.baseUrl ?? openAIBaseUrl,
    organization: null,
    project: null,
    timeout: settings.timeoutMs,
    maxRetries: 0,
  });
}
