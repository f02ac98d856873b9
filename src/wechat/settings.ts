// The WeChat Official Account is on when its Token, AppID and AppSecret are all set; the EncodingAESKey
// switches on safe mode (every push and reply encrypted).
import type { Config } from '../config';

export interface WechatSettings {
  token: string;
  appId: string;
  appSecret: string;
  encodingAesKey: string | undefined;
  apiRoot: string;
}

export function wechatSettings(config: Config): WechatSettings | undefined {
  const { WECHAT_TOKEN: token, WECHAT_APPID: appId, WECHAT_APPSECRET: appSecret } = config;
  if (!token || !appId || !appSecret) return undefined;
  return {
    token,
    appId,
    appSecret,
    encodingAesKey: config.WECHAT_ENCODING_AES_KEY,
    apiRoot: config.WECHAT_API_ROOT.replace(/\/$/, ''),
  };
}
