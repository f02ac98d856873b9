// Engine replies → WeChat text messages. A chat in an Official Account has no buttons, so choices are
// numbered lines answered by number; each message stays within the platform's text limit (see TEXT_MAX_BYTES).
import type { Reply } from '../intake/index';
import { splitAtLineEnds } from '../split-lines';
import { WX } from './texts';

/**
 * Team default: the platform cuts long text messages, and its documented limit is given in bytes of UTF-8
 * (2048 for customer-service text); we stay a little under it for every message we send.
 */
export const TEXT_MAX_BYTES = 2000;

const utf8 = new TextEncoder();
const bytesOf = (s: string) => utf8.encode(s).length;

export interface RenderOptions {
  notice?: string;
  footer?: string;
}

/** The reply as one or more messages: the first is the passive reply, the rest go out as customer-service messages. */
export function renderWechat(reply: Reply, opts: RenderOptions = {}): string[] {
  const parts: string[] = [];
  if (opts.notice) parts.push(opts.notice);
  if (reply.error) parts.push(`⚠️ ${reply.error}`);
  if (reply.warning) parts.push(`⚠️ ${reply.warning}\n${WX.keepOrRetype}`);
  parts.push([reply.text, ...choiceLines(reply), progressOf(reply)].filter(Boolean).join('\n'));
  if (opts.footer) parts.push(opts.footer);
  return splitText(parts.join('\n\n'));
}

function choiceLines(reply: Reply): string[] {
  const field = reply.field;
  if (!field || (reply.kind !== 'question' && reply.kind !== 'help')) return [];
  if (field.kind === 'boolean') return [WX.yesNo];
  const options = field.options ?? [];
  if (field.kind === 'choice') return [...options.map((o, i) => `${i + 1}. ${o.label}`), WX.choose];
  if (field.kind === 'multi') {
    const selected = new Set(field.selected ?? []);
    const chosen = options.filter((o) => selected.has(o.value)).map((o) => o.label);
    return [
      ...options.map((o, i) => `${i + 1}. ${selected.has(o.value) ? '✅ ' : ''}${o.label}`),
      chosen.length > 0 ? WX.selected(chosen.join(WX.list)) : WX.noneSelected,
      WX.chooseMany,
    ];
  }
  return [];
}

function progressOf(reply: Reply): string {
  const { answered, total } = reply.progress;
  if (reply.kind !== 'question' || answered >= total) return '';
  return WX.progress(answered + 1, total);
}

/** Splits at line ends into messages of at most `max` UTF-8 bytes; a longer line is cut between characters. */
export function splitText(text: string, max = TEXT_MAX_BYTES): string[] {
  return splitAtLineEnds(
    text,
    (message) => bytesOf(message) <= max,
    (line) => {
      const pieces: string[] = [];
      let rest = '';
      for (const ch of line) {
        if (bytesOf(rest + ch) > max) {
          pieces.push(rest);
          rest = '';
        }
        rest += ch;
      }
      return [...pieces, rest];
    },
  );
}
