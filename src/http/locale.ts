import type { Context } from 'hono';

export type Locale = 'zh' | 'en';

/** Chinese unless the client asks for English first (`?lang=en` or an `Accept-Language` led by en). */
export function requestLocale(c: Context): Locale {
  const q = c.req.query('lang');
  if (q === 'en' || q === 'zh') return q;
  const header = c.req.header('accept-language')?.trim().toLowerCase() ?? '';
  return header.startsWith('en') ? 'en' : 'zh';
}
