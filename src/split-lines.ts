// A long chat message sent as several, split at line ends: Telegram counts characters of HTML, WeChat UTF-8
// bytes, so each channel says what fits and how to cut a line that alone does not (src/bot/render.ts,
// src/wechat/render.ts). Pure.

/**
 * Packs `text`'s lines into as few messages as `fits` allows, each without trailing blank lines. A line that
 * fits in no message is cut by `cutLine` into pieces that each fit; its last piece starts the next message.
 */
export function splitAtLineEnds(
  text: string,
  fits: (message: string) => boolean,
  cutLine: (line: string) => string[],
): string[] {
  const chunks: string[] = [];
  let current = '';
  const flush = () => {
    if (current.trim() !== '') chunks.push(current.replace(/\n+$/, ''));
    current = '';
  };
  for (const line of text.split('\n')) {
    const candidate = current === '' ? line : `${current}\n${line}`;
    if (fits(candidate)) {
      current = candidate;
      continue;
    }
    flush();
    const pieces = cutLine(line);
    chunks.push(...pieces.slice(0, -1));
    current = pieces.at(-1) ?? '';
  }
  flush();
  return chunks.length > 0 ? chunks : [''];
}
