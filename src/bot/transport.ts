// Telegraf's Telegram methods over the platform's fetch. telegraf's own transport is node-fetch on
// node:http, which breaks inside workerd; global fetch works on both hosts and honours an AbortSignal.
// JSON payloads only: this bot never uploads files.
import { Telegram, TelegramError } from 'telegraf';
import type { Telegram as Methods, Opts } from 'telegraf/types';

export class FetchTelegram extends Telegram {
  override async callApi<M extends keyof Methods>(
    method: M,
    payload: Opts<M>,
    options: { signal?: unknown } = {},
  ): Promise<ReturnType<Methods[M]>> {
    const url = new URL(`./bot${this.token}/${method}`, this.options.apiRoot);
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      // As telegraf does: null and undefined fields are left out.
      body: JSON.stringify(payload, (_key, value) => value ?? undefined),
      signal: (options.signal as AbortSignal | undefined) ?? null,
    });
    if (res.status >= 500) {
      throw new TelegramError({ error_code: res.status, description: res.statusText }, { method, payload });
    }
    const data = (await res.json()) as { ok: boolean; result?: unknown; error_code?: number; description?: string };
    if (!data.ok) {
      const error = { error_code: data.error_code ?? res.status, description: data.description ?? res.statusText };
      throw new TelegramError({ ...data, ...error }, { method, payload });
    }
    return data.result as ReturnType<Methods[M]>;
  }
}
