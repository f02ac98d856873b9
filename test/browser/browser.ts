import { mkdir } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { type Browser, type BrowserContextOptions, chromium, type Page } from 'playwright-core';
import { type NodeHost, startNodeHost } from '../../functions/node';
import { manualClock, tempDir, testConfig } from '../node/helpers';

// Shared set-up of the browser tests: Debian's Chromium through playwright-core (no browser download),
// the Node host in-process on a temporary libSQL file, and tiny "portal" servers on other origins.

export const CHROMIUM = '/usr/bin/chromium';

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
}

/** A phone-sized viewport (iPhone 12–15 class). */
export const PHONE: BrowserContextOptions = {
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 1,
  isMobile: false,
  hasTouch: true,
};

export interface TestHost {
  host: NodeHost;
  clock: ReturnType<typeof manualClock>;
  stop: () => Promise<void>;
}

/** The Node host on port 0 with its own database and a clock at 2026-11-25 10:00 Beijing time. */
export async function startTestHost(env: Record<string, string> = {}): Promise<TestHost> {
  const tmp = tempDir('labor-risk-browser-');
  const clock = manualClock('2026-11-25T02:00:00.000Z');
  const host = await startNodeHost(testConfig(join(tmp.dir, 'app.db'), env), { clock: clock.now });
  return {
    host,
    clock,
    stop: async () => {
      await host.stop();
      tmp.cleanup();
    },
  };
}

export interface Portal {
  /** http://127.0.0.1:PORT — a different origin from the host's http://localhost:PORT. */
  origin: string;
  /** Sets the HTML served at every path. */
  serve: (html: string) => void;
  close: () => Promise<void>;
}

/** A bare HTTP server standing in for a government portal on its own origin. */
export async function startPortal(): Promise<Portal> {
  let html = '<!doctype html><title>portal</title>';
  const server: Server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(html);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    serve: (next) => {
      html = next;
    },
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}

/** Collects uncaught page errors and CSP violations, so a test can assert there were none. */
export function watchPage(page: Page): { errors: string[] } {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy|Refused to/i.test(m.text())) errors.push(`csp: ${m.text()}`);
  });
  return { errors };
}

/** The desk size of the issue-18 checks (a common office laptop). */
export const DESK: BrowserContextOptions = { viewport: { width: 1366, height: 768 }, deviceScaleFactor: 1 };

export const SIZES = { phone: PHONE, desk: DESK } as const;
export type SizeName = keyof typeof SIZES;

/** Failure screenshots go here (gitignored), named by test and size. */
export const FAILURE_DIR = join(process.cwd(), 'test-results', 'browser');

/**
 * Runs `check` once per size, each in a fresh context of the file's one Chromium; when it fails, the page as
 * it was is saved to test-results/browser/<name>-<size>.png before the error is passed on.
 */
export async function atEachSize(
  browser: Browser,
  name: string,
  check: (page: Page, size: SizeName) => Promise<void>,
  extra: BrowserContextOptions = {},
  sizes: readonly SizeName[] = ['phone', 'desk'],
): Promise<void> {
  for (const size of sizes) {
    const context = await browser.newContext({ ...SIZES[size], locale: 'zh-CN', ...extra });
    const page = await context.newPage();
    try {
      await check(page, size);
    } catch (err) {
      await mkdir(FAILURE_DIR, { recursive: true });
      await page.screenshot({ path: join(FAILURE_DIR, `${name}-${size}.png`), fullPage: true }).catch(() => undefined);
      throw err;
    } finally {
      await context.close();
    }
  }
}

/** Signs in through the login form and waits for the page it leads to. */
export async function signInAs(page: Page, baseUrl: string, username: string, password: string, next?: string) {
  await page.goto(`${baseUrl}/login${next ? `?next=${encodeURIComponent(next)}` : ''}`);
  await page.fill('input[name=username]', username);
  await page.fill('input[name=password]', password);
  await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: '登录', exact: true }).click()]);
}

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

interface AxeResult {
  violations: { id: string; impact: string | null; help: string; nodes: { target: unknown }[] }[];
}

/** axe-core's serious and critical findings on the page (needs a context with bypassCSP for the injection). */
export async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  const result = await page.evaluate(() =>
    (window as unknown as { axe: { run: (ctx: Document) => Promise<AxeResult> } }).axe.run(document),
  );
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} at ${JSON.stringify(v.nodes.map((n) => n.target))}`);
}
