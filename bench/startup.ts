// Section 7 of `npm run bench`: what a fresh Worker isolate evaluates before its first answer, and how long
// workerd takes from start to the first response of a public intake request, next to a hello-world worker
// started the same way in the same run — in wall time and in workerd's CPU time (which the load of a shared
// machine hardly moves), with three more workers that split the gap: the code split into modules, the worker
// evaluated but answering like hello-world, and the whole bundle parsed but never evaluated.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BuildOptions, build, type Metafile } from 'esbuild';

/**
 * Bytes of bundled code on the path every request takes: the modules reachable from the worker's entry by
 * static imports. Modules behind a dynamic import() (console, admin, bot, DOCX, dispatcher, tick) are
 * wrapped by esbuild — which wrangler uses — in functions that run on their first import, so a reporter's
 * request never evaluates them. Bundled (minified) like wrangler does, with esbuild's metafile.
 */
export async function eagerCodeSize(entry: string): Promise<{ eager: number; total: number; lazyInputs: number }> {
  const out = await build({
    ...workerBuild(),
    keepNames: false,
    entryPoints: [entry],
    format: 'esm',
    write: false,
    metafile: true,
    outdir: join(tmpdir(), 'labor-risk-eager'),
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

/** How wrangler bundles the worker (esbuild, minified, names kept), shared by every build measured here. */
export const workerBuild = () =>
  ({
    bundle: true,
    platform: 'neutral',
    minify: true,
    keepNames: true,
    conditions: ['workerd', 'worker', 'browser'],
    mainFields: ['browser', 'module', 'main'],
    // nodejs_compat: the runtime provides node:* (and bare Node built-ins telegraf asks for).
    external: ['node:*', 'cloudflare:*', ...NODE_BUILTINS],
    jsx: 'automatic',
    jsxImportSource: 'hono/jsx',
    logLevel: 'silent',
  }) satisfies BuildOptions;

/** A worker as Miniflare is given it: its ES modules, the entry first. */
export type WorkerModules = { type: 'ESModule' | 'Text'; path: string; contents: string }[];

/** The built worker (dist/worker.js): one module, as wrangler bundles it. */
export function singleModule(path: string): WorkerModules {
  return [{ type: 'ESModule', path: '/worker.js', contents: readFileSync(path, 'utf8') }];
}

/** The entry built by esbuild with code splitting, and which of its modules the entry reaches by static imports. */
async function splitBuild(entry: string): Promise<{ modules: WorkerModules; eager: Set<string> }> {
  const outdir = mkdtempSync(join(tmpdir(), 'labor-risk-split-'));
  try {
    const { metafile } = await build({
      ...workerBuild(),
      entryPoints: { worker: entry },
      splitting: true,
      format: 'esm',
      outdir,
      metafile: true,
    });
    const files = readdirSync(outdir).filter((f) => f.endsWith('.js'));
    files.sort((a, b) => Number(b === 'worker.js') - Number(a === 'worker.js'));
    const modules: WorkerModules = files.map((f) => ({
      type: 'ESModule',
      path: `/${f}`,
      contents: readFileSync(join(outdir, f), 'utf8'),
    }));
    const outputs = Object.entries(metafile.outputs);
    const pathOf = (out: string) => `/${out.split('/').pop()}`;
    const eager = new Set<string>();
    const visit = (out: string) => {
      if (eager.has(pathOf(out))) return;
      eager.add(pathOf(out));
      for (const imp of outputs.find(([k]) => k === out)?.[1].imports ?? []) {
        if (imp.kind === 'import-statement' && !imp.external) visit(imp.path);
      }
    };
    const main = outputs.find(([k]) => k.endsWith('/worker.js'))?.[0];
    if (main) visit(main);
    return { modules, eager };
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

/**
 * The same entry built by esbuild with code splitting: the lazily loaded groups become modules of their own
 * instead of living (wrapped, but still parsed at start-up) inside the one bundle. Wrangler cannot split a
 * bundle (cloudflare/workers-sdk#417), so this is a measurement of what a split deploy would gain, not what
 * deploys today.
 */
export async function splitModules(entry: string): Promise<WorkerModules> {
  return (await splitBuild(entry)).modules;
}

/**
 * Only the modules the public path reaches by static imports (the split build without its lazy groups): what a
 * Worker holding nothing but the intake API would take to answer the same request. The request never imports
 * a lazy group, so it is answered as by the whole worker.
 */
export async function publicPathOnly(entry: string): Promise<WorkerModules> {
  const { modules, eager } = await splitBuild(entry);
  return modules.filter((m) => eager.has(m.path));
}

/**
 * The hello-world worker with every module of the split build beside it, never imported — as ES modules, or
 * the same bytes as text modules. workerd compiles each ES module it is given when the isolate starts, imported
 * or not; text it only stores. The difference is what lazy import() cannot save inside one Worker.
 */
export async function unimportedModules(entry: string, as: 'ESModule' | 'Text'): Promise<WorkerModules> {
  const { modules } = await splitBuild(entry);
  const extra: WorkerModules = modules.map((m) => ({ ...m, type: as, path: `/unused${m.path}` }));
  return [{ type: 'ESModule', path: '/hello.mjs', contents: HELLO_201 }, ...extra];
}

const HELLO_201 =
  'export default { async fetch(r, env) { await env.DB.prepare("SELECT 1").first(); return new Response("ok", { status: 201 }) } }';

/**
 * The worker's modules evaluated, but the request answered like the hello-world worker (one D1 read): splits
 * the gap into evaluating the public path and the intake request's own work.
 */
export async function evaluatedOnly(entry: string): Promise<WorkerModules> {
  const out = await build({
    stdin: {
      contents: `import worker from './${entry}';
        globalThis.evaluated = worker;
        export default { async fetch(r, env) { await env.DB.prepare('SELECT 1').first(); return new Response('ok', { status: 201 }); } };`,
      resolveDir: process.cwd(),
      loader: 'ts',
    },
    ...workerBuild(),
    format: 'esm',
    write: false,
  });
  return [{ type: 'ESModule', path: '/worker.js', contents: out.outputFiles[0]?.text ?? '' }];
}

/**
 * The whole worker parsed but never run: its bundle (built as one function expression, so it has no imports or
 * exports of its own) inside a function nobody calls, in front of the hello-world worker. What workerd spends
 * only on taking in that many bytes of code, whatever the code would do when evaluated.
 */
export async function parsedOnly(entry: string): Promise<WorkerModules> {
  const out = await build({ ...workerBuild(), entryPoints: [entry], format: 'iife', write: false });
  const code = out.outputFiles[0]?.text ?? '';
  const contents = `globalThis.neverCalled = () => { ${code} };
    export default { async fetch(r, env) { await env.DB.prepare('SELECT 1').first(); return new Response('ok', { status: 201 }); } };`;
  return [{ type: 'ESModule', path: '/worker.js', contents }];
}

/**
 * CPU time (ms) the workerd processes started by this process have used so far, all threads: read from
 * /proc (Linux), so undefined elsewhere. Unlike wall time it hardly moves with the machine's load.
 */
function workerdCpuMs(): number | undefined {
  let ns = 0;
  let found = false;
  try {
    for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
      let stat: string;
      try {
        stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      } catch {
        continue; // gone meanwhile
      }
      const close = stat.lastIndexOf(')');
      const name = stat.slice(stat.indexOf('(') + 1, close);
      const ppid = Number(stat.slice(close + 2).split(' ')[1]);
      if (name !== 'workerd' || ppid !== process.pid) continue;
      found = true;
      for (const task of readdirSync(`/proc/${pid}/task`)) {
        ns += Number(readFileSync(`/proc/${pid}/task/${task}/schedstat`, 'utf8').split(' ')[0]);
      }
    }
  } catch {
    return undefined;
  }
  return found ? ns / 1e6 : undefined;
}

export interface StartUp {
  /** Median start-up to the first response of each worker, ms. */
  medians: Record<string, number>;
  /** Median CPU time workerd used from its start to that response, ms (undefined without /proc). */
  cpu: Record<string, number | undefined>;
  /** Median over the runs of (this worker − the hello-world started just before it), ms. */
  gaps: Record<string, number>;
  hello: number;
  /** The machine's 1-minute load average around the runs (2 cores here; shared with other work). */
  load: number;
}

/**
 * Medians over `runs` of workerd's start to the first response of `POST /api/drafts` (a reporter opening the
 * form), for each given worker and for a hello-world worker that reads D1 once, alternating so all see the
 * same machine load; the gap is also taken run by run, which drifting load disturbs less. All get the same D1
 * database, migrated once beforehand, so the request runs the real intake path (a jurisdiction read and the
 * draft's insert).
 */
export async function startUpVersusHelloWorld(workers: Record<string, WorkerModules>, runs = 15): Promise<StartUp> {
  // The Miniflare that wrangler runs (v4); the top-level one belongs to the vitest plugin (v5 beta).
  const { Miniflare } = createRequire(createRequire(import.meta.url).resolve('wrangler/package.json'))(
    'miniflare',
  ) as typeof import('miniflare-v4');
  const d1Persist = mkdtempSync(join(tmpdir(), 'labor-risk-d1-'));
  // The floor touches D1 once, as the intake request does, so starting the database is in both figures.
  const HELLO =
    'export default { async fetch(r, env) { await env.DB.prepare("SELECT 1").first(); return new Response("ok") } }';
  const hello: WorkerModules = [{ type: 'ESModule', path: '/hello.mjs', contents: HELLO }];
  const options = (modules: WorkerModules) => ({
    // Modules given explicitly: with `scriptPath` Miniflare first scans the script in Node for imports,
    // which would be measured as start-up although workerd never does it.
    modules,
    modulesRoot: '/',
    compatibilityDate: '2026-04-01',
    compatibilityFlags: ['nodejs_compat'],
    d1Databases: { DB: 'labor-risk-bench' },
    d1Persist,
  });
  try {
    const setup = new Miniflare(options(hello));
    const db = await setup.getD1Database('DB');
    for (const file of readdirSync('db/migrations')
      .filter((f) => f.endsWith('.sql'))
      .sort()) {
      for (const statement of readFileSync(join('db/migrations', file), 'utf8').split('--> statement-breakpoint')) {
        if (statement.trim()) await db.prepare(statement).run();
      }
    }
    await setup.dispose();

    let reporter = 0;
    const startUp = async (name: string, modules: WorkerModules) => {
      const t0 = performance.now();
      const mf = new Miniflare(options(modules));
      const res = await mf.dispatchFetch('http://x/api/drafts', {
        method: 'POST',
        // A reporter of its own for every start: the runs share one database, and so its rate limit.
        headers: { 'content-type': 'application/json', 'cf-connecting-ip': `198.51.100.${++reporter % 250}` },
        body: '{}',
      });
      await res.arrayBuffer();
      const ms = performance.now() - t0;
      const cpu = workerdCpuMs();
      if (modules !== hello && res.status !== 201) throw new Error(`${name}: POST /api/drafts answered ${res.status}`);
      await mf.dispose();
      if (cpu !== undefined) cpuTimes[name]?.push(cpu);
      return ms;
    };
    const loadBefore = loadavg()[0] ?? 0;
    const times: Record<string, number[]> = { hello: [] };
    const cpuTimes: Record<string, number[]> = { hello: [] };
    const gaps: Record<string, number[]> = {};
    for (const name of Object.keys(workers)) {
      times[name] = [];
      cpuTimes[name] = [];
      gaps[name] = [];
    }
    for (let i = 0; i < runs; i++) {
      for (const [name, modules] of Object.entries(workers)) {
        const floor = await startUp('hello', hello);
        const ms = await startUp(name, modules);
        times.hello?.push(floor);
        times[name]?.push(ms);
        gaps[name]?.push(ms - floor);
      }
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
    const of = (table: Record<string, number[]>) =>
      Object.fromEntries(Object.entries(table).map(([k, v]) => [k, median(v)]));
    const { hello: helloMs = 0, ...medians } = of(times);
    const cpu = Object.fromEntries(
      Object.entries(cpuTimes).map(([k, v]) => [
        k,
        v.length === runs * (k === 'hello' ? Object.keys(workers).length : 1) ? median(v) : undefined,
      ]),
    );
    return { medians, cpu, gaps: of(gaps), hello: helloMs, load: (loadBefore + (loadavg()[0] ?? 0)) / 2 };
  } finally {
    rmSync(d1Persist, { recursive: true, force: true });
  }
}
