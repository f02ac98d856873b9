import { describe, expect, it } from 'vitest';
import { assess } from '../rules/index';
import { type Effect, type Input, type IntakeState, type Reply, start, step } from './engine';
import type { IntakeCtx, RawAnswer } from './fields';

const ctx: IntakeCtx = {
  jurisdictions: [
    { id: '220102', name: { zh: '南关区', en: 'Nanguan District' } },
    { id: '220171', name: { zh: '长春经济技术开发区', en: 'Changchun Economic and Technological Development Zone' } },
  ],
};
// 14:00 in Changchun.
const now = new Date('2026-03-15T06:00:00Z');

type Script = Record<string, RawAnswer | Input>;

const EMPLOYER: Script = {
  unit_name: '长春某某汽车零部件有限公司',
  uscc: '91110108551385082Q',
  legal_rep: '张三',
  business_status: '经营困难',
  headcount: '1,200',
  district: '南关区',
  address: '长春市南关区人民大街1号',
  industry: 'C',
  reporter_name: '李四',
  reporter_phone: '+86 138 0013 8000',
  collective_action: '没有',
  event_at: '昨天',
  details: '三月工资未发放，职工聚集在厂区。',
  measures: { type: 'skip' },
};

interface Run {
  state: IntakeState;
  reply: Reply;
  effects: Effect[];
  asked: string[];
}

const toInput = (a: RawAnswer | Input): Input =>
  typeof a === 'object' && !Array.isArray(a) ? a : { type: 'answer', value: a };

/** Answers whatever is asked from the script until review; fails on an unscripted question or an error. */
function fill(run: Pick<Run, 'state' | 'reply'>, script: Script): Run {
  let { state, reply } = run;
  let effects: Effect[] = [];
  const asked: string[] = [];
  for (let guard = 0; state.current !== 'review' && guard < 100; guard++) {
    const answer = script[state.current];
    if (answer === undefined) throw new Error(`unscripted question ${state.current}`);
    asked.push(state.current);
    ({ state, reply, effects } = step(state, toInput(answer), now, ctx));
    if (reply.error) throw new Error(`${asked.at(-1)}: ${reply.error}`);
  }
  return { state, reply, effects, asked };
}

const begin = (locale: 'zh' | 'en' = 'zh', preset?: Record<string, unknown>) => start({ locale, now, ctx, preset });
const send = (r: Pick<Run, 'state'>, input: Input | RawAnswer) => step(r.state, toInput(input), now, ctx);
const submitted = (effects: Effect[]) => {
  const e = effects[0];
  if (e?.type !== 'submit') throw new Error('expected a submit effect');
  return e.report;
};

