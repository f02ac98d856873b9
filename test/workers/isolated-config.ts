// The Workers test project must not read a developer's .dev.vars or .env: wrangler loads them from the folder
// of the config file it is given, and their values (a real bot token, TRUST_PROXY, …) would change what the
// tests see. So the tests get a copy of wrangler.toml, with its paths made absolute, in a fresh empty folder.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

/** Writes the isolated copy of `configPath` and returns its path. */
export function isolatedWranglerConfig(configPath: string): string {
  const root = dirname(resolve(configPath));
  const text = readFileSync(configPath, 'utf8').replace(
    /^(main|migrations_dir)\s*=\s*"([^"]+)"/gm,
    (_, key: string, path: string) => `${key} = ${JSON.stringify(resolve(root, path))}`,
  );
  const dir = mkdtempSync(join(tmpdir(), 'workers-test-config-'));
  const copy = join(dir, 'wrangler.toml');
  writeFileSync(copy, text);
  return copy;
}
