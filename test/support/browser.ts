import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const chromiumPath = '/usr/bin/chromium';

/**
 * Debian's Chromium, headless, driven by playwright-core. Browser tests fail (they do not
 * skip) when it is missing: `.ci/run` installs it with `apt-get install -y chromium`.
 */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(chromiumPath)) throw new Error(`Browser tests need Debian's Chromium at ${chromiumPath}: run "apt-get install -y chromium" (.ci/run does)`);
  return chromium.launch({ executablePath: chromiumPath, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
}
