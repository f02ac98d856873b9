// Officer catalogue, English — the same groups and keys as console-cases.zh.ts, each typed as its Chinese group.
import type * as zh from './console-cases.zh';

export const casesPlaceholder: typeof zh.casesPlaceholder = { title: 'Placeholder' };
