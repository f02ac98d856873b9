import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

// Acceptance 6: `npm run build` prints the widget's raw and gzip size, and the gzip stays within 20 KB.

const run = promisify(execFile);
const LIMIT_KB = 20;

describe('npm run build', () => {
  it("prints the widget's raw and gzip size, gzip ≤ 20 KB", async () => {
    const { stdout } = await run(process.execPath, ['scripts/build.mjs'], {
      env: { ...process.env, WRANGLER_SEND_METRICS: 'false' },
    });
    const row = stdout.split('\n').find((line) => line.startsWith('widget.js'));
    expect(row, stdout).toBeDefined();
    const [raw, gzip] = [...(row ?? '').matchAll(/([\d.]+) KB/g)].map((m) => Number(m[1]));
    expect(raw).toBeGreaterThan(1);
    expect(gzip).toBeGreaterThan(1);
    expect(gzip).toBeLessThanOrEqual(LIMIT_KB);
    expect(stdout).toMatch(/worker bundle/);
  });
});