describe('M05 wage arrears, start to submit', () => {
  const M05: Script = {
    ...EMPLOYER,
    items: '5',
    m05_employees_owed: '１２０人',
    m05_amount_owed: '120,000.50',
    m05_months_in_arrears: '2',
    m05_payment_plan_date: { type: 'skip' },
  };

  it('asks Annex 3 in order, then the item follow-ups, then reviews and submits', () => {
    const first = begin();
    expect(first.reply).toMatchObject({ kind: 'question', field: { id: 'unit_name', kind: 'text', required: true } });
    expect(first.reply.canBack).toBe(false);
    const r = fill(first, M05);
    expect(r.asked).toEqual([
      'unit_name',
      'uscc',
      'legal_rep',
      'business_status',
      'headcount',
      'district',
      'address',
      'industry',
      'reporter_name',
      'reporter_phone',
      'items',
      'm05_employees_owed',
      'm05_amount_owed',
      'm05_months_in_arrears',
      'm05_payment_plan_date',
      'collective_action',
      'event_at',
      'details',
      'measures',
    ]);
    expect(r.reply.kind).toBe('review');
    expect(r.reply.progress).toEqual({ answered: 19, total: 19 });
    const review = Object.fromEntries((r.reply.review ?? []).map((l) => [l.id, l.display]));
    expect(review).toMatchObject({
      business_status: '经营困难',
      headcount: '1,200',
      district: '南关区',
      reporter_phone: '13800138000',
      items: '拖欠工资',
      m05_amount_owed: '120,000.5 元',
      measures: '（已跳过）',
    });
    expect(r.reply.text).toContain('联系电话：13800138000');

    const done = send(r, { type: 'submit' });
    expect(done.reply.kind).toBe('submitted');
    expect(done.state.current).toBe('submitted');
    const report = submitted(done.effects);
    expect(report).toMatchObject({
      employer: {
        name: '长春某某汽车零部件有限公司',
        uscc: '91110108551385082Q',
        headcount: 1200,
        industry: 'C',
        district: '220102',
        legalRep: '张三',
        businessStatus: 'difficult',
      },
      reporter: { name: '李四', phone: '13800138000' },
      items: ['M05'],
      facts: { m05_employees_owed: 120, m05_amount_owed: 120000.5, m05_months_in_arrears: 2 },
      eventAt: '2026-03-14',
      reportedAt: now.toISOString(),
      locale: 'zh',
    });
    expect(report.facts).not.toHaveProperty('m05_payment_plan_date');
    expect(report.measures).toBeUndefined();
    // A resent submit (double click, redelivered update) answers the same and emits nothing.
    const again = send(done, { type: 'submit' });
    expect(again.effects).toEqual([]);
    expect(again.reply.kind).toBe('submitted');
  });

  it('speaks English when asked', () => {
    const r = begin('en');
    expect(r.reply.text).toContain('What is the employer');
    const bad = send(r, '');
    expect(bad.reply.error).toBe('This cannot be empty, please type an answer.');
  });
});

describe('M07 departures: invalid answers, back and skip', () => {
  it('re-asks the same question with what to fix, keeping earlier answers', () => {
    let r: Pick<Run, 'state' | 'reply'> = begin();
    for (const a of ['某某物流有限公司', '91110000600037341L', '王五', '2']) r = send(r, a);
    expect(r.state.current).toBe('headcount');
    const bad = send(r, '一千二百');
    expect(bad.state.current).toBe('headcount');
    expect(bad.reply.error).toContain('整数');
    expect(bad.reply.field?.id).toBe('headcount');
    expect(bad.state.answers).toEqual(r.state.answers);
    const zero = send(bad, '0');
    expect(zero.reply.error).toContain('1 到 1000000');
    const ok = send(zero, '１２００');
    expect(ok.state.answers.headcount).toBe(1200);
    expect(ok.state.answers.business_status).toBe('difficult');
  });

  it('goes back to the previous question showing the answer, then forward again', () => {
    const r = fill(begin(), {
      ...EMPLOYER,
      items: ['M07'],
      m07_departures_this_month: '60',
      m07_headcount: '1000',
    });
    const atReview = r.state;
    const b1 = send(r, { type: 'back' });
    expect(b1.state.current).toBe('measures');
    const b2 = send(b1, { type: 'back' });
    expect(b2.state.current).toBe('details');
    expect(b2.reply.field?.value).toBe(EMPLOYER.details);
    expect(b2.reply.canBack).toBe(true);
    const changed = send(b2, '改后的详情');
    // Everything after was answered already, so the next open question is the review.
    expect(changed.state.current).toBe('review');
    expect(changed.state.answers.details).toBe('改后的详情');
    expect({ ...changed.state.answers, details: EMPLOYER.details }).toEqual(atReview.answers);
  });

  it('skips optional questions only', () => {
    let r: Pick<Run, 'state' | 'reply'> = begin();
    const required = send(r, { type: 'skip' });
    expect(required.state.current).toBe('unit_name');
    expect(required.reply.error).toBe('此项为必填项，不能跳过。');
    r = send(r, '某某公司');
    expect(r.reply.canSkip).toBe(true);
    r = send(r, { type: 'skip' });
    expect(r.state.current).toBe('legal_rep');
    expect(r.state.skipped).toEqual(['uscc']);
  });

  it('cannot go back before the first question', () => {
    const r = send(begin(), { type: 'back' });
    expect(r.reply.error).toBe('已经是第一个问题了。');
    expect(r.state.current).toBe('unit_name');
  });

  it('submits an M07 report the rules can assess, without asking the headcount twice', () => {
    const r = fill(begin(), { ...EMPLOYER, headcount: '250人', items: 'M07', m07_departures_this_month: '30' });
    expect(r.asked).not.toContain('m07_headcount');
    const report = submitted(send(r, { type: 'submit' }).effects);
    expect(report).toMatchObject({
      items: ['M07'],
      employer: { headcount: 250 },
      facts: { m07_departures_this_month: 30 },
    });
    // 30 of 250 is 12 %: flagged.
    expect(assess(report).findings).toMatchObject([{ item: 'M07', outcome: 'flagged' }]);
  });
});

