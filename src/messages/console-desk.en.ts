// Officer catalogue, English — the same groups and keys as console-desk.zh.ts, each typed as its Chinese group.
import type * as zh from './console-desk.zh';

export const deskPlaceholder: typeof zh.deskPlaceholder = { title: 'Placeholder' };
