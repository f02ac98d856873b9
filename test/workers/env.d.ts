import type { D1Migration } from '@cloudflare/vitest-plugin';

// The bindings the workers tests see through `env` from cloudflare:test.
declare global {
  namespace Cloudflare {
    interface Env {
      DB: D1Database;
      TEST_MIGRATIONS: D1Migration[];
      SECRETS_KEY: string;
    }
  }
}
