// The widget's own words (buttons, states, errors it detects itself), from the message catalogue's `widget`
// group only: importing the group by name lets esbuild leave the rest of the catalogue out of the bundle.
// Questions and answers' wording come from the engine's Reply, never from here.
import { widget as en } from '../messages/en';
import { widget as zh } from '../messages/zh';

export type Locale = 'zh' | 'en';

export type Strings = typeof zh;

export const STRINGS: Record<Locale, Strings> = { zh, en };
