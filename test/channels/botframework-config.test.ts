import { enabledChannels, loadCarelineConfig } from '../../src/channels/careline-config.js';
import { describe, expect, it } from 'vitest';
import { botFrameworkWarning } from '../../src/channels/botframework/bot-framework-module.js';
import { ConfigError } from '../../src/config/config-error.js';

const appId = '3f0b3b7e-5d44-4c1e-9a8f-6a0d2c7e1b55';
const load = (env: Record<string, string>) => loadCarelineConfig({ env });
function problems(env: Record<string, string>): string[] {
  try {
    load(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('Bot Framework configuration', () => {
  it('is off by default', () => {
    const config = load({});
    expect(enabledChannels(config).botframework).toBe(false);
    expect(botFrameworkWarning(config.channels.botframework)).toBeNull();
  });

  it('is on with authentication when an app id and password are set', () => {
    const config = load({ MICROSOFT_APP_ID: appId, MICROSOFT_APP_PASSWORD: 'secret' });
    expect(enabledChannels(config).botframework).toBe(true);
    expect(botFrameworkWarning(config.channels.botframework)).toBeNull();
  });

  it('is on without authentication, with a warning, only when enabled explicitly without an app id', () => {
    const config = load({ BOTFRAMEWORK_ENABLED: 'true' });
    expect(enabledChannels(config).botframework).toBe(true);
    expect(botFrameworkWarning(config.channels.botframework)).toMatch(/WITHOUT authentication.*Emulator/);
  });

  it('names the missing setting when the credentials are incomplete', () => {
    expect(problems({ MICROSOFT_APP_ID: appId })).toEqual([expect.stringMatching(/MICROSOFT_APP_PASSWORD is required with MICROSOFT_APP_ID for a MultiTenant bot/)]);
    expect(problems({ MICROSOFT_APP_ID: appId, MICROSOFT_APP_PASSWORD: 'secret', MICROSOFT_APP_TYPE: 'SingleTenant' })).toEqual([expect.stringMatching(/MICROSOFT_APP_TENANT_ID is required for a SingleTenant bot/)]);
    expect(problems({ MICROSOFT_APP_PASSWORD: 'secret' })).toEqual([expect.stringMatching(/MICROSOFT_APP_ID is required/)]);
    expect(problems({ MICROSOFT_APP_ID: appId, MICROSOFT_APP_PASSWORD: 'secret', MICROSOFT_APP_TYPE: 'Other' })).toEqual([expect.stringMatching(/^MICROSOFT_APP_TYPE \(environment variable\) is "Other"/)]);
    // A user-assigned managed identity has no password.
    expect(enabledChannels(load({ MICROSOFT_APP_ID: appId, MICROSOFT_APP_TYPE: 'UserAssignedMSI', MICROSOFT_APP_TENANT_ID: 'tenant' })).botframework).toBe(true);
  });
});

describe('the Bot Framework SDK boundary', () => {
  it('keeps every botbuilder import inside src/channels/botframework, so the SDK can be swapped', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const { join, relative } = await import('node:path');
    const root = new URL('../../src/', import.meta.url).pathname;
    const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.ts')).map((file) => join(root, file));
    const importers = files.filter((file) => /from '(botbuilder|botframework-[a-z-]+)'/.test(readFileSync(file, 'utf8'))).map((file) => relative(root, file));
    expect(importers.length).toBeGreaterThan(0);
    expect(importers.filter((file) => !file.startsWith('channels/botframework/'))).toEqual([]);
  });
});
