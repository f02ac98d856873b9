import { createServer, type Server } from 'node:http';
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
