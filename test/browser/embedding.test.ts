import { count } from 'drizzle-orm';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { intakeDrafts } from '../../db/schema';
import { launchBrowser, PHONE, type Portal, startPortal, startTestHost, type TestHost, watchPage } from './browser';
import { answerCurrent, currentStep, turn, widget } from './widget-driver';

// Acceptance 4: the API answers only allow-listed origins (and the app's own pages) — a page elsewhere can
// neither read answers nor make the server act — and hostile portal CSS does not break the widget.

let t: TestHost;
let browser: Browser;
let allowed: Portal;
let denied: Portal;

beforeAll(async () => {
  // The portals first: their origins go into ALLOWED_ORIGINS.
  allowed = await startPortal();
  denied = await startPortal();
  t = await startTestHost({ ALLOWED_ORIGINS: `https://portal.example.gov.cn, ${allowed.origin}` });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await t?.stop();
  await allowed?.close();
  await denied?.close();
});

const drafts = async () => (await t.host.deps.db.select({ n: count() }).from(intakeDrafts))[0]?.n ?? 0;

/** What a page's script sees when it calls the API with fetch: the status, or the browser's refusal. */
const FETCH_FROM_PAGE = async (api: string) => {
  try {
    const res = await fetch(`${api}/api/drafts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ channel: 'widget' }),
    });
    return `status ${res.status}`;
  } catch (e) {
    return `refused: ${(e as Error).name}`;
  }
};

describe('embedding security', () => {
  it('an allowed origin can use the API; a page on another origin is refused by CORS and by the server', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();

    allowed.serve('<!doctype html><title>allowed portal</title><p>ok</p>');
    await page.goto(allowed.origin);
    expect(await page.evaluate(FETCH_FROM_PAGE, t.host.url)).toBe('status 201');

    denied.serve('<!doctype html><title>other site</title><p>hello</p>');
    await page.goto(denied.origin);
    const before = await drafts();
    expect(await page.evaluate(FETCH_FROM_PAGE, t.host.url)).toBe('refused: TypeError');
    // A "simple" request needs no preflight and its answer is hidden anyway; the server must not act on it.
    // (Its opaque answer is then also blocked by Cross-Origin-Resource-Policy, so the fetch rejects.)
    await page.evaluate(async (api) => {
      await fetch(`${api}/api/drafts`, {
        method: 'POST',
        mode: 'no-cors',
        headers: { 'content-type': 'text/plain' },
        body: '{"channel":"widget"}',
      }).catch(() => undefined);
    }, t.host.url);
    // A plain HTML form post from that page.
    denied.serve(
      `<!doctype html><form method="post" action="${t.host.url}/api/drafts" enctype="text/plain"><input name='{"channel":"widget","x":"' value='"}'><button>go</button></form>`,
    );
    await page.goto(denied.origin);
    const [response] = await Promise.all([page.waitForNavigation(), page.click('button')]);
    expect(response?.status()).toBe(403);
    expect(await page.textContent('body')).toContain('origin_forbidden');
    expect(await drafts()).toBe(before);

    // Preflight: the allowed origin gets the headers the widget needs, the other none.
    const preflight = (origin: string) =>
      fetch(`${t.host.url}/api/drafts/x/turns`, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type,x-resume-token,idempotency-key',
        },
      });
    const ok = await preflight(allowed.origin);
    expect(ok.headers.get('access-control-allow-origin')).toBe(allowed.origin);
    expect(ok.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('x-resume-token');
    expect(ok.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('idempotency-key');
    expect((await preflight(denied.origin)).headers.get('access-control-allow-origin')).toBeNull();
    await context.close();
  });

  it('lets only allow-listed portals frame /report (CSP frame-ancestors), the iframe fallback', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const framed = `<!doctype html><title>frame</title><iframe src="${t.host.url}/report?jurisdiction=220102" title="report"></iframe>`;
    const frameHeading = async () => {
      await page.waitForTimeout(300);
      const frame = page.frames().find((f) => f !== page.mainFrame());
      if (!frame) return 'no frame';
      // Chromium replaces a refused frame with its own error page.
      if (frame.url().startsWith('chrome-error:')) return 'blocked';
      return frame.locator('h1').textContent({ timeout: 2000 });
    };
    allowed.serve(framed);
    await page.goto(allowed.origin, { waitUntil: 'load' });
    expect(await frameHeading()).toMatch(/用人单位速报表|Employer quick report/);
    denied.serve(framed);
    await page.goto(denied.origin, { waitUntil: 'load' });
    expect(await frameHeading()).toBe('blocked');
    const csp = (await fetch(`${t.host.url}/report`)).headers.get('content-security-policy') ?? '';
    expect(csp).toContain(`frame-ancestors 'self' https://portal.example.gov.cn ${allowed.origin}`);
    expect(csp).toContain("script-src 'self'");
    expect((await fetch(`${t.host.url}/demo`)).headers.get('content-security-policy')).toMatch(
      /frame-ancestors 'self'$/,
    );
    await context.close();
  });

  it('survives portal CSS like `* { all: unset }` and `button { display: none }`, floating and inline', async () => {
    const hostile = `<style>
      * { all: unset; } button { display: none !important; } div { position: static !important; }
      body > * { transform: none; font-size: 40px !important; color: red !important; }
    </style>`;
    const context = await browser.newContext(PHONE);
    const page = await context.newPage();
    const watched = watchPage(page);
    allowed.serve(
      `<!doctype html><html lang="zh-CN"><head><title>门户</title>${hostile}</head><body><h1>某区政府门户</h1>` +
        `<script src="${t.host.url}/widget.js" data-jurisdiction="220102" data-locale="zh" async></script></body></html>`,
    );
    await page.goto(allowed.origin);
    const w = widget(page);
    await w.launcher.waitFor({ state: 'visible' });
    const box = await w.launcher.boundingBox();
    expect(box?.width).toBeGreaterThan(100);
    expect(box?.height).toBeGreaterThanOrEqual(44);
    await turn(page, () => w.launcher.click());
    expect(await w.panel.boundingBox()).toEqual({ x: 0, y: 0, width: 390, height: 844 });
    expect(await w.root.locator('.head button.close').isVisible()).toBe(true);
    const answers = {
      unit_name: '门户测试单位',
      uscc: '91110108551385082Q',
      legal_rep: '张三',
      business_status: 'normal',
    };
    expect(await answerCurrent(page, answers)).toBe('unit_name');
    expect(await answerCurrent(page, answers)).toBe('uscc');
    expect(await answerCurrent(page, answers)).toBe('legal_rep');
    expect(await currentStep(page)).toBe('business_status');
    expect(await w.question.locator('button[data-value="normal"]').isVisible()).toBe(true);
    expect(await answerCurrent(page, answers)).toBe('business_status');
    expect(await currentStep(page)).toBe('headcount');

    // Inline mode, on the same hostile page: it continues the same draft (same API, same storage key).
    allowed.serve(
      `<!doctype html><html><head><title>门户</title>${hostile}</head><body><div id="slot"></div>` +
        `<script src="${t.host.url}/widget.js" data-mode="inline" data-target="#slot" async></script></body></html>`,
    );
    await page.goto(allowed.origin);
    await page.waitForSelector('cc-labor-report .question');
    expect(await w.panel.getAttribute('role')).toBe('region');
    expect(await currentStep(page)).toBe('headcount');
    expect(await w.input.isVisible()).toBe(true);
    expect(watched.errors).toEqual([]);
    await context.close();
  });
});
