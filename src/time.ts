// The one time module: Asia/Shanghai (北京时间) formatting and parsing, whatever the host's time zone.
// `new Date('2026-03-01T08:00')` means local time, which differs between a laptop, a server and a Worker;
// China has kept UTC+8 all year since 1991 (no daylight saving), so a fixed offset is exact and needs no
// time-zone database (Workers, minimal Node). A timestamp without an offset is Changchun time.
// Pure: no imports, so src/rules and src/intake may use it.

const CHINA_OFFSET_MINUTES = 480;
/** UTC+8 in milliseconds, for day arithmetic in SQL (e.g. the statistics' Beijing days). */
export const BEIJING_OFFSET_MS = CHINA_OFFSET_MINUTES * 60_000;
const OFFSET_MS = BEIJING_OFFSET_MS;
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATETIME_RE =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

function utcDay(year: number, month: number, day: number): number | null {
  const ms = Date.UTC(year, month - 1, day);
  const check = new Date(ms);
  // Date.UTC rolls 02-30 over to 03-02; a calendar date must survive the round trip.
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  return ms;
}

function offsetMinutes(raw: string | undefined): number | null {
  if (raw === undefined) return CHINA_OFFSET_MINUTES;
  if (raw.toUpperCase() === 'Z') return 0;
  const match = /^([+-])(\d{2}):?(\d{2})$/.exec(raw);
  if (!match) return null;
  const hours = Number(match[2]);
  const minutes = Number(match[3]);
  if (hours > 14 || minutes > 59) return null;
  return (match[1] === '-' ? -1 : 1) * (hours * 60 + minutes);
}

/**
 * Epoch milliseconds of an ISO datetime, a 'YYYY-MM-DD' date or a valid Date; null for anything else.
 * A date alone is the start of that day in Changchun, or its end (the next midnight) with `dateOnly: 'end'`.
 */
export function parseInstant(value: unknown, dateOnly: 'start' | 'end' = 'start'): number | null {
  if (value instanceof Date) {
    return inRange(value.getTime());
  }
  if (typeof value !== 'string') return null;
  const s = value.trim();
  const date = DATE_RE.exec(s);
  if (date) {
    const day = utcDay(Number(date[1]), Number(date[2]), Number(date[3]));
    if (day === null) return null;
    return day - OFFSET_MS + (dateOnly === 'end' ? DAY_MS : 0);
  }
  const dt = DATETIME_RE.exec(s);
  if (!dt) return null;
  const day = utcDay(Number(dt[1]), Number(dt[2]), Number(dt[3]));
  const hour = Number(dt[4]);
  const minute = Number(dt[5]);
  const second = dt[6] === undefined ? 0 : Number(dt[6]);
  const millis = dt[7] === undefined ? 0 : Number(dt[7].slice(0, 3).padEnd(3, '0'));
  const offset = offsetMinutes(dt[8]);
  if (day === null || offset === null || hour > 23 || minute > 59 || second > 59) return null;
  const ms = day + hour * HOUR_MS + minute * 60_000 + second * 1000 + millis - offset * 60_000;
  return inRange(ms);
}

// Dates near the edge of the ECMAScript range would make toISOString() throw once shifted to UTC+8.
function inRange(ms: number): number | null {
  return Number.isFinite(ms) && Math.abs(ms) <= 8.64e15 - 2 * DAY_MS ? ms : null;
}

/** 'YYYY-MM-DD' of a valid calendar date string (or of a datetime/Date, in Changchun time); null otherwise. */
export function parseDateOnly(value: unknown): string | null {
  if (typeof value === 'string' && DATE_RE.test(value.trim())) {
    return parseInstant(value) === null ? null : value.trim();
  }
  const ms = parseInstant(value);
  return ms === null ? null : beijingDate(ms);
}

/** Midnight Beijing time of a `YYYY-MM-DD` date (a form's date box), or undefined. */
export function parseBeijingDate(text: string | undefined): Date | undefined {
  if (!text || !DATE_RE.test(text)) return undefined;
  const ms = parseInstant(text);
  return ms === null ? undefined : new Date(ms);
}

/** The Beijing wall-clock time as a Date whose UTC fields read it (for formats without a zone, e.g. Excel). */
export function beijingWallClock(at: Date | number): Date {
  return new Date((typeof at === 'number' ? at : at.getTime()) + OFFSET_MS);
}

const shifted = (at: Date | number) => beijingWallClock(at).toISOString();

/** '2026-11-25 10:00': Beijing wall-clock time, for people (pages, messages, explanations, documents). */
export function beijingDateTime(at: Date | number): string {
  return shifted(at).slice(0, 16).replace('T', ' ');
}

/** '2026-11-25': the calendar day in Beijing. */
export function beijingDate(at: Date | number): string {
  return shifted(at).slice(0, 10);
}
