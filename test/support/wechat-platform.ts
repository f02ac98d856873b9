// A stand-in for the WeChat Official Account platform, written for the tests and independent of src/wechat
// (node:crypto, not WebCrypto): it signs pushes (and in safe mode encrypts them) the way the platform does,
// opens and checks our encrypted replies, and serves the API endpoints we call — stable_token and
// message/custom/send — recording what was sent. Node tests use its methods and serve `handle` on a port;
// the workers project installs `handle` as miniflare's outboundService, where its /__… endpoints let the
// test inside workerd build pushes and read replies.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

export interface PlatformOptions {
  token: string;
  appId: string;
  appSecret: string;
  /** Set: safe mode. */
  encodingAesKey?: string | undefined;
  account?: string;
}

export interface SentMessage {
  touser: string;
  content: string;
  accessToken: string;
}

export interface BuiltPush {
  /** The query string (without '?') of POST /wechat. */
  query: string;
  body: string;
}

const sha1 = (...parts: string[]) =>
  createHash('sha1')
    .update([...parts].sort().join(''))
    .digest('hex');

function childText(xml: string, tag: string): string | undefined {
  const m = new RegExp(`<${tag}>(?:<!\\[CDATA\\[([\\s\\S]*?)\\]\\]>|([^<]*))</${tag}>`).exec(xml);
  return m ? (m[1] ?? m[2] ?? '') : undefined;
}

export class WechatPlatform {
  readonly account: string;
  readonly sent: SentMessage[] = [];
  readonly tokenRequests: { forceRefresh: boolean }[] = [];
  /** openids outside the 48-hour window: custom send answers 45015. */
  readonly outsideWindow = new Set<string>();
  /** The next custom send answers 40001 (the token was invalidated elsewhere) once. */
  invalidateTokenOnce = false;
  private tokenSeq = 0;
  private currentToken = '';
  private msgSeq = 7_000_000_000_000_000_000n;

  constructor(readonly o: PlatformOptions) {
    this.account = o.account ?? 'gh_0123456789ab';
  }

  private key(): Buffer {
    return Buffer.from(`${this.o.encodingAesKey}=`, 'base64');
  }

  /** AES-256-CBC, IV = key[0..16], PKCS#7 to 32 bytes, over random(16) ‖ len ‖ xml ‖ appId. */
  encrypt(xml: string, appId = this.o.appId): string {
    const msg = Buffer.from(xml, 'utf8');
    const len = Buffer.alloc(4);
    len.writeUInt32BE(msg.length);
    const plain = Buffer.concat([randomBytes(16), len, msg, Buffer.from(appId, 'utf8')]);
    const pad = 32 - (plain.length % 32);
    const padded = Buffer.concat([plain, Buffer.alloc(pad, pad)]);
    const key = this.key();
    const cipher = createCipheriv('aes-256-cbc', key, key.subarray(0, 16));
    cipher.setAutoPadding(false);
    return Buffer.concat([cipher.update(padded), cipher.final()]).toString('base64');
  }

  decrypt(encrypted: string): { xml: string; appId: string } {
    const key = this.key();
    const decipher = createDecipheriv('aes-256-cbc', key, key.subarray(0, 16));
    decipher.setAutoPadding(false);
    const plain = Buffer.concat([decipher.update(Buffer.from(encrypted, 'base64')), decipher.final()]);
    const pad = plain[plain.length - 1]!;
    if (pad < 1 || pad > 32) throw new Error(`bad padding ${pad}`);
    const body = plain.subarray(0, plain.length - pad);
    const len = body.readUInt32BE(16);
    return { xml: body.subarray(20, 20 + len).toString('utf8'), appId: body.subarray(20 + len).toString('utf8') };
  }

  /** The message XML the platform pushes for a user's text, event or other message. */
  messageXml(openid: string, m: PushMessage, createTime: number): string {
    const parts = [
      `<ToUserName><![CDATA[${this.account}]]></ToUserName>`,
      `<FromUserName><![CDATA[${openid}]]></FromUserName>`,
      `<CreateTime>${createTime}</CreateTime>`,
    ];
    if (m.type === 'text') {
      const msgId = m.msgId ?? String(this.msgSeq++);
      parts.push(
        `<MsgType><![CDATA[text]]></MsgType><Content><![CDATA[${m.content}]]></Content><MsgId>${msgId}</MsgId>`,
      );
    } else if (m.type === 'event') {
      parts.push(`<MsgType><![CDATA[event]]></MsgType><Event><![CDATA[${m.event}]]></Event>`);
      if (m.eventKey !== undefined) parts.push(`<EventKey><![CDATA[${m.eventKey}]]></EventKey>`);
    } else {
      const msgId = m.msgId ?? String(this.msgSeq++);
      parts.push(
        `<MsgType><![CDATA[${m.type}]]></MsgType><MediaId><![CDATA[media_1]]></MediaId><MsgId>${msgId}</MsgId>`,
      );
    }
    return `<xml>${parts.join('')}</xml>`;
  }

