// The request to the province (提请) for a level-2 or level-3 warning (seed §3: level 2 is decided by the
// province, level 3 by the national conference): the figures of the window, the criteria table and the city
// office's reasons, laid out as a 请示.

import type { LevelMetrics, LevelSuggestion } from '../rules/index';
import { beijingDate } from '../time';
import { criteriaRows } from './criteria';
import { body, chineseDate, docNumber, govDocx, heading, OFFICE, plain, signature, table, title } from './gov-docx';

const LEVEL = ['', '一级', '二级', '三级'] as const;

export interface RequestInput {
  level: 2 | 3;
  reason: string;
  decidedAt: Date;
  suggestion: Pick<LevelSuggestion, 'criteria' | 'metrics' | 'rulesetVersion' | 'level'>;
  windowDays: number;
}

export function requestTitle(level: 2 | 3): string {
  return `关于提请发布长春市劳动关系风险${LEVEL[level]}预警的请示`;
}

function figures(m: LevelMetrics, days: number): string {
  return (
    `近 ${days} 天全市未销号劳动关系风险案件涉及用人单位 ${m.employers} 家、行业门类 ${m.industries} 个、` +
    `县（市）区和开发区 ${m.districts} 个，涉及 ${m.people} 人，已经或可能发生群体性事件、集体停工的案件 ` +
    `${m.groupIncidents} 起；本期案件 ${m.trend.current} 起，上一期 ${m.trend.previous ?? '无数据'}${m.trend.previous === null ? '' : ' 起'}。`
  );
}

export function requestDocx(r: RequestInput): Promise<Uint8Array> {
  const date = beijingDate(r.decidedAt);
  const year = date.slice(0, 4);
  const addressee =
    r.level === 2
      ? '吉林省协调劳动关系三方委员会办公室：'
      : '吉林省协调劳动关系三方委员会办公室（并请转报国家协调劳动关系三方会议）：';
  const rows = criteriaRows({ ...r.suggestion, reasons: [] }).map((c) => [
    c.standard,
    c.current,
    c.met ? '满足' : '不满足',
  ]);
  return govDocx(requestTitle(r.level), [
    docNumber(`长劳三方办〔${year}〕    号`),
    title(requestTitle(r.level)),
    plain(addressee),
    ...body(
      `根据《长春市劳动关系风险监测预警工作实施方案》劳动关系领域风险分级预警制度，经监测研判，${OFFICE}认为本市劳动关系风险已达到${LEVEL[r.level]}预警情形，现将有关情况报告如下，提请发布${LEVEL[r.level]}预警。`,
    ),
    heading('一、监测情况'),
    ...body(figures(r.suggestion.metrics, r.windowDays)),
    heading('二、对照预警标准'),
    table(['标准', '本期', '是否满足'], rows),
    heading('三、研判意见和理由'),
    ...body(r.reason),
    ...body('妥否，请批示。'),
    ...signature(chineseDate(date)),
  ]);
}
