// Robot webhook targets must be public HTTPS addresses: a channel pointing at loopback, a private network,
// link-local (cloud metadata at 169.254.169.254) or another reserved range would let whoever edits channels
// make the server send requests inside its own network. ALLOW_PRIVATE_TARGETS lifts this for a deployment
// whose robots really are on a private network (and for local testing).
//
// Checked on the URL as written (the WHATWG parser turns forms like http://2130706433 or http://0x7f.1 into
// dotted IPv4 first); a public name that resolves to a private address is not detected here.
import { bilingual } from '../messages/index';

const V4_BLOCKED: readonly [number, number][] = [
  [0x00000000, 8], // 0.0.0.0/8 "this network"
  [0x0a000000, 8], // 10/8 private
  [0x64400000, 10], // 100.64/10 carrier-grade NAT
  [0x7f000000, 8], // 127/8 loopback
  [0xa9fe0000, 16], // 169.254/16 link-local (cloud metadata)
  [0xac100000, 12], // 172.16/12 private
  [0xc0000000, 24], // 192.0.0/24 IETF protocol assignments
  [0xc0a80000, 16], // 192.168/16 private
  [0xc6120000, 15], // 198.18/15 benchmarking
  [0xe0000000, 4], // 224/4 multicast
  [0xf0000000, 4], // 240/4 reserved, broadcast
];

function v4Number(host: string): number | undefined {
  const parts = host.split('.');
  if (parts.length !== 4 || parts.some((p) => !/^\d{1,3}$/.test(p) || Number(p) > 255)) return undefined;
  return parts.reduce((n, p) => n * 256 + Number(p), 0);
}

function blockedV4(n: number): boolean {
  return V4_BLOCKED.some(([base, bits]) => {
    const mask = bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
    return (n & mask) >>> 0 === base;
  });
}

function blockedV6(host: string): boolean {
  const h = host.toLowerCase();
  if (h === '::' || h === '::1') return true;
  // IPv4-mapped (::ffff:a.b.c.d, written by the URL parser as ::ffff:XXXX:XXXX).
  const mapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(h);
  if (mapped) return blockedV4(((Number.parseInt(mapped[1]!, 16) << 16) | Number.parseInt(mapped[2]!, 16)) >>> 0);
  const first = Number.parseInt(h.split(':')[0] || '0', 16);
  return (
    (first & 0xfe00) === 0xfc00 || // fc00::/7 unique local
    (first & 0xffc0) === 0xfe80 || // fe80::/10 link-local
    (first & 0xff00) === 0xff00 // ff00::/8 multicast
  );
}

/** True for loopback, private, link-local and other non-public hosts (names included: localhost, *.local, …). */
export function isPrivateHost(hostname: string): boolean {
  const host = hostname
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '')
    .toLowerCase();
  if (host.includes(':')) return blockedV6(host);
  const v4 = v4Number(host);
  if (v4 !== undefined) return blockedV4(v4);
  return (
    host === 'localhost' || /\.(localhost|local|internal|lan|home\.arpa)$/.test(host) || !host.includes('.') // a bare intranet name
  );
}

/** Why a robot webhook URL is refused, in Chinese and English; undefined when it may be used. */
export function webhookTargetProblem(target: string, allowPrivate: boolean): { zh: string; en: string } | undefined {
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    return bilingual('errorDetails', 'targetNotUrl');
  }
  if (url.protocol !== 'https:' && !(allowPrivate && url.protocol === 'http:')) {
    return bilingual('errorDetails', 'targetNotHttps');
  }
  if (url.username || url.password) {
    return bilingual('errorDetails', 'targetCredentials');
  }
  if (!allowPrivate && isPrivateHost(url.hostname)) {
    return bilingual('errorDetails', 'targetPrivate');
  }
  return undefined;
}
