// `npm run build`: builds the two worker bundles (wrangler dry runs, whose [build] step bundles the widget) and
// prints the sizes that matter at the edge and on a portal page.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { buildWidget } from './build-widget.mjs';

// The whole app (wrangler.toml) and the public Worker in front of it (wrangler.public.toml).
for (const args of [
  ['--outdir', 'dist'],
  ['-c', 'wrangler.public.toml', '--outdir', 'dist/public'],
]) {
  execFileSync('npx', ['wrangler', 'deploy', '--dry-run', ...args], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, WRANGLER_SEND_METRICS: 'false' },
  });
}
const { widget } = await buildWidget();

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const rows = [
  ['worker bundle', readFileSync('dist/worker.js')],
  ['public worker', readFileSync('dist/public/public-worker.js')],
  ['widget.js', Buffer.from(widget)],
];
console.log('artefact'.padEnd(18), 'raw'.padStart(10), 'gzip'.padStart(10));
for (const [name, bytes] of rows) {
  console.log(name.padEnd(18), kb(bytes.length).padStart(10), kb(gzipSync(bytes, { level: 9 }).length).padStart(10));
}
