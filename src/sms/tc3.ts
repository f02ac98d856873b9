// Tencent Cloud API 3.0 request signing (TC3-HMAC-SHA256), on WebCrypto so it runs on Node and in workerd.
// The steps and names follow the provider's documentation ("Signature v3"): CanonicalRequest, StringToSign
// with a credential scope of UTC date/service/tc3_request, the derived key HMAC chain, then Authorization.

const encoder = new TextEncoder();

function hex(bytes: ArrayBuffer): string {
  return [...new Uint8Array(bytes)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export async function sha256Hex(text: string): Promise<string> {
  return hex(await crypto.subtle.digest('SHA-256', encoder.encode(text)));
}

async function hmac(key: ArrayBuffer | Uint8Array<ArrayBuffer>, message: string): Promise<ArrayBuffer> {
  const k = await crypto.subtle.importKey('raw', key, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return crypto.subtle.sign('HMAC', k, encoder.encode(message));
}

export interface Tc3Request {
  secretId: string;
  secretKey: string;
  /** The product's service name, e.g. 'sms' (also the first label of its host). */
  service: string;
  /** The host as sent in the Host header. */
  host: string;
  /** Unix seconds, also sent as X-TC-Timestamp. */
  timestamp: number;
  /** The exact JSON body sent. */
  payload: string;
  contentType?: string;
}

export interface Tc3Signature {
  canonicalRequest: string;
  hashedCanonicalRequest: string;
  stringToSign: string;
  credentialScope: string;
  signature: string;
  authorization: string;
  signedHeaders: string;
}

/** POST / with an empty query and the headers content-type and host signed (the documented minimum). */
export async function signTc3(r: Tc3Request): Promise<Tc3Signature> {
  const contentType = r.contentType ?? 'application/json; charset=utf-8';
  const signedHeaders = 'content-type;host';
  const canonicalHeaders = `content-type:${contentType.toLowerCase()}\nhost:${r.host.toLowerCase()}\n`;
  const canonicalRequest = ['POST', '/', '', canonicalHeaders, signedHeaders, await sha256Hex(r.payload)].join('\n');
  // The date is the UTC date of the timestamp (a local date would fail around midnight, Beijing time).
  const date = new Date(r.timestamp * 1000).toISOString().slice(0, 10);
  const credentialScope = `${date}/${r.service}/tc3_request`;
  const hashedCanonicalRequest = await sha256Hex(canonicalRequest);
  const stringToSign = ['TC3-HMAC-SHA256', String(r.timestamp), credentialScope, hashedCanonicalRequest].join('\n');
  const secretDate = await hmac(encoder.encode(`TC3${r.secretKey}`), date);
  const secretService = await hmac(secretDate, r.service);
  const secretSigning = await hmac(secretService, 'tc3_request');
  const signature = hex(await hmac(secretSigning, stringToSign));
  const authorization = `TC3-HMAC-SHA256 Credential=${r.secretId}/${credentialScope}, SignedHeaders=${signedHeaders}, Signature=${signature}`;
  return {
    canonicalRequest,
    hashedCanonicalRequest,
    stringToSign,
    credentialScope,
    signature,
    authorization,
    signedHeaders,
  };
}
