// What the public Worker (functions/public-worker.ts) carries: workerd compiles every module it is given when an
// isolate starts, imported or not (README § Performance, section 7), so the officers' side must not be in its
// bundle at all — not even behind a lazy import(). Built as wrangler builds it (bench/startup.ts workerBuild).
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { workerBuild } from '../../bench/startup';

async function bundled(entry: string) {
  const out = await build({
    ...workerBuild(),
    entryPoints: [entry],
    format: 'esm',
    write: false,
    metafile: true,
    outdir: '/tmp',
  });
  const [output] = Object.values(out.metafile.outputs);
  return output;
}

/** The source files with code in the bundle (a module esbuild reads but tree-shakes away carries nothing). */
async function bundledInputs(entry: string): Promise<string[]> {
  const output = await bundled(entry);
  return Object.entries(output?.inputs ?? {}).flatMap(([path, { bytesInOutput }]) => (bytesInOutput > 0 ? [path] : []));
}

describe('public Worker bundle', () => {
  it('holds the reporter’s side and none of the console, exports, bot, cron or officer catalogue', async () => {
    const inputs = await bundledInputs('functions/public-worker.ts');
    expect(inputs.some((p) => p.startsWith('src/api/intake-routes'))).toBe(true);
    expect(inputs.some((p) => p.startsWith('src/web/public/routes'))).toBe(true);
    const officerSide = inputs.filter((p) =>
      /^src\/(web\/console|bot\/(?!settings)|city|tick|messages\/officer)|node_modules\/(docx|telegraf|write-excel-file)\//.test(
        p,
      ),
    );
    expect(officerSide).toEqual([]);
  });

  it('imports no Node built-in: workerd would load its Node module (node:crypto: ~3.5 ms of CPU) in every isolate', async () => {
    const output = await bundled('functions/public-worker.ts');
    const builtIns = (output?.imports ?? [])
      .map((i) => i.path)
      .filter((p) => p.startsWith('node:') || !p.includes(':'));
    expect(builtIns).toEqual([]);
  });

  it('carries neither the remote libSQL client, the dispatcher nor the OpenAPI document (the whole app has them)', async () => {
    const inputs = await bundledInputs('functions/public-worker.ts');
    const fullAppOnly = inputs.filter((p) =>
      /node_modules\/(@libsql\/|drizzle-orm\/libsql\/|zod\/v4\/core\/json-schema-processors)|^src\/(api\/openapi|notify\/dispatcher)/.test(
        p,
      ),
    );
    expect(fullAppOnly).toEqual([]);
  });

  it('is what the whole worker is not: the check would see the officers’ side there', async () => {
    const inputs = await bundledInputs('functions/worker.ts');
    expect(inputs.some((p) => p.startsWith('src/web/console/routes'))).toBe(true);
    expect(inputs.some((p) => p.includes('node_modules/docx/'))).toBe(true);
    expect(inputs.some((p) => p.includes('node_modules/@libsql/client/'))).toBe(true);
    expect(inputs.some((p) => p.startsWith('src/api/openapi'))).toBe(true);
    expect(inputs.some((p) => p.startsWith('src/notify/dispatcher'))).toBe(true);
  });
});
