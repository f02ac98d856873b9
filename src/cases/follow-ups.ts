// Follow-up reports (续报) on a case, as officers read them on the case's timeline and in its Annex 4 DOCX
// (seed §8: the district keeps reporting the situation after Annex 4). One sentence per follow-up, saying
// when it came, its receipt, the channel, whether it was urgent, its items, and whether it came after Annex 4.
import type { CaseEvent } from '../../db/repo/cases';
import type { ReportRow } from '../../db/repo/reports';
import { beijingDateTime } from '../time';
import { CHANNEL_ZH, itemNames } from './labels';

export interface FollowUp {
  id: string;
  receipt: string;
  channel: ReportRow['channel'];
  submittedAt: Date;
  urgency: ReportRow['urgency'];
  items: ReportRow['items'];
}

/** "续报（回执号 …，网页表单，紧急）：拖欠工资 — 附件4报送后" (the timeline shows its time beside it). */
function followUpFacts(f: FollowUp, annex4SubmittedAt: Date | null): string {
  const facts = [`回执号 ${f.receipt}`, CHANNEL_ZH[f.channel], ...(f.urgency === 'immediate' ? ['紧急'] : [])];
  const items = itemNames(f.items).join('、');
  const after = annex4SubmittedAt && f.submittedAt.getTime() > annex4SubmittedAt.getTime() ? ' — 附件4报送后' : '';
  return `续报（${facts.join('，')}）${items ? `：${items}` : ''}${after}`;
}

/** The follow-up as one line of the Annex 4 DOCX: its time, then its facts. */
export function followUpSentence(f: FollowUp, annex4SubmittedAt: Date | null): string {
  return `${beijingDateTime(f.submittedAt)} ${followUpFacts(f, annex4SubmittedAt)}`;
}

/** The case's events with its follow-ups placed among them by time, as 'follow_up' events of the reporter. */
export function withFollowUps(events: CaseEvent[], followUps: FollowUp[]): CaseEvent[] {
  const annex4At = events.find((e) => e.type === 'annex4_submitted')?.at ?? null;
  const lines: CaseEvent[] = followUps.map((f, i) => ({
    id: -1 - i,
    at: f.submittedAt,
    actorType: 'reporter',
    actorId: null,
    actorName: null,
    type: 'follow_up',
    data: { text: followUpFacts(f, annex4At), reportId: f.id },
  }));
  // By time; at the same moment the case's own events come first (a follow-up never precedes the report).
  const rank = (e: CaseEvent) => (e.type === 'follow_up' ? 1 : 0);
  return [...events, ...lines].sort((a, b) => a.at.getTime() - b.at.getTime() || rank(a) - rank(b) || a.id - b.id);
}
