import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

export const chromiumPath = '/usr/bin/chromium';

/**
 * Debian's Chromium, headless, driven by playwright-core. Browser tests fail (they do not
 * skip) when it is missing: `.ci/run` installs it with `apt-get install -y chromium`.
 */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(chromiumPath)) throw new Error(`Browser tests need Debian's Chromium at ${chromiumPath}: run "apt-get install -y chromium" (.ci/run does)`);
  return chromium.launch({ executablePath: chromiumPath, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
}

/**
 * Records every Content-Security-Policy violation Chromium reports on `page` (the console
 * error it logs for a blocked script, style, frame or request); a page that works under
 * its policy leaves the list empty.
 */
export function recordCspViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) violations.push(`${page.url()}: ${message.text()}`);
  });
  return violations;
}
