// `npm run build`: builds the worker bundle (wrangler dry run) and prints the sizes that matter at the edge.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

execFileSync('npx', ['wrangler', 'deploy', '--dry-run', '--outdir', 'dist'], {
  stdio: ['ignore', 'ignore', 'inherit'],
  env: { ...process.env, WRANGLER_SEND_METRICS: 'false' },
});

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const rows = [['worker bundle', 'dist/worker.js']];
console.log('artefact'.padEnd(18), 'raw'.padStart(10), 'gzip'.padStart(10));
for (const [name, file] of rows) {
  const bytes = readFileSync(file);
  console.log(name.padEnd(18), kb(bytes.length).padStart(10), kb(gzipSync(bytes, { level: 9 }).length).padStart(10));
}
