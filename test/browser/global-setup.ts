import { execFileSync } from 'node:child_process';

// Rebuilds src/widget/generated/bundle.ts before the browser tests import the app (cheap, idempotent).
export default function setup() {
  execFileSync(process.execPath, ['scripts/build-widget.mjs'], { stdio: 'inherit' });
}
