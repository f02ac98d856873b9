// Officer catalogue, English — the same groups and keys as documents.zh.ts, each typed as its Chinese group.
import type * as zh from './documents.zh';

export const docsPlaceholder: typeof zh.docsPlaceholder = { title: 'Placeholder' };
