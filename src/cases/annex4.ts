// Annex 4 (长春市劳动关系风险监测预警信息情况表, seed §8): the fields, their validation, and the first draft
// an officer edits — prefilled from the employer's Annex 3 answers and the rules' assessment.
import type { Account } from '../../db/repo/accounts';
import type { Jurisdiction } from '../../db/repo/jurisdictions';
import type { ReportRow } from '../../db/repo/reports';
import { displayValue, fieldById, type IntakeCtx } from '../intake/index';
import type { Assessment } from '../rules/index';
import { beijingDate, beijingDateTime } from '../time';
import * as z from '../zod';
import { itemNames, LEVEL_ZH, plainReason, SEVERITY_ZH } from './labels';
import type { LevelAdvice } from './warning-level';

const text = (max: number) => z.string().check(z.trim(), z.maxLength(max, `不能超过 ${max} 个字符`));

export const annex4Schema = z.object({
  reportingUnit: text(200),
  filledAt: z.string().check(z.refine(isRealDate, '请填写 2000 年以后的真实日期，如 2026-11-25')),
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

/** The rows of the annex's 项目/内容 table, in the printed order, with the form's labels. */
export const ANNEX4_ROWS: readonly { key: Annex4Key; label: string; long: boolean }[] = [
  { key: 'title', label: '信息名称', long: false },
  { key: 'level', label: '预警级别', long: false },
  { key: 'basicSituation', label: '基本情况（时间、地点、事情经过及影响）', long: true },
  { key: 'causeAnalysis', label: '原因分析', long: true },
  { key: 'trend', label: '发展趋势', long: true },
  { key: 'measures', label: '已采取措施及成效', long: true },
  { key: 'nextSteps', label: '下一步工作安排', long: true },
  { key: 'remarks', label: '备注', long: true },
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

export const ANNEX4_LABELS: Record<Annex4Key, string> = {
  reportingUnit: '报告单位',
  filledAt: '填报时间',
  title: '信息名称',
  level: '预警级别',
  levelNote: '预警级别依据',
  basicSituation: '基本情况（时间、地点、事情经过及影响）',
  causeAnalysis: '原因分析',
  trend: '发展趋势',
  measures: '已采取措施及成效',
  nextSteps: '下一步工作安排',
  remarks: '备注',
  headOfOffice: '处（室）负责人',
  filledBy: '填报人',
  contactPhone: '联系电话',
};

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
  return `${report.unitName}${itemNames(report.items).join('、')}`;
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
  const a = report.answers as Record<string, unknown>;
  const assessment = assessmentOf(report);
  const shown = (id: string) => {
    const field = fieldById(id);
    return field && a[id] !== undefined ? displayValue(field, a[id], 'zh', ctx) : '';
  };

  const when = report.eventAt ? beijingDateTime(report.eventAt) : shown('event_at') || '时间不详';
  const place = shown('m09_place') || shown('address') || '地点不详';
  const facts = (assessment?.findings ?? []).flatMap((f) => {
    const lines = Object.keys(f.facts)
      .map((id) => {
        const field = fieldById(id);
        return field && a[id] !== undefined ? `${field.label.zh}：${displayValue(field, a[id], 'zh', ctx)}` : '';
      })
      .filter(Boolean);
    return lines.length ? [`${itemNames([f.item]).join('')}：${lines.join('；')}。`] : [];
  });
  // The employer writes "我公司"; the annex speaks about the unit by name.
  const details = ownWords(str(a.details) || '（未填写详情）', report.unitName);
  const basic = [
    `${when}，${report.unitName}（${place}）${report.channel === 'officer' ? '经走访摸排发现' : '报告'}：${details}`,
    `涉及监测事项：${itemNames(report.items).join('、')}。`,
    ...facts,
    report.peopleInvolved ? `涉及约 ${report.peopleInvolved} 人。` : '',
    assessment
      ? `影响：严重程度${SEVERITY_ZH[assessment.severity.level]}，${plainReason(assessment.severity.reason.zh)}`
      : '',
  ].filter(Boolean);

  // The rules know facts, not causes or prospects: only what the report itself says goes in, the rest is
  // left for the officer to write.
  const status = str(a.business_status);
  const cause = status && status !== 'normal' ? [`用人单位自报经营状况：${shown('business_status')}。`] : [];
  const trend = [
    ...(report.urgency === 'immediate' ? (assessment?.urgency.reasons ?? []).map((r) => plainReason(r.zh)) : []),
    report.groupIncident ? '已经或可能发生群体性事件，需持续跟踪。' : '',
  ].filter(Boolean);

  const how = report.channel === 'officer' ? '工作人员录入' : '用人单位网上速报';
  const remarks = [
    `回执号 ${report.receipt}，${beijingDateTime(report.submittedAt)} ${how}。`,
    report.late && report.eventAt
      ? `迟报：事发于 ${beijingDateTime(report.eventAt)}，超过 24 小时后才报告。`
      : report.late
        ? '迟报：超过 24 小时后才报告。'
        : '',
    report.unreported ? '用人单位未主动报告（漏报）。' : '',
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
    nextSteps: '继续跟踪，指导用人单位依法处置，及时报告进展。',
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
