// The warning notice in both locales: every sentence now comes from the catalogue (warningNotice, warningLevel),
// so this pins what channels receive for an issued and a lifted warning.
import { describe, expect, it } from 'vitest';
import { type WarningPayload, warningMessage } from './warning-notice';

const payload = (action: WarningPayload['action'], level: number): WarningPayload => ({
  decisionId: 'd1',
  action,
  level,
  reason: '第一条理由\r\n\n  \n第二条理由',
  at: '2026-11-25T02:00:00.000Z',
});

describe('warning notice', () => {
  it('says an issued warning in Chinese with its level, office, Beijing time, reasons and console link', () => {
    expect(warningMessage(payload('issued', 1), 'zh', 'https://x.example')).toEqual({
      locale: 'zh',
      reportId: '',
      notice: 'warning_issued',
      urgent: true,
      title: '【预警发布】长春市劳动关系风险一级预警',
      fields: [
        { label: '发布单位', value: '长春市协调劳动关系三方委员会办公室' },
        { label: '时间', value: '2026-11-25 10:00（北京时间）' },
      ],
      reasonsLabel: '理由',
      reasons: ['第一条理由', '第二条理由'],
      link: { label: '在控制台查看', url: 'https://x.example/console/warning' },
      claimable: false,
    });
  });

  it('says a lifted warning in English, not urgent', () => {
    const m = warningMessage(payload('lifted', 2), 'en', 'https://x.example');
    expect(m.title).toBe('Changchun labour-relations risk warning lifted: level 2');
    expect(m.notice).toBe('warning_lifted');
    expect(m.urgent).toBe(false);
    expect(m.fields).toEqual([
      { label: 'Issued by', value: 'Changchun tripartite office' },
      { label: 'Time', value: '2026-11-25 10:00 (Beijing time)' },
    ]);
    expect(m.reasonsLabel).toBe('Reason');
    expect(m.link.label).toBe('Open in the console');
    expect(warningMessage(payload('lifted', 3), 'zh', '').title).toBe('【预警解除】长春市劳动关系风险三级预警解除');
  });

  it('names no level for a level outside 1–3', () => {
    expect(warningMessage(payload('issued', 0), 'zh', '').title).toBe('【预警发布】长春市劳动关系风险预警');
    expect(warningMessage(payload('issued', 7), 'en', '').title).toBe(
      'Changchun labour-relations risk warning issued: ',
    );
  });
});
