import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContextOptions, type Locator, type Page } from 'playwright-core';

export const chromiumPath = '/usr/bin/chromium';

/** The pages one test file opens in Chromium; `close()` closes them (and their contexts). */
export interface ChromiumPages {
  /** A page in a fresh browser context (its own cookies and storage), as `Browser.newPage` makes. */
  newPage(options?: BrowserContextOptions): Promise<Page>;
  close(): Promise<void>;
}

let running: Promise<Browser> | null = null;

/**
 * Chromium features the tests turn off, beside playwright's own. Chromium reads only the last
 * `--disable-features` switch, so ours repeats the list playwright-core 1.65 passes (its
 * `chromiumSwitches.ts`). Each new browser context (every test page) otherwise starts an
 * omnibox popup, a web page of the browser's own toolbar in a renderer process of its own,
 * and a spare renderer held ready for the next site: about 0.9 s of CPU per page of the
 * 1.8 s a page cost (measured 2026-12-04: ten pages opened, loaded twice and closed took
 * 18 s of Chromium CPU with them, 9 s without).
 */
const playwrightDisabledFeatures = [
  'AimEnabled', 'AvoidCorsURLLoaderRestartOnRedirect', 'AvoidUnnecessaryBeforeUnloadCheckSync', 'DestroyProfileOnBrowserClose',
  'HttpsFirstBalancedModeAutoEnable', 'HttpsUpgrades', 'LensOverlay', 'MediaRouter', 'NetworkTimeServiceQuerying', 'OptimizationHints',
  'PaintHolding', 'PreconnectToSearch', 'ThirdPartyStoragePartitioning',
];
const testDisabledFeatures = ['WebUIOmniboxPopup', 'WebUIOmniboxAimPopup', 'WebUIOmniboxFullPopup', 'SpareRendererForSitePerProcess'];
const chromiumArgs = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', `--disable-features=${[...playwrightDisabledFeatures, ...testDisabledFeatures].join(',')}`];

/** The test worker's one Chromium: launched at first use, again if it went away; playwright closes it when the worker exits. */
function workerChromium(): Promise<Browser> {
  if (!existsSync(chromiumPath)) throw new Error(`Browser tests need Debian's Chromium at ${chromiumPath}: run "apt-get install -y chromium" (.ci/run does)`);
  running ??= chromium.launch({ executablePath: chromiumPath, args: chromiumArgs }).then((browser) => {
    browser.once('disconnected', () => {
      running = null;
      idlePages.clear();
    });
    return browser;
  });
  return running;
}

/**
 * Pages a test file has closed, emptied and kept for the next file of this worker that asks
 * for a page with the same options but the viewport (which `newPage` sets), by their JSON.
 * A page's context costs little;
 * its renderer process costs about 0.6 s of CPU to start and stop (measured 2026-12-03:
 * new context, page and first load 0.85 s of CPU, an emptied page's next load 0.27 s).
 */
const idlePages = new Map<string, Page[]>();
const isIdle = (page: Page) => [...idlePages.values()].some((pages) => pages.includes(page));

/** Page and context methods whose effect cannot be undone: a page that used one is closed, never kept. */
const lastingChanges = {
  page: ['addInitScript', 'exposeFunction', 'exposeBinding', 'setExtraHTTPHeaders', 'emulateMedia'],
  context: ['addInitScript', 'exposeFunction', 'exposeBinding', 'setExtraHTTPHeaders', 'setGeolocation', 'setOffline', 'setHTTPCredentials'],
} as const;

const defaultViewport = { width: 1280, height: 720 };

/** Pages on which a test made a lasting change, and the pages being watched for one. */
const changed = new WeakSet<Page>();
/** What closing a page a test holds does: hand it back to the file's `ChromiumPages`. */
const releases = new WeakMap<Page, () => Promise<void>>();
const watched = new WeakSet<Page>();

