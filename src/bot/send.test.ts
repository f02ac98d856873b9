import { TelegramError } from 'telegraf';
import { describe, expect, it } from 'vitest';
import { answerCallback, type BotApi, deliver, withRetry } from './send';

const tooMany = (seconds: number) =>
  new TelegramError({ error_code: 429, description: 'Too Many Requests', parameters: { retry_after: seconds } });

function fakeApi(failures: Error[] = []) {
  const calls: { method: string; args: unknown[] }[] = [];
  const record =
    (method: string) =>
    async (...args: unknown[]) => {
      calls.push({ method, args });
      const err = failures.shift();
      if (err) throw err;
      return true;
    };
  const api = {
    sendMessage: record('sendMessage'),
    editMessageText: record('editMessageText'),
    editMessageReplyMarkup: record('editMessageReplyMarkup'),
    answerCbQuery: record('answerCbQuery'),
  } as unknown as BotApi;
  return { api, calls };
}

function recorder() {
  const slept: number[] = [];
  const logged: string[] = [];
  return {
    slept,
    logged,
    opts: { sleep: async (ms: number) => void slept.push(ms), log: (m: string) => void logged.push(m) },
  };
}

describe('sending replies', () => {
  it('retries a 429 after retry_after, without really waiting', async () => {
    const { api, calls } = fakeApi([tooMany(3)]);
    const r = recorder();
    await deliver(api, 7, { messages: [{ html: 'hi' }] }, r.opts);
    expect(r.slept).toEqual([3000]);
    expect(calls.map((c) => c.method)).toEqual(['sendMessage', 'sendMessage']);
    expect(calls[1]!.args).toEqual([7, 'hi', { parse_mode: 'HTML', link_preview_options: { is_disabled: true } }]);
    expect(r.logged).toEqual([]);
  });

  it('gives up after the bounded attempts, and on a retry_after too long to wait', async () => {
    const r = recorder();
    await expect(withRetry(() => Promise.reject(tooMany(1)), { ...r.opts, maxAttempts: 3 })).rejects.toThrow();
    expect(r.slept).toEqual([1000, 1000]);
    const long = recorder();
    await expect(withRetry(() => Promise.reject(tooMany(60)), { ...long.opts, maxWaitMs: 15_000 })).rejects.toThrow();
    expect(long.slept).toEqual([]);
  });

  it('logs other failures without throwing, and stops the rest of that reply', async () => {
    const forbidden = new TelegramError({ error_code: 403, description: 'Forbidden: bot was blocked by the user' });
    const { api, calls } = fakeApi([forbidden]);
    const r = recorder();
    await deliver(api, 7, { messages: [{ html: 'a' }, { html: 'b' }] }, r.opts);
    expect(calls).toHaveLength(1);
    expect(r.logged).toEqual(['telegram sendMessage failed: 403 Forbidden: bot was blocked by the user']);
    await answerCallback(fakeApi([new Error('network down')]).api, 'q1', undefined, r.opts);
    expect(r.logged.at(-1)).toBe('telegram answerCallbackQuery failed: network down');
  });

  it('edits the pressed message before sending new ones', async () => {
    const { api, calls } = fakeApi();
    const markup = { inline_keyboard: [[{ text: 'x', callback_data: 'sub' }]] };
    await deliver(api, 7, { edit: { messageId: 5, markup }, messages: [{ html: 'next' }] }, recorder().opts);
    expect(calls.map((c) => c.method)).toEqual(['editMessageReplyMarkup', 'sendMessage']);
    expect(calls[0]!.args).toEqual([7, 5, undefined, markup]);
  });
});
