import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Config, loadConfig } from '../../src/config';

/** A fresh directory for one test file's embedded libSQL database; `cleanup` removes it. */
export function tempDir(prefix = 'labor-risk-') {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export function testConfig(dbFile: string, env: Record<string, string> = {}): Config {
  return loadConfig({ APP_ENV: 'test', PORT: '0', LIBSQL_URL: `file:${dbFile}`, ...env });
}

/** A clock tests move by hand instead of sleeping. */
export function manualClock(start = '2026-11-25T02:00:00.000Z') {
  let now = new Date(start).getTime();
  return {
    now: () => new Date(now),
    advance: (ms: number) => {
      now += ms;
    },
    set: (iso: string) => {
      now = new Date(iso).getTime();
    },
  };
}
