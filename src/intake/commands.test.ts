import { describe, expect, it } from 'vitest';
import { parseTextCommand } from './commands';

describe('parseTextCommand', () => {
  it.each([
    ['/back', { type: 'back' }],
    ['返回', { type: 'back' }],
    ['上一步', { type: 'back' }],
    ['跳过', { type: 'skip' }],
    ['/skip', { type: 'skip' }],
    ['修改', { type: 'review' }],
    ['提交', { type: 'submit' }],
    ['取消', { type: 'cancel' }],
    ['帮助', { type: 'help' }],
    ['确认', { type: 'confirm' }],
    [' /HELP ', { type: 'help' }],
    ['修改 3', { type: 'edit', field: '3' }],
    ['修改联系电话', { type: 'edit', field: '联系电话' }],
    ['/edit reporter_phone', { type: 'edit', field: 'reporter_phone' }],
  ])('%j → %j', (text, input) => expect(parseTextCommand(text, 'zh')).toEqual(input));

  it('leaves answers alone', () => {
    expect(parseTextCommand('修改考勤制度，延长工作时间', 'zh')).toBeUndefined();
    expect(parseTextCommand('是', 'zh')).toBeUndefined();
    expect(parseTextCommand('某某公司', 'zh')).toBeUndefined();
  });

  it('reads bare English words only in English conversations', () => {
    expect(parseTextCommand('Back', 'zh')).toBeUndefined();
    expect(parseTextCommand('Back', 'en')).toEqual({ type: 'back' });
    expect(parseTextCommand('edit Contact phone', 'en')).toEqual({ type: 'edit', field: 'Contact phone' });
    expect(parseTextCommand('done', 'en')).toEqual({ type: 'confirm' });
  });
});
