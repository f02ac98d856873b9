// Times as officers read them: Beijing wall-clock (UTC+8, no daylight saving) and a countdown to a deadline
// computed on the server from the injected clock (the page needs no script to show it).

const BEIJING_MS = 8 * 3_600_000;
const pad = (n: number) => String(n).padStart(2, '0');

function parts(d: Date) {
  const b = new Date(d.getTime() + BEIJING_MS);
  return {
    y: b.getUTCFullYear(),
    m: pad(b.getUTCMonth() + 1),
    d: pad(b.getUTCDate()),
    hh: pad(b.getUTCHours()),
    mm: pad(b.getUTCMinutes()),
  };
}

/** 2026-11-25 10:00 */
export function beijingDateTime(d: Date): string {
  const p = parts(d);
  return `${p.y}-${p.m}-${p.d} ${p.hh}:${p.mm}`;
}

/** 2026-11-25 */
export function beijingDate(d: Date): string {
  const p = parts(d);
  return `${p.y}-${p.m}-${p.d}`;
}

/** Midnight Beijing time of a `YYYY-MM-DD` date, or undefined. */
export function parseBeijingDate(text: string | undefined): Date | undefined {
  if (!text || !/^\d{4}-\d{2}-\d{2}$/.test(text)) return undefined;
  const d = new Date(`${text}T00:00:00+08:00`);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

function span(ms: number): string {
  const minutes = Math.max(1, Math.round(ms / 60_000));
  if (minutes < 60) return `${minutes} 分钟`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} 小时${minutes % 60 ? ` ${minutes % 60} 分` : ''}`;
  return `${Math.floor(hours / 24)} 天 ${hours % 24} 小时`;
}

export type DeadlineTone = 'overdue' | 'soon' | 'ok' | 'done';

/** "剩余 3 小时 20 分" / "已超时 1 小时"; `soon` within two hours of the deadline. */
export function countdown(due: Date, now: Date): { text: string; tone: DeadlineTone } {
  const left = due.getTime() - now.getTime();
  if (left <= 0) return { text: `已超时 ${span(-left)}`, tone: 'overdue' };
  return { text: `剩余 ${span(left)}`, tone: left <= 2 * 3_600_000 ? 'soon' : 'ok' };
}

/** "5 分钟前" for the timeline. */
export function ago(at: Date, now: Date): string {
  const ms = now.getTime() - at.getTime();
  return ms < 60_000 ? '刚刚' : `${span(ms)}前`;
}
