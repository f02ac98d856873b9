// Durations as officers read them: a countdown to a deadline computed on the server from the injected clock
// (the page needs no script to show it) and "how long ago". Wall-clock times are in src/time.ts.

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
