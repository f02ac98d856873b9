// Section 7 of `npm run bench`: what a fresh Worker isolate evaluates before its first answer, and how long
// workerd takes from start to the first response of a public intake request, next to a hello-world worker
// started the same way in the same run.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, type Metafile } from 'esbuild';

/**
 * Bytes of bundled code on the path every request takes: the modules reachable from the worker's entry by
 * static imports. Modules behind a dynamic import() (console, admin, bot, DOCX, dispatcher, tick) are
 * wrapped by esbuild — which wrangler uses — in functions that run on their first import, so a reporter's
 * request never evaluates them. Bundled (minified) like wrangler does, with esbuild's metafile.
 */
export async function eagerCodeSize(entry: string): Promise<{ eager: number; total: number; lazyInputs: number }> {
  const out = await build({
    entryPoints: [entry],
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    minify: true,
    write: false,
    metafile: true,
    outdir: join(tmpdir(), 'labor-risk-eager'),
    conditions: ['workerd', 'worker', 'browser'],
    mainFields: ['browser', 'module', 'main'],
    // nodejs_compat: the runtime provides node:* (and bare Node built-ins telegraf asks for).
    external: ['node:*', 'cloudflare:*', ...NODE_BUILTINS],
    jsx: 'automatic',
    jsxImportSource: 'hono/jsx',
    logLevel: 'silent',
  });
  const { inputs, outputs } = out.metafile as Metafile;
  const bundled = Object.values(outputs)[0]?.inputs ?? {};
  const start = Object.keys(inputs).find((k) => k.endsWith(entry));
  if (!start) throw new Error(`${entry} is not in the metafile`);
  const eager = new Set([start]);
  const queue = [start];
  for (let next = queue.pop(); next !== undefined; next = queue.pop()) {
    for (const imp of inputs[next]?.imports ?? []) {
      if (imp.kind === 'dynamic-import' || imp.external || eager.has(imp.path)) continue;
      eager.add(imp.path);
      queue.push(imp.path);
    }
  }
  let eagerBytes = 0;
  let total = 0;
  for (const [path, { bytesInOutput }] of Object.entries(bundled)) {
    total += bytesInOutput;
    if (eager.has(path)) eagerBytes += bytesInOutput;
  }
  return { eager: eagerBytes, total, lazyInputs: Object.keys(bundled).length - eager.size };
}

const NODE_BUILTINS = [
  'assert',
  'buffer',
  'crypto',
  'events',
  'fs',
  'http',
  'https',
  'net',
  'os',
  'path',
  'querystring',
  'stream',
  'string_decoder',
  'tls',
  'url',
  'util',
  'zlib',
];

/**
 * Median over `runs` of workerd's start to the first response of `POST /api/drafts` (a reporter opening the
 * form), for the built worker and for a hello-world worker that reads D1 once, alternating so both see the
 * same machine load. Both get the same D1 database, migrated once beforehand, so the request runs the real
 * intake path (a jurisdiction read and the draft's insert).
 */
export async function startUpVersusHelloWorld(workerPath: string, runs = 9): Promise<{ ours: number; hello: number }> {
  // The Miniflare that wrangler runs (v4); the top-level one belongs to the vitest plugin (v5 beta).
  const { Miniflare } = createRequire(createRequire(import.meta.url).resolve('wrangler/package.json'))(
    'miniflare',
  ) as typeof import('miniflare-v4');
  const d1Persist = mkdtempSync(join(tmpdir(), 'labor-risk-d1-'));
  // The floor touches D1 once, as the intake request does, so starting the database is in both figures.
  const HELLO =
    'export default { async fetch(r, env) { await env.DB.prepare("SELECT 1").first(); return new Response("ok") } }';
  const options = (path: string, contents?: string) => ({
    // Modules given explicitly: with `scriptPath` Miniflare first scans the script in Node for imports,
    // which would be measured as start-up although workerd never does it.
    modules: [{ type: 'ESModule' as const, path, ...(contents ? { contents } : {}) }],
    compatibilityDate: '2026-04-01',
    compatibilityFlags: ['nodejs_compat'],
    d1Databases: { DB: 'labor-risk-bench' },
    d1Persist,
  });
  try {
    const setup = new Miniflare(options('hello.mjs', HELLO));
    const db = await setup.getD1Database('DB');
    for (const file of readdirSync('db/migrations')
      .filter((f) => f.endsWith('.sql'))
      .sort()) {
      for (const statement of readFileSync(join('db/migrations', file), 'utf8').split('--> statement-breakpoint')) {
        if (statement.trim()) await db.prepare(statement).run();
      }
    }
    await setup.dispose();

    const startUp = async (path: string, contents?: string) => {
      const t0 = performance.now();
      const mf = new Miniflare(options(path, contents));
      const res = await mf.dispatchFetch('http://x/api/drafts', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      });
      await res.arrayBuffer();
      const ms = performance.now() - t0;
      if (contents === undefined && res.status !== 201) throw new Error(`POST /api/drafts answered ${res.status}`);
      await mf.dispose();
      return ms;
    };
    const ours: number[] = [];
    const hello: number[] = [];
    for (let i = 0; i < runs; i++) {
      hello.push(await startUp('hello.mjs', HELLO));
      ours.push(await startUp(workerPath));
    }
    const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
    return { ours: median(ours), hello: median(hello) };
  } finally {
    rmSync(d1Persist, { recursive: true, force: true });
  }
}
