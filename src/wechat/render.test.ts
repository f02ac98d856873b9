import { describe, expect, it } from 'vitest';
import type { Reply } from '../intake/index';
import { renderWechat, splitText, TEXT_MAX_BYTES } from './render';

const bytes = (s: string) => new TextEncoder().encode(s).length;

describe('WeChat rendering', () => {
  it('numbers choices, marks the selection of a multi-choice, and says how to answer', () => {
    const reply: Reply = {
      kind: 'question',
      text: '请选择监测事项：',
      field: {
        id: 'items',
        kind: 'multi',
        label: '监测事项',
        required: true,
        options: [
          { value: 'M05', label: '拖欠工资' },
          { value: 'M09', label: '聚集' },
        ],
        selected: ['M09'],
      },
      progress: { answered: 2, total: 10 },
      canBack: true,
      canSkip: false,
      error: '请至少选择一项。',
    };
    const [text] = renderWechat(reply);
    expect(text).toContain('⚠️ 请至少选择一项。');
    expect(text).toContain('1. 拖欠工资\n2. ✅ 聚集');
    expect(text).toContain('已选：聚集');
    expect(text).toContain('完成');
    expect(text).toContain('（第 3/10 项）');
  });

  it('splits long text at line ends into messages within the byte limit, never inside a character', () => {
    const long = Array.from({ length: 120 }, (_, i) => `${i + 1}. 用人单位名称：长春市示例机械制造有限公司😀`).join(
      '\n',
    );
    const parts = splitText(long);
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) expect(bytes(p)).toBeLessThanOrEqual(TEXT_MAX_BYTES);
    expect(parts.join('\n')).toBe(long);
    const oneLine = '字😀'.repeat(600);
    const cut = splitText(oneLine, 100);
    for (const p of cut) expect(bytes(p)).toBeLessThanOrEqual(100);
    expect(cut.join('')).toBe(oneLine);
  });
});
