// The one zod entry point: `import * as z from '../zod'` is zod/mini (the functional API, which the bundler
// tree-shakes to the few functions we call, unlike classic zod's single namespace object of ~450 KB) with
// classic zod's English messages, which zod/mini does not install by itself ("Invalid input" otherwise).
// Setting them here, in the module every schema imports, means no schema can parse before they are set.
// biome (noRestrictedImports) keeps every other module from importing 'zod' or 'zod/mini' directly.
import { en } from 'zod/locales';
import { config } from 'zod/mini';

config(en());

export * from 'zod/mini';

/**
 * A schema built on its first use instead of when its module is evaluated: a fresh Worker isolate then builds
 * only the schemas its first request needs (README § Performance, section 7). Call the result to get the schema.
 */
export function onFirstUse<T>(build: () => T): () => T {
  let built: T | undefined;
  return () => {
    built ??= build();
    return built;
  };
}