/** Marks `page` as not to be kept once a test calls any method that leaves a lasting change on it or its context (its clock included). */
function watchLastingChanges(page: Page): void {
  if (watched.has(page)) return;
  watched.add(page);
  const watch = (target: object, names: readonly string[]) => {
    for (const name of names) {
      const method = (target as Record<string, unknown>)[name];
      if (typeof method !== 'function') continue;
      Object.defineProperty(target, name, {
        configurable: true,
        value: (...args: unknown[]) => {
          changed.add(page);
          return (method as (...a: unknown[]) => unknown).apply(target, args);
        },
      });
    }
  };
  watch(page, lastingChanges.page);
  watch(page.context(), lastingChanges.context);
  watch(page.clock, ['install', 'setFixedTime', 'setSystemTime', 'pauseAt']);
  // A test closing its page hands it back, as the end of its file would.
  Object.defineProperty(page, 'close', { configurable: true, value: () => releases.get(page)?.() ?? (isIdle(page) ? Promise.resolve() : page.context().close()) });
}

/**
 * Empties `page` as a new context would be: no listeners, routes, cookies, permissions or
 * storage, the default viewport, on about:blank. False when it cannot be (closed, a popup
 * opened beside it, storage of another origin it went to).
 */
async function emptied(page: Page): Promise<boolean> {
  if (page.isClosed() || page.context().pages().length !== 1) return false;
  page.removeAllListeners();
  await page.unrouteAll({ behavior: 'ignoreErrors' });
  if (page.url().startsWith('http')) {
    // Runs in the page; the suite's type check has no DOM library.
    await page.evaluate(() => {
      const { localStorage, sessionStorage } = globalThis as unknown as { localStorage: { clear(): void }; sessionStorage: { clear(): void } };
      localStorage.clear();
      sessionStorage.clear();
    });
  }
  await page.goto('about:blank');
  // Another origin the test went to may have kept storage: such a page is not kept.
  if ((await page.context().storageState()).origins.some((origin) => origin.localStorage.length > 0)) return false;
  await page.context().clearCookies();
  await page.context().clearPermissions();
  // Playwright's default viewport; `newPage` sets the one a test asks for.
  const size = page.viewportSize();
  if (size && (size.width !== defaultViewport.width || size.height !== defaultViewport.height)) await page.setViewportSize(defaultViewport);
  return true;
}

/**
 * Debian's Chromium, headless, driven by playwright-core. Browser tests fail (they do not
 * skip) when it is missing: `.ci/run` installs it with `apt-get install -y chromium`. The
 * test files of a worker share one browser (launching it costs about a second); each page
 * has its own context, as with a browser of its own. `close()`, or a test's `page.close()`,
 * empties the pages and keeps them for the worker's next file (see `emptied`); a page whose
 * clock, init scripts or other lasting settings a test changed is closed instead.
 */
export async function openChromium(): Promise<ChromiumPages> {
  const browser = await workerChromium();
  const open = new Set<{ page: Page; key: string }>();
  const release = async (entry: { page: Page; key: string }) => {
    if (!open.delete(entry)) return;
    const { page, key } = entry;
    releases.delete(page);
    const keep = !changed.has(page) && (await emptied(page).catch(() => false));
    if (!keep) return page.context().close();
    idlePages.set(key, [...(idlePages.get(key) ?? []), page]);
  };
  return {
    async newPage(options = {}) {
      // The viewport is the page's to change; what else a context is made with is not.
      const { viewport, ...fixed } = options;
      const key = JSON.stringify([viewport === null, ...Object.entries(fixed).sort(([a], [b]) => a.localeCompare(b))]);
      const kept = idlePages.get(key)?.pop();
      const page = kept ?? (await browser.newPage(options));
      if (kept && viewport) await page.setViewportSize(viewport);
      watchLastingChanges(page);
      const entry = { page, key };
      open.add(entry);
      releases.set(page, () => release(entry));
      return page;
    },
    async close() {
      await Promise.all([...open].map(release));
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

/** Where `keepScreenshot` writes: test-output/ at the repository's root (git-ignored). */
export const screenshotDir = join(import.meta.dirname, '..', '..', 'test-output');

/**
 * Saves a screenshot of `target` (a page or an element) as test-output/`name` for a person to
 * look at, when the run asks for them: `SCREENSHOTS=1 npm test`. No test reads them, and at
 * about 0.35 s of Chromium CPU each (measured 2026-12-04: 18 of them cost 6 of the browser
 * tests' 80 core-seconds) a plain `npm test` takes none.
 */
export async function keepScreenshot(target: Page | Locator, name: string, options: { fullPage?: boolean } = {}): Promise<void> {
  if (!process.env.SCREENSHOTS) return;
  mkdirSync(screenshotDir, { recursive: true });
  await target.screenshot({ path: join(screenshotDir, name), ...('goto' in target ? options : {}) });
}
