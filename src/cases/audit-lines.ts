// Views and exports are recorded one by one (an audit needs each), but an officer reading the case wants one
// line per person per day: "张伟 查阅 5 次（09:12–16:40）".
import { beijingDate, beijingDateTime } from '../time';

export interface AuditEvent {
  at: Date;
  type: string;
  actorId: string | null;
  actorName: string | null;
  data: unknown;
}

export interface AuditLine {
  day: string;
  who: string;
  type: string;
  /** 'annex4_docx' for the DOCX export, otherwise undefined. */
  what: string | undefined;
  count: number;
  first: Date;
  last: Date;
}

const whatOf = (data: unknown): string | undefined => {
  const v = data && typeof data === 'object' ? (data as Record<string, unknown>).what : undefined;
  return typeof v === 'string' ? v : undefined;
};

/** Folds events (oldest first) into lines per Beijing day, person, kind and thing; newest line first. */
export function foldAuditEvents(events: readonly AuditEvent[]): AuditLine[] {
  const lines = new Map<string, AuditLine>();
  for (const e of events) {
    const day = beijingDate(e.at);
    const what = whatOf(e.data);
    const key = [day, e.actorId ?? '-', e.type, what ?? ''].join('|');
    const line = lines.get(key);
    if (line) {
      line.count += 1;
      if (e.at < line.first) line.first = e.at;
      if (e.at > line.last) line.last = e.at;
    } else {
      lines.set(key, { day, who: e.actorName ?? '工作人员', type: e.type, what, count: 1, first: e.at, last: e.at });
    }
  }
  return [...lines.values()].sort((a, b) => b.last.getTime() - a.last.getTime());
}

/** "09:12" of a Beijing date-time. */
export const clockTime = (d: Date) => beijingDateTime(d).slice(-5);
