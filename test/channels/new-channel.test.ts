import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeConfig } from '../../src/channels/careline-config.js';
import { channelModules } from '../../src/channels/index.js';
import { ConfigError } from '../../src/config/config-error.js';
import { loadConfig } from '../../src/config/load-config.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { exampleModule, examplePlatform } from './example-channel/example-module.js';

// The whole of adding a channel: its folder (./example-channel/) and this one table line.
const modules = [...channelModules, exampleModule];

describe('a channel added as one folder and one line in the module table', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ EXAMPLE_TOKEN: 'example-token', EXAMPLE_MAX_LENGTH: '400' }, { modules });
  });
  afterAll(() => app.close());

  it('reads its own settings from the environment and reports a bad one by its variable', () => {
    expect(app.careline.channelSet.ids).toContain('example');
    const bad = () => loadConfig({ env: { EXAMPLE_TOKEN: 'x', EXAMPLE_MAX_LENGTH: '3' } }, composeConfig(modules));
    expect(bad).toThrow(ConfigError);
    expect(bad).toThrow(/EXAMPLE_MAX_LENGTH \(environment variable\) is "3"/);
  });

  it('takes a customer message on its webhook, stores it under its id and answers on its own sender', async () => {
    const refused = await fetch(`${app.url}/webhooks/example`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ from: '+420601000111', text: 'hi', id: 'm0' }) });
    expect(refused.status).toBe(401);
    const response = await fetch(`${app.url}/webhooks/example`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer example-token' },
      body: JSON.stringify({ from: '+420601000111', text: 'Bao lâu thì được hoàn tiền?', id: 'm1' }),
    });
    expect(response.status).toBe(202);
    await app.careline.idle();
    const reply = examplePlatform.find((entry) => entry.to === '+420601000111');
    expect(reply?.text).toMatch(/hoàn tiền/i);
    const customer = await app.services.customers.findByIdentity('example', '+420601000111');
    expect(customer).not.toBeNull();
  });

  it('is not built when its settings do not turn it on', async () => {
    const off = await startTestApp({}, { modules });
    try {
      expect(off.careline.channelSet.ids).not.toContain('example');
      expect((await fetch(`${off.url}/webhooks/example`, { method: 'POST' })).status).toBe(404);
    } finally {
      await off.close();
    }
  });
});
