// GET/POST /wechat: the Official Account's server address (服务器地址). GET answers the platform's URL
// verification; POST takes pushed messages and answers each with a passive reply inside the platform's 5 s.
// Every push is checked before anything is read or stored: its signature (and in safe mode msg_signature),
// a timestamp within 5 minutes (older ones are replays), the body size and well-formed XML; in safe mode the
// ciphertext must decrypt and name this account's AppID. A refused push records nothing.
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AppDeps, AppEnv } from '../deps';
import { ApiError } from '../http/errors';
import { timingSafeEqual } from '../ids';
import { inBoth, type SentenceKey } from '../messages/index';
import { dispatchAfterResponse } from '../notify/after-response';
import type { IntakeService } from '../service/intake-service';
import { createWechatConversation, type Push } from './conversation';
import { WechatCrypto, wechatSignature } from './crypto';
import { wechatSettings } from './settings';
import { encryptedReplyXml, parseWechatXml, textReplyXml } from './xml';

/** Team default: a text push is well under 8 KB even encrypted; 64 KB leaves room and stops floods. */
export const PUSH_BODY_LIMIT = 64 * 1024;
/** Pushes signed longer ago than this (or this far ahead) are refused as replays. */
export const MAX_PUSH_AGE_MS = 5 * 60_000;

const why = (key: SentenceKey<'wechatPush'>) => inBoth('wechatPush', (t) => ` ${t[key]}`);
const refuse = (key: SentenceKey<'wechatPush'>) => new ApiError(403, 'forbidden', why(key));
const malformed = (key: SentenceKey<'wechatPush'>) => new ApiError(400, 'bad_request', why(key));

export function wechatRoutes(deps: AppDeps, intake: IntakeService) {
  const routes = new Hono<AppEnv>();
  const settings = wechatSettings(deps.config);
  const crypto = settings?.encodingAesKey ? new WechatCrypto(settings.encodingAesKey, settings.appId) : undefined;
  const conversation = createWechatConversation(deps, intake);

  /** The query's signature over token, timestamp and nonce, and a timestamp that is not a replay. */
  async function verify(q: (name: string) => string | undefined): Promise<{ timestamp: string; nonce: string }> {
    if (!settings) throw new ApiError(404, 'not_found');
    const signature = q('signature') ?? '';
    const timestamp = q('timestamp') ?? '';
    const nonce = q('nonce') ?? '';
    if (!/^\d{1,12}$/.test(timestamp) || nonce === '' || nonce.length > 64) {
      throw refuse('signatureParams');
    }
    const expected = await wechatSignature(settings.token, timestamp, nonce);
    if (!timingSafeEqual(signature.toLowerCase(), expected)) throw refuse('signature');
    if (Math.abs(deps.clock().getTime() - Number(timestamp) * 1000) > MAX_PUSH_AGE_MS) {
      throw refuse('timestamp');
    }
    return { timestamp, nonce };
  }

  routes.get('/', async (c) => {
    await verify((n) => c.req.query(n));
    return c.text(c.req.query('echostr') ?? '');
  });

  routes.post(
    '/',
    bodyLimit({
      maxSize: PUSH_BODY_LIMIT,
      onError: () => {
        throw new ApiError(413, 'payload_too_large');
      },
    }),
    async (c) => {
      const { timestamp, nonce } = await verify((n) => c.req.query(n));
      const body = await c.req.text();
      const outer = parseWechatXml(body);
      if (!outer) throw malformed('xml');
      let fields = outer;
      if (crypto) {
        const encrypt = outer.Encrypt;
        if (c.req.query('encrypt_type') !== 'aes' || !encrypt) {
          throw malformed('mustEncrypt');
        }
        const msgSignature = await wechatSignature(settings!.token, timestamp, nonce, encrypt);
        if (!timingSafeEqual((c.req.query('msg_signature') ?? '').toLowerCase(), msgSignature)) {
          throw refuse('msgSignature');
        }
        const opened = await crypto.decrypt(encrypt);
        if (!opened.ok) {
          if (opened.reason === 'appid') throw refuse('appId');
          throw malformed('undecryptable');
        }
        const inner = parseWechatXml(opened.xml);
        if (!inner) throw malformed('xml');
        fields = inner;
      }
      const push = pushOf(fields);
      const account = fields.ToUserName;
      if (!push || !account) throw malformed('fields');
      const openid = c.req.query('openid');
      if (openid !== undefined && openid !== push.openid) {
        throw malformed('sender');
      }

      const handled = await conversation.handle(push);
      if (handled.wroteOutbox) dispatchAfterResponse(c, deps);
      if (handled.reply === '') return c.text('success');
      const now = deps.clock();
      const xml = textReplyXml({
        toUser: push.openid,
        fromUser: account,
        createTime: Math.floor(now.getTime() / 1000),
        content: handled.reply,
      });
      if (!crypto) return c.body(xml, 200, { 'content-type': 'application/xml; charset=utf-8' });
      const replyTimestamp = String(Math.floor(now.getTime() / 1000));
      const replyNonce = String(100_000_000 + (new DataView(deps.random(4).buffer).getUint32(0) % 900_000_000));
      const encrypt = await crypto.encrypt(xml, deps.random);
      const envelope = encryptedReplyXml({
        encrypt,
        signature: await wechatSignature(settings!.token, replyTimestamp, replyNonce, encrypt),
        timestamp: replyTimestamp,
        nonce: replyNonce,
      });
      return c.body(envelope, 200, { 'content-type': 'application/xml; charset=utf-8' });
    },
  );

  return routes;
}

/** The fields the conversation needs, or undefined when a required one is missing or malformed. */
function pushOf(f: Record<string, string>): Push | undefined {
  const openid = f.FromUserName;
  const createTime = f.CreateTime;
  const msgType = f.MsgType;
  if (!openid || openid.length > 128 || !createTime || !/^\d{1,12}$/.test(createTime) || !msgType) return undefined;
  if (f.MsgId !== undefined && !/^\d{1,20}$/.test(f.MsgId)) return undefined;
  return {
    openid,
    createTime,
    msgType: msgType.toLowerCase(),
    msgId: f.MsgId,
    content: f.Content,
    event: f.Event,
    eventKey: f.EventKey,
  };
}
