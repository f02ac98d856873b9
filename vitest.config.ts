import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-plugin';
import { defineConfig } from 'vitest/config';

// Two projects: `node` runs unit tests and the Node host on a temporary libSQL file;
// `workers` runs the worker inside workerd with the D1 migrations applied.
export default defineConfig(async () => {
  const migrations = await readD1Migrations('db/migrations');
  return {
    test: {
      projects: [
        {
          test: {
            name: 'node',
            environment: 'node',
            include: ['src/**/*.test.ts', 'db/**/*.test.ts', 'test/node/**/*.test.ts'],
            testTimeout: 30_000,
            hookTimeout: 60_000,
          },
        },
        {
          plugins: [
            cloudflareTest({
              wrangler: { configPath: './wrangler.toml' },
              miniflare: { bindings: { TEST_MIGRATIONS: migrations, APP_ENV: 'test' } },
            }),
          ],
          test: {
            name: 'workers',
            include: ['test/workers/**/*.test.ts'],
            setupFiles: ['./test/workers/setup.ts'],
          },
        },
      ],
    },
  };
});