describe('M09 stoppage and a multi-item report', () => {
  const M09: Script = {
    m09_people_involved: '约80人',
    m09_place: '厂区正门',
    m09_started_at: '今天 8:30',
    m09_still_going: '是',
    m09_blocking_roads: '否',
  };

  it('walks M09 with a datetime fact and booleans', () => {
    const r = fill(begin(), { ...EMPLOYER, items: '停工、怠工、堵门堵路', ...M09, event_at: '2026-03-15 08:30' });
    const report = submitted(send(r, { type: 'submit' }).effects);
    expect(report.facts).toEqual({
      m09_people_involved: 80,
      m09_place: '厂区正门',
      m09_started_at: '2026-03-15T08:30:00+08:00',
      m09_still_going: true,
      m09_blocking_roads: false,
      collective_action: 'none',
    });
    expect(report.eventAt).toBe('2026-03-15T08:30:00+08:00');
  });

  it('rejects an event more than an hour ahead', () => {
    // 14:50 is within the hour of slack for clocks and typing.
    const r = fill(begin(), { ...EMPLOYER, items: 'M09', ...M09, event_at: '2026-03-15 14:50' }).state;
    expect(r.answers.event_at).toBe('2026-03-15T14:50:00+08:00');
    const back = send({ state: r }, { type: 'edit', field: 'event_at' });
    const late = send(back, '2026-03-15 15:01');
    expect(late.reply.error).toContain('不能晚于现在');
    expect(send(back, '明天').reply.error).toBeDefined();
  });

  it('asks the follow-ups of every chosen item, and editing items re-derives them', () => {
    const r = fill(begin(), {
      ...EMPLOYER,
      items: 'M05, M09',
      m05_employees_owed: '120',
      m05_amount_owed: '12.5万',
      m05_months_in_arrears: '1',
      m05_payment_plan_date: '2026-04-30',
      ...M09,
    });
    expect(r.asked.filter((id) => /^m\d\d_/.test(id))).toEqual([
      'm05_employees_owed',
      'm05_amount_owed',
      'm05_months_in_arrears',
      'm05_payment_plan_date',
      'm09_people_involved',
      'm09_place',
      'm09_started_at',
      'm09_still_going',
      'm09_blocking_roads',
    ]);
    // Review → edit items: drop M05, add M10. Only the new follow-ups are asked before returning to review.
    const edit = send(r, { type: 'edit', field: 'items' });
    expect(edit.state).toMatchObject({ current: 'items', returnTo: 'review' });
    expect(edit.reply.field).toMatchObject({ kind: 'multi', selected: ['M05', 'M09'], value: ['M05', 'M09'] });
    const after = fill(send(edit, ['M09', 'M10']), {
      m10_platform: '1',
      m10_link: 'https://weibo.com/123',
      m10_first_seen: '今天',
      m10_reach: '1',
    });
    expect(after.asked).toEqual(['m10_platform', 'm10_link', 'm10_first_seen', 'm10_reach']);
    const report = submitted(send(after, { type: 'submit' }).effects);
    expect(report.items).toEqual(['M09', 'M10']);
    expect(Object.keys(report.facts).some((k) => k.startsWith('m05_'))).toBe(false);
    expect(report.facts.m10_link).toBe('https://weibo.com/123');
    // The hidden M05 answers are kept in the draft, so re-adding M05 would not ask them again.
    expect(after.state.answers.m05_amount_owed).toBe(125000);
  });

  it('builds a multi-choice selection with toggle and commits it with confirm', () => {
    let r: Pick<Run, 'state' | 'reply'> = fill(begin(), { ...EMPLOYER, items: { type: 'review' } });
    r = send(r, { type: 'edit', field: 'items' });
    for (const v of ['M05', 'M09', 'M05']) r = send(r, { type: 'toggle', value: v });
    expect(r.state.current).toBe('items');
    expect(r.reply.field?.selected).toEqual(['M09']);
    expect(send(r, { type: 'toggle', value: 'M99' }).reply.error).toBeDefined();
    r = send(r, { type: 'confirm' });
    expect(r.state.answers.items).toEqual(['M09']);
    expect(r.state.current).toBe('m09_people_involved');
  });

  it('toggles several options at once (a chat answering "1 3"), in table order, committed by confirm', () => {
    let r: Pick<Run, 'state' | 'reply'> = fill(begin(), { ...EMPLOYER, items: { type: 'review' } });
    r = send(r, { type: 'edit', field: 'items' });
    r = send(r, { type: 'toggleMany', values: ['M09', 'M05'] });
    expect(r.reply.field?.selected).toEqual(['M05', 'M09']);
    r = send(r, { type: 'toggleMany', values: ['M09'] });
    expect(r.reply.field?.selected).toEqual(['M05']);
    const unknown = send(r, { type: 'toggleMany', values: ['M05', 'M99'] });
    expect(unknown.reply.error).toBeDefined();
    expect(unknown.state.selection?.values).toEqual(['M05']);
    r = send(r, { type: 'confirm' });
    expect(r.state.answers.items).toEqual(['M05']);
  });
});

