// Text messages (SMS) through Tencent Cloud SMS (短信, API 3.0 SendSms). On when the API key, the SMS app
// and the approved signature are set; each kind of message uses its own approved template, whose only
// parameter is the receipt number (the /status address is part of the approved template text).
import type { Config } from '../config';

export interface SmsSettings {
  secretId: string;
  secretKey: string;
  sdkAppId: string;
  signName: string;
  region: string;
  apiRoot: string;
  templates: { message?: string | undefined; closed?: string | undefined; overdue?: string | undefined };
  dailyCapPerNumber: number;
}

export function smsSettings(config: Config): SmsSettings | undefined {
  const { SMS_SECRET_ID, SMS_SECRET_KEY, SMS_SDK_APP_ID, SMS_SIGN_NAME } = config;
  if (!SMS_SECRET_ID || !SMS_SECRET_KEY || !SMS_SDK_APP_ID || !SMS_SIGN_NAME) return undefined;
  return {
    secretId: SMS_SECRET_ID,
    secretKey: SMS_SECRET_KEY,
    sdkAppId: SMS_SDK_APP_ID,
    signName: SMS_SIGN_NAME,
    region: config.SMS_REGION,
    apiRoot: config.SMS_API_ROOT.replace(/\/$/, ''),
    templates: {
      message: config.SMS_TEMPLATE_MESSAGE,
      closed: config.SMS_TEMPLATE_CLOSED,
      overdue: config.SMS_TEMPLATE_OVERDUE,
    },
    dailyCapPerNumber: config.SMS_DAILY_CAP_PER_NUMBER,
  };
}
