import type { HtmlEscapedString } from 'hono/utils/html';

/** A page's JSX as the string htmlPage answers with. */
export const render = async (node: HtmlEscapedString | Promise<HtmlEscapedString>) => String(await node);

/** Posted submission keys and message nonces: a page's own token, else a new one is drawn. */
export const SUBMISSION_KEY = /^[A-Za-z0-9_-]{16,64}$/;