describe('review, edit, submit and cancel', () => {
  it('edits one answer from review and returns there', () => {
    const r = fill(begin(), { ...EMPLOYER, items: 'M07', m07_departures_this_month: '40', m07_headcount: '400' });
    const edit = send(r, { type: 'edit', field: '联系电话' });
    expect(edit.state.current).toBe('reporter_phone');
    expect(edit.reply.field?.value).toBe('13800138000');
    const bad = send(edit, '12345');
    expect(bad.reply.error).toContain('手机号码');
    expect(bad.state.returnTo).toBe('review');
    const good = send(bad, '0431-8888 6666');
    expect(good.state.current).toBe('review');
    expect(good.state.answers.reporter_phone).toBe('0431-88886666');
    // Back during an edit abandons it.
    const abandon = send(send(good, { type: 'edit', field: '1' }), { type: 'back' });
    expect(abandon.state.current).toBe('review');
    expect(abandon.state.answers.unit_name).toBe(EMPLOYER.unit_name);
  });

  it('refuses submit away from review, and points at the first missing field', () => {
    let r: Pick<Run, 'state' | 'reply'> = begin();
    r = send(r, '某某公司');
    const early = send(r, { type: 'submit' });
    expect(early.effects).toEqual([]);
    expect(early.reply.error).toBeDefined();
    const review = send(r, { type: 'review' });
    expect(review.reply.kind).toBe('review');
    expect(review.reply.review?.find((l) => l.id === 'legal_rep')?.display).toBe('（必填，未填写）');
    const missing = send(review, { type: 'submit' });
    expect(missing.effects).toEqual([]);
    expect(missing.state).toMatchObject({ current: 'legal_rep', returnTo: 'review' });
    expect(missing.reply.error).toBe('请先填写“法定代表人”。');
  });

  it('cancels, and ignores input afterwards', () => {
    const r = send(send(begin(), '某某公司'), { type: 'cancel' });
    expect(r.effects).toEqual([{ type: 'cancelled' }]);
    expect(r.reply.kind).toBe('cancelled');
    const after = send(r, '继续');
    expect(after.effects).toEqual([]);
    expect(after.state).toEqual(r.state);
  });

  it('answers help without changing state', () => {
    const r = send(send(begin(), '某某公司'), { type: 'help' });
    expect(r.reply.kind).toBe('help');
    expect(r.reply.text).toContain('营业执照');
    expect(r.reply.field?.id).toBe('uscc');
    expect(r.state.current).toBe('uscc');
  });
});

