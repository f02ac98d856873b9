// Annex 4 (长春市劳动关系风险监测预警信息情况表, seed §8): the fields, their validation, and the first draft
// an officer edits — prefilled from the employer's Annex 3 answers and the rules' assessment.
import type { Account } from '../../db/repo/accounts';
import type { Jurisdiction } from '../../db/repo/jurisdictions';
import type { ReportRow } from '../../db/repo/reports';
import { displayValue, fieldById, type IntakeCtx } from '../intake/index';
import { officerText } from '../messages/officer';
import type { Assessment } from '../rules/index';
import { beijingDate, beijingDateTime } from '../time';
import * as z from '../zod';
import { itemNames, LEVEL_ZH, plainReason, SEVERITY_ZH } from './labels';
import type { LevelAdvice } from './warning-level';

const checks = officerText('annex4Checks');
const text = (max: number) => z.string().check(z.trim(), z.maxLength(max, checks.tooLong(max)));

export const annex4Schema = z.object({
  reportingUnit: text(200),
  filledAt: z.string().check(z.refine(isRealDate, checks.realDate)),
  title: text(200),
  level: z.enum(['0', '1', '2', '3']),
  levelNote: text(2000),
  basicSituation: text(4000),
  causeAnalysis: text(4000),
  trend: text(2000),
  measures: text(4000),
  nextSteps: text(2000),
  remarks: text(2000),
  headOfOffice: text(100),
  filledBy: text(100),
  contactPhone: text(50),
});

export type Annex4Data = z.infer<typeof annex4Schema>;

/** 'YYYY-MM-DD' naming a day that exists (no 2 月 30 日), from 2000 on. */
export function isRealDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const day = new Date(Date.UTC(y, mo - 1, d));
  return y >= 2000 && day.getUTCFullYear() === y && day.getUTCMonth() === mo - 1 && day.getUTCDate() === d;
}
export type Annex4Key = keyof Annex4Data;

/** The form's and the printed annex's label of each field. */
export const ANNEX4_LABELS: Record<Annex4Key, string> = officerText('annex4Fields');

/** The rows of the annex's 项目/内容 table, in the printed order, with the form's labels. */
export const ANNEX4_ROWS: readonly { key: Annex4Key; label: string; long: boolean }[] = [
  { key: 'title', label: ANNEX4_LABELS.title, long: false },
  { key: 'level', label: ANNEX4_LABELS.level, long: false },
  { key: 'basicSituation', label: ANNEX4_LABELS.basicSituation, long: true },
  { key: 'causeAnalysis', label: ANNEX4_LABELS.causeAnalysis, long: true },
  { key: 'trend', label: ANNEX4_LABELS.trend, long: true },
  { key: 'measures', label: ANNEX4_LABELS.measures, long: true },
  { key: 'nextSteps', label: ANNEX4_LABELS.nextSteps, long: true },
  { key: 'remarks', label: ANNEX4_LABELS.remarks, long: true },
];

/** Fields submitting requires (a draft may be incomplete). */
export const REQUIRED_TO_SUBMIT: readonly Annex4Key[] = [
  'reportingUnit',
  'filledAt',
  'title',
  'basicSituation',
  'measures',
  'filledBy',
  'contactPhone',
];

/** The 预警级别 cell as printed: the level, then the reasons it rests on. */
export function levelText(data: Pick<Annex4Data, 'level' | 'levelNote'>): string {
  const name = LEVEL_ZH[Number(data.level)] ?? '';
  return data.levelNote ? `${name}\n${data.levelNote}` : name;
}

const annex4PartialSchema = z.partial(annex4Schema);

/** Stored data read back leniently (a form saved by an older version may lack newer fields). */
export function readAnnex4(stored: unknown): Annex4Data | undefined {
  const parsed = annex4PartialSchema.safeParse(stored);
  if (!parsed.success) return undefined;
  return { ...EMPTY, ...parsed.data };
}

const EMPTY: Annex4Data = {
  reportingUnit: '',
  filledAt: '',
  title: '',
  level: '0',
  levelNote: '',
  basicSituation: '',
  causeAnalysis: '',
  trend: '',
  measures: '',
  nextSteps: '',
  remarks: '',
  headOfOffice: '',
  filledBy: '',
  contactPhone: '',
};

const str = (v: unknown) => (typeof v === 'string' ? v : '');

