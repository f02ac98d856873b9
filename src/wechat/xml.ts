// The platform's XML both ways. Parsing uses fast-xml-parser (pure JavaScript, so it runs in workerd; it
// validates well-formedness and keeps every value a string, which matters for 64-bit MsgIds). A document
// type declaration is refused outright: the platform never sends one, and it is how entity-expansion
// attacks arrive. Replies are built here with CDATA sections.
import { XMLParser, XMLValidator } from 'fast-xml-parser';

const parser = new XMLParser({
  ignoreAttributes: true,
  parseTagValue: false,
  trimValues: true,
  ignoreDeclaration: true,
});

/** The string children of `<xml>`, or undefined when the text is not a well-formed `<xml>` document. */
export function parseWechatXml(text: string): Record<string, string> | undefined {
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) return undefined;
  if (XMLValidator.validate(text) !== true) return undefined;
  let doc: unknown;
  try {
    doc = parser.parse(text);
  } catch {
    return undefined;
  }
  const root = (doc as { xml?: unknown } | null)?.xml;
  if (typeof root !== 'object' || root === null) return undefined;
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(root)) {
    if (typeof v === 'string' || typeof v === 'number') out[k] = String(v);
  }
  return out;
}

/** A CDATA section holding any text: "]]>" inside is split across two sections. */
export function cdata(text: string): string {
  return `<![CDATA[${text.replaceAll(']]>', ']]]]><![CDATA[>')}]]>`;
}

/** The passive text reply to the user `toUser` from the account `fromUser`. */
export function textReplyXml(a: { toUser: string; fromUser: string; createTime: number; content: string }): string {
  return [
    '<xml>',
    `<ToUserName>${cdata(a.toUser)}</ToUserName>`,
    `<FromUserName>${cdata(a.fromUser)}</FromUserName>`,
    `<CreateTime>${a.createTime}</CreateTime>`,
    '<MsgType><![CDATA[text]]></MsgType>',
    `<Content>${cdata(a.content)}</Content>`,
    '</xml>',
  ].join('');
}

/** The safe-mode envelope around an encrypted reply. */
export function encryptedReplyXml(a: { encrypt: string; signature: string; timestamp: string; nonce: string }) {
  return [
    '<xml>',
    `<Encrypt>${cdata(a.encrypt)}</Encrypt>`,
    `<MsgSignature>${cdata(a.signature)}</MsgSignature>`,
    `<TimeStamp>${a.timestamp}</TimeStamp>`,
    `<Nonce>${cdata(a.nonce)}</Nonce>`,
    '</xml>',
  ].join('');
}