describe('USCC warning and hostile input', () => {
  it('warns on a wrong check character and accepts it on confirm', () => {
    const r = send(begin(), '某某公司');
    const warned = send(r, '91110000600037341a');
    expect(warned.state.current).toBe('uscc');
    expect(warned.reply.warning).toContain('校验位');
    expect(warned.reply.warning).not.toContain('回复');
    expect(warned.reply.chatHint).toContain('回复“确认”');
    expect(warned.state.answers.uscc).toBeUndefined();
    const confirmed = send(warned, { type: 'confirm' });
    expect(confirmed.state.answers.uscc).toBe('91110000600037341A');
    expect(confirmed.state.current).toBe('legal_rep');
    // Or a corrected code replaces the pending one.
    const fixed = send(warned, '91110000600037341L');
    expect(fixed.state.answers.uscc).toBe('91110000600037341L');
    expect(fixed.state.pendingWarning).toBeUndefined();
    expect(send(r, { type: 'confirm' }).reply.error).toBeDefined();
  });

  it('rejects a 10,000-character answer with a clear error, not a crash', () => {
    const r = fill(begin(), {
      ...EMPLOYER,
      items: 'M11',
      m11_description: '说明',
      m11_people_involved: '5',
      details: { type: 'review' },
    });
    const at = send(r, { type: 'edit', field: 'details' });
    const long = send(at, 'x'.repeat(10_000));
    expect(long.state.current).toBe('details');
    expect(long.reply.error).toContain('2000');
    const name = send(begin(), '公'.repeat(10_000));
    expect(name.reply.error).toContain('200');
  });

  it('strips control characters and stores markup as plain text', () => {
    const r = send(begin(), '\u0000<script>alert(1)</script>\u202E 公司\u0007');
    expect(r.state.answers.unit_name).toBe('<script>alert(1)</script> 公司');
    expect(JSON.parse(JSON.stringify(r.reply))).toEqual(r.reply);
  });

  it('tolerates wrong answer shapes', () => {
    const r = send(begin(), ['a', 'b']);
    expect(r.reply.error).toBeDefined();
    expect(r.state.current).toBe('unit_name');
  });
});

describe('presets', () => {
  it('skips preset questions and ignores invalid presets', () => {
    const r = begin('zh', { district: '220171', headcount: 'many', unknown: 'x' });
    expect(r.state.answers).toEqual({ district: '220171' });
    const done = fill(r, { ...EMPLOYER, items: 'M07', m07_departures_this_month: '60', m07_headcount: '1000' });
    expect(done.asked).not.toContain('district');
    expect(done.asked).toContain('headcount');
  });
});

