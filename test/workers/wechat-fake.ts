// The WeChat platform stand-in (test/support/wechat-platform.ts) for the workers project: it runs in the
// Vitest process as part of miniflare's outboundService and answers the worker's calls to WECHAT_FAKE_ROOT;
// the tests inside workerd build signed, encrypted pushes and open replies through its /__… endpoints.
import { WechatPlatform } from '../support/wechat-platform';

export const WECHAT_FAKE_ROOT = 'http://wechat.fake';

export const wechatPlatform = new WechatPlatform({
  token: 'workersWxToken42',
  appId: 'wxfeedface12345678',
  appSecret: 'workerssecret0123456789abcdef012',
  encodingAesKey: 'ZYXWVUTSRQPONMLKJIHGFEDCBA9876543210zyxwvut',
});

export const WECHAT_BINDINGS = {
  WECHAT_TOKEN: wechatPlatform.o.token,
  WECHAT_APPID: wechatPlatform.o.appId,
  WECHAT_APPSECRET: wechatPlatform.o.appSecret,
  WECHAT_ENCODING_AES_KEY: wechatPlatform.o.encodingAesKey!,
  WECHAT_API_ROOT: WECHAT_FAKE_ROOT,
};

/** Handles requests to the stand-in's origin; undefined for any other request. */
export function wechatFake(request: Request): Promise<Response> | undefined {
  return new URL(request.url).origin === WECHAT_FAKE_ROOT ? wechatPlatform.handle(request) : undefined;
}
