// `npm run build`: builds the worker bundle (wrangler dry run, whose [build] step bundles the widget) and
// prints the sizes that matter at the edge and on a portal page.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { buildWidget } from './build-widget.mjs';

execFileSync('npx', ['wrangler', 'deploy', '--dry-run', '--outdir', 'dist'], {
  stdio: ['ignore', 'ignore', 'inherit'],
  env: { ...process.env, WRANGLER_SEND_METRICS: 'false' },
});
const { widget } = await buildWidget();

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const rows = [
  ['worker bundle', readFileSync('dist/worker.js')],
  ['widget.js', Buffer.from(widget)],
];
console.log('artefact'.padEnd(18), 'raw'.padStart(10), 'gzip'.padStart(10));
for (const [name, bytes] of rows) {
  console.log(name.padEnd(18), kb(bytes.length).padStart(10), kb(gzipSync(bytes, { level: 9 }).length).padStart(10));
}
