import { describe, expect, it } from 'vitest';
import { type CallbackAction, decodeCallback, encodeCallback } from './callbacks';

describe('callback data', () => {
  it('round-trips every action', () => {
    const actions: CallbackAction[] = [
      { type: 'answer', field: 'business_status', index: 3 },
      { type: 'toggle', field: 'items', index: 10 },
      { type: 'confirm', field: 'items' },
      { type: 'back', field: 'review' },
      { type: 'skip', field: 'uscc' },
      { type: 'edit', field: 'reporter_phone' },
      { type: 'submit' },
      { type: 'claim', reportId: 'r_mif3k2x0abcdefghijklmnop' },
      { type: 'claim', reportId: 'r_mif3k2x0abcdefghijklmnop', reminder: true },
    ];
    for (const a of actions) expect(decodeCallback(encodeCallback(a))).toEqual(a);
  });

  it('refuses data this bot never sends', () => {
    for (const data of [
      '',
      'a:items',
      'a:items:x',
      'a:Items:1',
      'e:',
      'sub ',
      'claim:',
      'claim:r_1:q',
      'x:y:z',
      'a:items:1234',
    ]) {
      expect(decodeCallback(data), data).toBeUndefined();
    }
  });
});
