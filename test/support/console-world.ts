import { afterAll, beforeAll } from 'vitest';
import { openChromium, type ChromiumPages } from './browser.js';
import { startTestApp, type TestApp } from './test-app.js';
import { addTestUser } from './test-user.js';

/**
 * For a browser test file of the agent console: before its tests, the app open around the
 * clock (`env` adds to that), with agent Lan (`lan@anphat.example`, `testPassword`), and the
 * worker's Chromium; both closed after them. Read `world.app` and `world.browser` from the
 * file's own `beforeAll` on (hooks run in the order they are declared).
 */
export function consoleWithChromium(env: Record<string, string> = {}): { readonly app: TestApp; readonly browser: ChromiumPages } {
  const world = {} as { app: TestApp; browser: ChromiumPages };
  beforeAll(async () => {
    world.app = await startTestApp({ BUSINESS_HOURS: 'mon-sun 00:00-24:00', ...env });
    await addTestUser(world.app.services.users, { email: 'lan@anphat.example', name: 'Lan', roles: ['agent'] });
    world.browser = await openChromium();
  });
  afterAll(async () => {
    await world.browser?.close();
    await world.app?.close();
  });
  return world;
}
