// One SendSms call (Tencent Cloud SMS, API version 2021-01-11), signed with TC3-HMAC-SHA256. Never throws:
// a tagged outcome for the outbox. A refusal that a retry cannot change (bad template, bad number, the
// provider's own per-number limits) is permanent; a network error or a 5xx is retried by the outbox.
import type { SmsSettings } from './settings';
import { signTc3 } from './tc3';

export const SMS_VERSION = '2021-01-11';
const TIMEOUT_MS = 10_000;

export interface SmsRequest {
  /** E.164 with the country code, e.g. +8613800138000. */
  phone: string;
  templateId: string;
  params: string[];
}

export type SmsOutcome = { ok: true } | { ok: false; error: string; permanent?: boolean };

interface SendSmsAnswer {
  Response?: {
    Error?: { Code?: string; Message?: string };
    SendStatusSet?: { Code?: string; Message?: string; PhoneNumber?: string }[];
  };
}

/** Codes worth another try later; everything else the provider refuses is final. */
const TRANSIENT = /^(InternalError|RequestLimitExceeded|FailedOperation\.(?:Timeout|ServiceBusy)|ResourceUnavailable)/;

export async function sendSms(settings: SmsSettings, req: SmsRequest, nowSeconds: number): Promise<SmsOutcome> {
  const url = new URL(`${settings.apiRoot}/`);
  const payload = JSON.stringify({
    PhoneNumberSet: [req.phone],
    SmsSdkAppId: settings.sdkAppId,
    SignName: settings.signName,
    TemplateId: req.templateId,
    TemplateParamSet: req.params,
  });
  const contentType = 'application/json; charset=utf-8';
  const signed = await signTc3({
    secretId: settings.secretId,
    secretKey: settings.secretKey,
    service: 'sms',
    host: url.host,
    timestamp: nowSeconds,
    payload,
    contentType,
  });
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: {
        Authorization: signed.authorization,
        'Content-Type': contentType,
        'X-TC-Action': 'SendSms',
        'X-TC-Version': SMS_VERSION,
        'X-TC-Timestamp': String(nowSeconds),
        'X-TC-Region': settings.region,
      },
      body: payload,
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    if (!res.ok)
      return { ok: false, error: `sms HTTP ${res.status}`, permanent: res.status < 500 && res.status !== 429 };
    const answer = (await res.json()) as SendSmsAnswer;
    const error = answer.Response?.Error;
    if (error) {
      const code = error.Code ?? 'unknown';
      return { ok: false, error: `sms ${code} ${error.Message ?? ''}`.trim(), permanent: !TRANSIENT.test(code) };
    }
    const status = answer.Response?.SendStatusSet?.[0];
    if (status?.Code === 'Ok') return { ok: true };
    const code = status?.Code ?? 'no status';
    return { ok: false, error: `sms ${code} ${status?.Message ?? ''}`.trim(), permanent: !TRANSIENT.test(code) };
  } catch (err) {
    return { ok: false, error: `sms send failed: ${err instanceof Error ? err.message : String(err)}` };
  }
}
