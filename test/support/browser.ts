import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';

export const chromiumPath = '/usr/bin/chromium';

/** The pages one test file opens in Chromium; `close()` closes them (and their contexts). */
export interface ChromiumPages {
  /** A page in a fresh browser context (its own cookies and storage), as `Browser.newPage` makes. */
  newPage(options?: BrowserContextOptions): Promise<Page>;
  close(): Promise<void>;
}

let running: Promise<Browser> | null = null;

/** The test worker's one Chromium: launched at first use, again if it went away; playwright closes it when the worker exits. */
function workerChromium(): Promise<Browser> {
  if (!existsSync(chromiumPath)) throw new Error(`Browser tests need Debian's Chromium at ${chromiumPath}: run "apt-get install -y chromium" (.ci/run does)`);
  running ??= chromium.launch({ executablePath: chromiumPath, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] }).then((browser) => {
    browser.once('disconnected', () => (running = null));
    return browser;
  });
  return running;
}

/**
 * Debian's Chromium, headless, driven by playwright-core. Browser tests fail (they do not
 * skip) when it is missing: `.ci/run` installs it with `apt-get install -y chromium`. The
 * test files of a worker share one browser (launching it costs about a second); each page
 * has its own context, as with a browser of its own.
 */
export async function openChromium(): Promise<ChromiumPages> {
  const browser = await workerChromium();
  const pages: Page[] = [];
  return {
    async newPage(options) {
      const page = await browser.newPage(options);
      pages.push(page);
      return page;
    },
    async close() {
      await Promise.all(pages.splice(0).map((page) => page.context().close()));
    },
  };
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

/** The WCAG contrast ratio of an element's text against the first opaque background behind it. */
export const contrastOf = (page: Page, selector: string) =>
  page.locator(selector).evaluate((element) => {
    // Runs in the page; the suite's type check has no DOM library.
    type Styled = { parentElement: Styled | null };
    const { getComputedStyle } = globalThis as unknown as { getComputedStyle(node: Styled): { color: string; backgroundColor: string } };
    const rgb = (css: string) => (css.match(/[\d.]+/g) ?? []).map(Number);
    const luminance = ([r, g, b]: number[]) => {
      const channel = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
      return 0.2126 * channel(r!) + 0.7152 * channel(g!) + 0.0722 * channel(b!);
    };
    let node: Styled | null = element as unknown as Styled;
    let background = [255, 255, 255];
    while (node) {
      const [r, g, b, a = 1] = rgb(getComputedStyle(node).backgroundColor);
      if (a > 0.5) {
        background = [r!, g!, b!];
        break;
      }
      node = node.parentElement;
    }
    const [light, dark] = [luminance(rgb(getComputedStyle(element as unknown as Styled).color)), luminance(background)].sort((x, y) => y - x);
    return (light! + 0.05) / (dark! + 0.05);
  });

/** Logs `email` (a test user, password `testPassword`) in on a staff page's login form at `url`. */
export async function staffLogin(page: Page, url: string, email: string, password: string): Promise<void> {
  await page.goto(url);
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
}

/** What the page's own scripts log to the browser's console from now on (their errors and warnings start with "Careline:"). */
export function carelineLogs(page: Page): string[] {
  const logs: string[] = [];
  page.on('console', (message) => void (message.text().startsWith('Careline:') && logs.push(message.text())));
  return logs;
}

/** Opens the widget demo page at `appUrl` and the chat (its Vietnamese button), and waits for the welcome line. */
export async function openWidgetChat(page: Page, appUrl: string): Promise<void> {
  await page.goto(`${appUrl}/`);
  await page.getByRole('button', { name: 'Mở khung chat hỗ trợ' }).click();
  await page.locator('.msg.welcome').waitFor();
}