  /**
   * A signed push as the platform sends it. `nowSeconds` is the signing time; `createTime` defaults to it.
   * `tamper` makes the bad inputs the tests need.
   */
  push(openid: string, m: PushMessage, nowSeconds: number, tamper: Tamper = {}): BuiltPush {
    const timestamp = String(tamper.timestamp ?? nowSeconds);
    const nonce = String(100000 + Math.floor(Math.random() * 899999));
    const createTime = m.createTime ?? nowSeconds;
    const inner = tamper.rawXml ?? this.messageXml(openid, m, createTime);
    const q = new URLSearchParams({ timestamp, nonce, openid: tamper.openidParam ?? openid });
    q.set('signature', tamper.badSignature ? '0'.repeat(40) : sha1(this.o.token, timestamp, nonce));
    if (!this.o.encodingAesKey) return { query: q.toString(), body: inner };
    const encrypt = this.encrypt(inner, tamper.appId ?? this.o.appId);
    q.set('encrypt_type', 'aes');
    q.set('msg_signature', tamper.badMsgSignature ? 'f'.repeat(40) : sha1(this.o.token, timestamp, nonce, encrypt));
    return {
      query: q.toString(),
      body: `<xml><ToUserName><![CDATA[${this.account}]]></ToUserName><Encrypt><![CDATA[${encrypt}]]></Encrypt></xml>`,
    };
  }

  /** The text of a passive reply; in safe mode the envelope's signature and the AppID are checked. */
  replyText(body: string): string | undefined {
    if (body === 'success' || body === '') return undefined;
    let xml = body;
    if (this.o.encodingAesKey) {
      const encrypt = childText(body, 'Encrypt');
      const signature = childText(body, 'MsgSignature');
      const timestamp = childText(body, 'TimeStamp');
      const nonce = childText(body, 'Nonce');
      if (!encrypt || !signature || !timestamp || !nonce) throw new Error(`not an encrypted reply: ${body}`);
      if (sha1(this.o.token, timestamp, nonce, encrypt) !== signature) throw new Error('reply signature mismatch');
      const opened = this.decrypt(encrypt);
      if (opened.appId !== this.o.appId) throw new Error(`reply AppID ${opened.appId}`);
      xml = opened.xml;
    }
    if (childText(xml, 'MsgType') !== 'text') throw new Error(`not a text reply: ${xml}`);
    if (childText(xml, 'FromUserName') !== this.account)
      throw new Error(`reply from ${childText(xml, 'FromUserName')}`);
    return childText(xml, 'Content');
  }

  /** URL verification as the platform does it when the owner saves the server configuration. */
  verification(nowSeconds: number, echostr: string): string {
    const timestamp = String(nowSeconds);
    const nonce = '424242';
    return new URLSearchParams({
      signature: sha1(this.o.token, timestamp, nonce),
      timestamp,
      nonce,
      echostr,
    }).toString();
  }

  /** The API endpoints (and, for workerd tests, the /__… helpers). */
  handle = async (request: Request): Promise<Response> => {
    const url = new URL(request.url);
    const json = async () => (await request.json().catch(() => ({}))) as Record<string, unknown>;
    switch (url.pathname) {
      case '/cgi-bin/stable_token': {
        const body = await json();
        if (body.appid !== this.o.appId || body.secret !== this.o.appSecret) {
          return Response.json({ errcode: 40125, errmsg: 'invalid appsecret' });
        }
        const forceRefresh = body.force_refresh === true;
        this.tokenRequests.push({ forceRefresh });
        if (!this.currentToken || forceRefresh) this.currentToken = `ACCESS_TOKEN_${++this.tokenSeq}`;
        return Response.json({ access_token: this.currentToken, expires_in: 7200 });
      }
      case '/cgi-bin/message/custom/send': {
        const accessToken = url.searchParams.get('access_token') ?? '';
        if (this.invalidateTokenOnce) {
          this.invalidateTokenOnce = false;
          this.currentToken = '';
          return Response.json({ errcode: 40001, errmsg: 'invalid credential' });
        }
        if (accessToken !== this.currentToken) return Response.json({ errcode: 42001, errmsg: 'access_token expired' });
        const body = await json();
        const touser = String(body.touser);
        if (this.outsideWindow.has(touser))
          return Response.json({ errcode: 45015, errmsg: 'response out of time limit' });
        const content = String((body.text as { content?: unknown } | undefined)?.content ?? '');
        this.sent.push({ touser, content, accessToken });
        return Response.json({ errcode: 0, errmsg: 'ok' });
      }
      case '/__push': {
        const b = (await json()) as { openid: string; message: PushMessage; now: number; tamper?: Tamper };
        return Response.json(this.push(b.openid, b.message, b.now, b.tamper));
      }
      case '/__reply':
        return Response.json({ text: this.replyText(await request.text()) ?? null });
      case '/__sent':
        return Response.json(this.sent);
      case '/__outside': {
        const b = await json();
        this.outsideWindow.add(String(b.openid));
        return Response.json({ ok: true });
      }
      default:
        return Response.json({ errcode: 404, errmsg: 'not found' }, { status: 404 });
    }
  };
}

export type PushMessage =
  | { type: 'text'; content: string; msgId?: string; createTime?: number }
  | { type: 'event'; event: string; eventKey?: string; createTime?: number }
  | { type: 'image' | 'voice' | 'location'; msgId?: string; createTime?: number };

export interface Tamper {
  timestamp?: number;
  badSignature?: boolean;
  badMsgSignature?: boolean;
  /** Encrypt for another account's AppID. */
  appId?: string;
  /** Push this body (plain mode) or encrypt this XML (safe mode) instead of a well-formed message. */
  rawXml?: string;
  openidParam?: string;
}
