import { parseInstant } from '../time';
import { formatNumber } from './format';
import type { Ruleset } from './ruleset';
import type { Assessment, ItemCode, Text } from './types';

// Situations that build up: their event date says when they began, not when they became reportable.
const BUILDING_UP: ReadonlySet<ItemCode> = new Set(['M04', 'M05', 'M07', 'M09', 'M10']);

const HOUR_MS = 3_600_000;

/**
 * Seed §10 迟报: the report came more than the grace period after the event. A bare event date counts from
 * the end of that day (Changchun time): we do not know the hour, and accountability must not assume the worst.
 */
export function detectLate(
  eventAt: unknown,
  reportedAt: unknown,
  ruleset: Ruleset,
  items: readonly ItemCode[] = [],
): Assessment['late'] {
  const late = detectDelay(eventAt, reportedAt, ruleset);
  if (!ruleset.late.suggestionOnly) return late;
  // 2026.2: never automatic. A suggestion (疑似迟报) with its reason, for the officer to confirm or dismiss.
  if (!late.isLate || late.reason === null) return { ...late, suggestionOnly: true };
  const buildsUp = items.some((item) => BUILDING_UP.has(item));
  const caveat: Text = buildsUp
    ? {
        zh: '欠薪、停工、离职、舆情等逐步形成的情形，事发时间是开始时间，不一定是达到报告情形的时间，请核实。',
        en: 'For a situation that builds up (arrears, stoppage, departures, public opinion) the event date is when it began, not necessarily when it became reportable: please check.',
      }
    : { zh: '请核实后确认或排除。', en: 'Please check, then confirm or dismiss.' };
  return {
    ...late,
    suggestionOnly: true,
    reason: { zh: `疑似迟报：${late.reason.zh}${caveat.zh}`, en: `Possibly late: ${late.reason.en} ${caveat.en}` },
  };
}

function detectDelay(eventAt: unknown, reportedAt: unknown, ruleset: Ruleset): Assessment['late'] {
  const grace = ruleset.late.graceHours;
  if (eventAt === undefined || eventAt === null || eventAt === '') {
    return {
      isLate: false,
      delayHours: null,
      reason: { zh: '未提供事发时间，无法判断是否迟报。', en: 'No event time given, so lateness cannot be judged.' },
    };
  }
  const event = parseInstant(eventAt, 'end');
  const eventStart = parseInstant(eventAt, 'start');
  const reported = parseInstant(reportedAt);
  if (event === null || reported === null) {
    return {
      isLate: false,
      delayHours: null,
      reason: {
        zh: `${event === null ? '事发时间' : '报送时间'}无法识别，无法判断是否迟报。`,
        en: `The ${event === null ? 'event' : 'report'} time is not a valid date, so lateness cannot be judged.`,
      },
    };
  }
  if (eventStart === null || reported < eventStart) {
    return {
      isLate: false,
      delayHours: 0,
      reason: {
        zh: '事发时间晚于报送时间，请核实事发时间。',
        en: 'The event time is after the report time; please check it.',
      },
    };
  }
  // A same-day report against a bare date is on time: zero delay.
  const delayMs = Math.max(0, reported - event);
  const delayHours = Math.round((delayMs / HOUR_MS) * 10) / 10;
  const hours = formatNumber(delayHours);
  if (delayMs > grace * HOUR_MS) {
    return {
      isLate: true,
      delayHours,
      reason: {
        zh: `事发后 ${hours} 小时才报告，超过 ${formatNumber(grace)} 小时${ruleset.late.suggestionOnly ? '。' : '，属于迟报。'}`,
        en: `Reported ${hours} hours after the event, more than ${formatNumber(grace)} hours${ruleset.late.suggestionOnly ? '.' : ': a late report.'}`,
      },
    };
  }
  return {
    isLate: false,
    delayHours,
    reason: {
      zh: `事发后 ${hours} 小时内报告，未超过 ${formatNumber(grace)} 小时。`,
      en: `Reported within ${hours} hours of the event, inside ${formatNumber(grace)} hours.`,
    },
  };
}