describe('robustness', () => {
  it('never throws and always answers serialisable JSON, whatever arrives', async () => {
    const fc = await import('fast-check');
    const input = fc.oneof(
      fc.string({ maxLength: 300 }).map((value): Input => ({ type: 'answer', value })),
      fc.array(fc.string({ maxLength: 10 }), { maxLength: 4 }).map((value): Input => ({ type: 'answer', value })),
      fc.constantFrom<Input>(
        { type: 'back' },
        { type: 'skip' },
        { type: 'review' },
        { type: 'submit' },
        { type: 'help' },
        { type: 'confirm' },
        { type: 'answer', value: '5' },
        { type: 'answer', value: 'M09' },
        { type: 'toggle', value: 'M05' },
        { type: 'edit', field: 'items' },
        { type: 'edit', field: '2' },
      ),
    );
    fc.assert(
      fc.property(fc.array(input, { maxLength: 60 }), (inputs) => {
        let r: Pick<Run, 'state' | 'reply'> = begin();
        for (const i of inputs) {
          r = send(r, i);
          expect(JSON.parse(JSON.stringify(r.reply))).toEqual(r.reply);
          expect(typeof r.reply.text).toBe('string');
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('collective action, asked once after the items (ruleset 2026.2)', () => {
  const M05: Script = {
    ...EMPLOYER,
    items: '5',
    m05_employees_owed: '80',
    m05_amount_owed: '120000',
    m05_months_in_arrears: '1',
    m05_payment_plan_date: { type: 'skip' },
  };

  it('asks the form and how many take part only when there is an action', () => {
    const none = fill(begin(), M05);
    expect(none.asked).not.toContain('collective_taking_part');
    const happening = fill(begin(), {
      ...M05,
      collective_action: '正在发生',
      collective_kinds: '聚集、堵门堵路',
      collective_taking_part: '35人',
    });
    expect(happening.asked.slice(-6, -3)).toEqual(['collective_action', 'collective_kinds', 'collective_taking_part']);
    const report = submitted(send(happening, { type: 'submit' }).effects);
    expect(report.facts).toMatchObject({
      collective_action: 'happening',
      collective_kinds: ['gathering', 'blocking'],
      collective_taking_part: 35,
    });
    const a = assess(report);
    expect(a.urgency.level).toBe('immediate');
    expect(a.peopleInvolved).toBe(35);
    expect(a.affected).toBe(80);
  });

  it('80 owed wages with nobody gathering is not urgent', () => {
    const report = submitted(send(fill(begin(), M05), { type: 'submit' }).effects);
    expect(assess(report).urgency.level).toBe('within_24h');
  });
});

describe('times checked at the engine, so every channel refuses them and asks again', () => {
  // now = 2026-03-15 14:00 in Changchun.
  const upTo = (field: string, script: Script) => {
    let state = begin().state;
    for (let guard = 0; state.current !== field && guard < 100; guard++) {
      const answer = script[state.current];
      if (answer === undefined) throw new Error(`unscripted question ${state.current}`);
      state = step(state, toInput(answer), now, ctx).state;
    }
    expect(state.current).toBe(field);
    return state;
  };
  const M09_UP_TO_START: Script = { ...EMPLOYER, items: 'M09', m09_people_involved: '12', m09_place: '厂区正门' };

  it.each([
    ['2026-03-16 08:00', '不能晚于现在'],
    ['2026-03-15 15:01', '不能晚于现在'],
    ['1999-12-31 08:00', '不能早于 2000 年'],
    ['2026-02-30 08:00', '日期和时间'],
  ])('a stoppage that "started" %s is refused and the question asked again', (answer, error) => {
    const state = upTo('m09_started_at', M09_UP_TO_START);
    const r = step(state, { type: 'answer', value: answer }, now, ctx);
    expect(r.reply.error).toContain(error);
    expect(r.state.current).toBe('m09_started_at');
    expect(r.reply.field?.id).toBe('m09_started_at');
    expect(r.reply.text).toContain('什么时候开始的');
    expect(r.state.answers.m09_started_at).toBeUndefined();
  });

  it('accepts a start within the hour of slack, and a planned date ahead but not before 2000', () => {
    const state = upTo('m09_started_at', M09_UP_TO_START);
    expect(step(state, { type: 'answer', value: '今天 14:50' }, now, ctx).reply.error).toBeUndefined();
    const m05 = upTo('m05_payment_plan_date', {
      ...EMPLOYER,
      items: '5',
      m05_employees_owed: '12',
      m05_amount_owed: '1000',
      m05_months_in_arrears: '1',
    });
    expect(step(m05, { type: 'answer', value: '2026-04-30' }, now, ctx).reply.error).toBeUndefined();
    expect(step(m05, { type: 'answer', value: '1998-04-30' }, now, ctx).reply.error).toContain('2000');
  });

  it('refuses an event date before 2000 or in the future', () => {
    const state = upTo('event_at', {
      ...EMPLOYER,
      items: 'M11',
      m11_description: '食堂停餐',
      m11_people_involved: { type: 'skip' },
    });
    expect(step(state, { type: 'answer', value: '1999-01-01' }, now, ctx).reply.error).toContain('2000');
    expect(step(state, { type: 'answer', value: '2026-03-16' }, now, ctx).reply.error).toContain('不能晚于现在');
  });
});
