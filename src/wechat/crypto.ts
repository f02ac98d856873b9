// The Official Account platform's message security (消息加解密), on WebCrypto so it runs the same on Node and
// in workerd. Signatures are SHA-1 over the sorted strings; safe mode is AES-256-CBC with the key's first 16
// bytes as IV and PKCS#7 padding to 32-byte blocks, over random(16) ‖ length(4, big-endian) ‖ XML ‖ AppID.
//
// WebCrypto's AES-CBC always pads to 16 bytes (PKCS#7) and checks that padding when decrypting, so:
// - encrypting, we pad to 32 ourselves (a multiple of 16) and drop the extra block WebCrypto appends;
// - decrypting, we append one block that decrypts to a full block of WebCrypto's own padding, so it accepts
//   the data, and then strip WeChat's 32-byte padding ourselves.

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

const BLOCK = 32;

function hex(bytes: ArrayBuffer): string {
  return [...new Uint8Array(bytes)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** SHA-1 (hex) of the strings sorted lexicographically and concatenated: URL and message signatures. */
export async function wechatSignature(...parts: string[]): Promise<string> {
  const joined = [...parts].sort().join('');
  return hex(await crypto.subtle.digest('SHA-1', encoder.encode(joined)));
}

export function toBase64(bytes: Uint8Array): string {
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin);
}

/** undefined when the text is not base64. */
export function fromBase64(text: string): Uint8Array | undefined {
  try {
    const bin = atob(text.replace(/\s+/g, ''));
    const out = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
    return out;
  } catch {
    return undefined;
  }
}

/** An EncodingAESKey is 43 characters of base64 without the trailing "=": 32 bytes of key. */
export function isEncodingAesKey(text: string): boolean {
  return /^[A-Za-z0-9+/]{43}$/.test(text) && fromBase64(`${text}=`)?.length === 32;
}

export class WechatCrypto {
  private readonly keyBytes: Uint8Array<ArrayBuffer>;
  private readonly iv: Uint8Array<ArrayBuffer>;
  private key: Promise<CryptoKey> | undefined;

  constructor(
    encodingAesKey: string,
    private readonly appId: string,
  ) {
    const bytes = fromBase64(`${encodingAesKey}=`) ?? new Uint8Array(0);
    if (bytes.length !== 32) throw new Error('EncodingAESKey must decode to 32 bytes');
    this.keyBytes = new Uint8Array(bytes);
    this.iv = this.keyBytes.slice(0, 16);
  }

  private cryptoKey(): Promise<CryptoKey> {
    this.key ??= crypto.subtle.importKey('raw', this.keyBytes, { name: 'AES-CBC' }, false, ['encrypt', 'decrypt']);
    return this.key;
  }

  /** The base64 `Encrypt` value for `xml`, with 16 random bytes in front. */
  async encrypt(xml: string, random: (n: number) => Uint8Array): Promise<string> {
    const message = encoder.encode(xml);
    const appId = encoder.encode(this.appId);
    const length = 16 + 4 + message.length + appId.length;
    const pad = BLOCK - (length % BLOCK);
    const plain = new Uint8Array(length + pad);
    plain.set(random(16).subarray(0, 16), 0);
    new DataView(plain.buffer).setUint32(16, message.length, false);
    plain.set(message, 20);
    plain.set(appId, 20 + message.length);
    plain.fill(pad, length);
    const out = new Uint8Array(
      await crypto.subtle.encrypt({ name: 'AES-CBC', iv: this.iv }, await this.cryptoKey(), plain),
    );
    // WebCrypto added a full block of its own padding: WeChat's padding is already in `plain`.
    return toBase64(out.subarray(0, plain.length));
  }

  /**
   * The message XML inside `encrypted`, or why it cannot be read. `appid` means the ciphertext decrypted but
   * names another account: it was not meant for this server.
   */
  async decrypt(encrypted: string): Promise<{ ok: true; xml: string } | { ok: false; reason: 'format' | 'appid' }> {
    const data = fromBase64(encrypted);
    if (!data || data.length === 0 || data.length % BLOCK !== 0) return { ok: false, reason: 'format' };
    const key = await this.cryptoKey();
    const last = data.subarray(data.length - 16);
    // One more block that decrypts (CBC, after `last`) to sixteen 0x10 bytes: WebCrypto's padding, removed by it.
    const tail = new Uint8Array(
      await crypto.subtle.encrypt({ name: 'AES-CBC', iv: new Uint8Array(last) }, key, new Uint8Array(0)),
    );
    const joined = new Uint8Array(data.length + 16);
    joined.set(data, 0);
    joined.set(tail.subarray(0, 16), data.length);
    let plain: Uint8Array;
    try {
      plain = new Uint8Array(await crypto.subtle.decrypt({ name: 'AES-CBC', iv: this.iv }, key, joined));
    } catch {
      return { ok: false, reason: 'format' };
    }
    const pad = plain[plain.length - 1] ?? 0;
    if (pad < 1 || pad > BLOCK || pad > plain.length) return { ok: false, reason: 'format' };
    const body = plain.subarray(0, plain.length - pad);
    if (body.length < 20) return { ok: false, reason: 'format' };
    const length = new DataView(body.buffer, body.byteOffset, body.byteLength).getUint32(16, false);
    if (20 + length > body.length) return { ok: false, reason: 'format' };
    try {
      const xml = decoder.decode(body.subarray(20, 20 + length));
      const appId = decoder.decode(body.subarray(20 + length));
      if (appId !== this.appId) return { ok: false, reason: 'appid' };
      return { ok: true, xml };
    } catch {
      return { ok: false, reason: 'format' };
    }
  }
}
