// Types for the Miniflare v4 that wrangler bundles (loaded with createRequire in bench/run.ts).
declare module 'miniflare-v4' {
  export class Miniflare {
    constructor(options: {
      modules?: { type: 'ESModule'; path: string; contents?: string }[];
      compatibilityDate?: string;
      compatibilityFlags?: string[];
      d1Databases?: string[];
    });
    dispatchFetch(url: string): Promise<{ arrayBuffer(): Promise<ArrayBuffer>; status: number }>;
    dispose(): Promise<void>;
  }
}
