// Types for the Miniflare v4 that wrangler bundles (loaded with createRequire in bench/startup.ts): only
// what the bench uses.
declare module 'miniflare-v4' {
  export class Miniflare {
    constructor(options: {
      modules?: { type: 'ESModule' | 'Text'; path: string; contents?: string }[];
      compatibilityDate?: string;
      compatibilityFlags?: string[];
      d1Databases?: string[] | Record<string, string>;
      d1Persist?: string;
    });
    dispatchFetch(
      url: string,
      init?: { method?: string; headers?: Record<string, string>; body?: string },
    ): Promise<{ arrayBuffer(): Promise<ArrayBuffer>; status: number }>;
    getD1Database(binding: string): Promise<{ prepare(sql: string): { run(): Promise<unknown> } }>;
    dispose(): Promise<void>;
  }
}
