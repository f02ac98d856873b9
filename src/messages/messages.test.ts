// Every message has a non-empty translation in every locale, and a parameterised message uses the same
// parameters in each: the types make a missing key a compile error; this checks what types cannot see
// (an empty string, a dropped placeholder, a nested table's keys when read at run time).
import { describe, expect, it } from 'vitest';
import { CATALOGUE } from './index';
import { OFFICER_CATALOGUE } from './officer';

type Entry = { path: string; value: unknown };

/** Every leaf of a group, with its dotted path. */
function leaves(value: unknown, path: string): Entry[] {
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([k, v]) => leaves(v, `${path}.${k}`));
  }
  return [{ path, value }];
}

// Distinct numbers stand for the parameters: every parameter is shown with `${…}`, so which of them appear in
// a message says which parameters it uses.
const SENTINELS = [7301, 7302, 7303, 7304, 7305, 7306, 7307, 7308];

function placeholdersUsed(fn: (...args: number[]) => unknown): number[] {
  const out = String(fn(...SENTINELS.slice(0, fn.length)));
  return SENTINELS.slice(0, fn.length).filter((s) => out.includes(String(s)));
}

// The reporter side (index.ts, on every request's path) and the officer side (officer.ts, loaded with the
// console): the same checks for both.
const CATALOGUES = [
  { side: 'reporter', catalogue: CATALOGUE, atLeast: { messages: 200, functions: 20 } },
  { side: 'officer', catalogue: OFFICER_CATALOGUE, atLeast: { messages: 380, functions: 60 } },
] as const;

describe('message catalogue', () => {
  for (const { side, catalogue, atLeast } of CATALOGUES) {
    const source = leaves(catalogue.zh, 'zh');

    it(`has the same keys in every locale (${side})`, () => {
      const keysOf = (locale: 'zh' | 'en') => leaves(catalogue[locale], '').map((e) => e.path);
      expect(keysOf('en')).toEqual(keysOf('zh'));
      expect(source.length).toBeGreaterThan(atLeast.messages);
    });

    for (const locale of ['zh', 'en'] as const) {
      it(`has a non-empty message for every key in ${locale} (${side})`, () => {
        const empty = leaves(catalogue[locale], locale).filter(({ value }) =>
          typeof value === 'function'
            ? String((value as (...a: number[]) => unknown)(...SENTINELS)).trim() === ''
            : typeof value !== 'string' || value.trim() === '',
        );
        expect(empty.map((e) => e.path)).toEqual([]);
      });
    }

    it(`gives each parameterised message the same parameters in every locale, and uses them all (${side})`, () => {
      const en = new Map(leaves(catalogue.en, 'zh').map((e) => [e.path, e.value]));
      const functions = source.filter((e) => typeof e.value === 'function');
      expect(functions.length).toBeGreaterThanOrEqual(atLeast.functions);
      for (const { path, value } of functions) {
        const zhFn = value as (...args: number[]) => unknown;
        const enFn = en.get(path) as (...args: number[]) => unknown;
        expect(typeof enFn, path).toBe('function');
        expect(enFn.length, path).toBe(zhFn.length);
        expect(placeholdersUsed(zhFn), path).toEqual(SENTINELS.slice(0, zhFn.length));
        expect(placeholdersUsed(enFn), path).toEqual(placeholdersUsed(zhFn));
      }
    });
  }

  it('leaves every group but its own out of the widget bundle', async () => {
    // The widget imports its group by name (src/widget/strings.ts) so the browser gets nothing else.
    const { WIDGET_JS } = await import('../widget/generated/bundle');
    expect(WIDGET_JS).toContain(CATALOGUE.zh.widget.intro);
    expect(WIDGET_JS).toContain(CATALOGUE.en.widget.intro);
    const others = [CATALOGUE.zh.bot.unusable, CATALOGUE.zh.errors.internal, CATALOGUE.zh.pages.reportIntro];
    for (const text of [...others, CATALOGUE.en.alert.urgentTitle, CATALOGUE.zh.wechat.chooseMany]) {
      expect(WIDGET_JS).not.toContain(text);
    }
  });

  it('defines each officer group in one area only', async () => {
    // officer.ts spreads the areas into one object: a group name used twice would silently hide one of them.
    const areas = await Promise.all([
      import('./console-desk.zh'),
      import('./console-cases.zh'),
      import('./documents.zh'),
      import('./notices.zh'),
      import('./vocabulary.zh'),
    ]);
    const names = areas.flatMap((area) => Object.keys(area));
    expect(names.filter((name, i) => names.indexOf(name) !== i)).toEqual([]);
    expect(Object.keys(OFFICER_CATALOGUE.zh)).toHaveLength(names.length);
  });

  it('finds a dropped placeholder', () => {
    // The check above is only worth something if it fails on a translation that forgets a parameter.
    const forgetful = (_n: number) => 'a fixed sentence';
    expect(placeholdersUsed(forgetful)).toEqual([]);
    expect(placeholdersUsed((n: number) => `${n} left`)).toEqual([7301]);
  });
});