export function assessmentOf(report: Pick<ReportRow, 'assessment'>): Assessment | undefined {
  const a = report.assessment as Partial<Assessment> | null;
  return a && Array.isArray(a.findings) && a.severity && a.urgency ? (a as Assessment) : undefined;
}

/** "长春市示例机械制造有限公司拖欠工资" */
export function annex4Title(report: Pick<ReportRow, 'unitName' | 'items'>): string {
  return `${report.unitName}${itemNames(report.items).join(officerText('annex4Draft').list)}`;
}

export interface PrefillInput {
  report: ReportRow;
  jurisdiction: Jurisdiction | null;
  officer: Pick<Account, 'displayName' | 'phone'>;
  advice: LevelAdvice;
  ctx: IntakeCtx;
  now: Date;
}

export function prefillAnnex4({ report, jurisdiction, officer, advice, ctx, now }: PrefillInput): Annex4Data {
  const t = officerText('annex4Draft');
  const a = report.answers as Record<string, unknown>;
  const assessment = assessmentOf(report);
  const shown = (id: string) => {
    const field = fieldById(id);
    return field && a[id] !== undefined ? displayValue(field, a[id], 'zh', ctx) : '';
  };

  const when = report.eventAt ? beijingDateTime(report.eventAt) : shown('event_at') || t.timeUnknown;
  const place = shown('m09_place') || shown('address') || t.placeUnknown;
  const facts = (assessment?.findings ?? []).flatMap((f) => {
    const lines = Object.keys(f.facts)
      .map((id) => {
        const field = fieldById(id);
        return field && a[id] !== undefined ? t.fact(field.label.zh, displayValue(field, a[id], 'zh', ctx)) : '';
      })
      .filter(Boolean);
    return lines.length ? [t.itemFacts(itemNames([f.item]).join(''), lines.join(t.clause))] : [];
  });
  // The employer writes "我公司"; the annex speaks about the unit by name.
  const details = ownWords(str(a.details) || t.noDetails, report.unitName);
  const basic = [
    t.what(when, report.unitName, place, report.channel === 'officer' ? t.foundByOfficer : t.reportedByUnit, details),
    t.items(itemNames(report.items).join(t.list)),
    ...facts,
    report.peopleInvolved ? t.people(report.peopleInvolved) : '',
    assessment ? t.impact(SEVERITY_ZH[assessment.severity.level], plainReason(assessment.severity.reason.zh)) : '',
  ].filter(Boolean);

  // The rules know facts, not causes or prospects: only what the report itself says goes in, the rest is
  // left for the officer to write.
  const status = str(a.business_status);
  const cause = status && status !== 'normal' ? [t.businessStatus(shown('business_status'))] : [];
  const trend = [
    ...(report.urgency === 'immediate' ? (assessment?.urgency.reasons ?? []).map((r) => plainReason(r.zh)) : []),
    report.groupIncident ? t.groupIncident : '',
  ].filter(Boolean);

  const how = report.channel === 'officer' ? t.enteredByOfficer : t.reportedOnline;
  const remarks = [
    t.receipt(report.receipt, beijingDateTime(report.submittedAt), how),
    report.late && report.eventAt ? t.lateSince(beijingDateTime(report.eventAt)) : report.late ? t.late : '',
    report.unreported ? t.unreported : '',
  ].filter(Boolean);

  return {
    reportingUnit: jurisdiction?.receivingDeptName ?? '',
    filledAt: beijingDate(now),
    title: annex4Title(report),
    level: String(advice.level) as Annex4Data['level'],
    levelNote: advice.reasons.map(plainReason).join('\n'),
    basicSituation: basic.join('\n'),
    causeAnalysis: cause.join('\n'),
    trend: trend.join('\n'),
    measures: str(a.measures),
    nextSteps: t.nextSteps,
    remarks: remarks.join('\n'),
    headOfOffice: '',
    filledBy: officer.displayName,
    contactPhone: officer.phone ?? jurisdiction?.receivingDeptPhone ?? '',
  };
}

const SELF_REFERENCES = /我公司|本公司|我单位|本单位|我司|本司/g;

/** The employer's own words with "我公司" (and the like) turned into the unit's name. */
export function ownWords(text: string, unitName: string): string {
  return text.replace(SELF_REFERENCES, unitName);
}

/** Labels of required fields left empty, for the submit error. */
export function missingForSubmit(data: Annex4Data): string[] {
  return REQUIRED_TO_SUBMIT.filter((k) => data[k].trim() === '').map((k) => ANNEX4_LABELS[k]);
}
