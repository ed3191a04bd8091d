/**
 * Hash routes, so any static host serves the app from any sub-path: `#/` (home: the way in to the lessons),
 * `#/sandbox` (optionally `?s=<share link payload>`), `#/compare`, `#/lessons/<slug>/<step>`, `#/teach`
 * (teaching with the lab), `#/teach/progress` (a class's progress files in one table) and `#/class?…` (a
 * teacher's link: src/content/class-settings.ts). Any of them under `#/embed/…` is the same page without the
 * site's header, for learning platforms (docs/embed.md).
 */
export type Route =
  | { page: 'home' }
  | { page: 'sandbox'; share: string | null }
  | { page: 'compare' }
  | { page: 'lessons' }
  | { page: 'lesson'; slug: string; step: number }
  | { page: 'teach' }
  | { page: 'teach-progress' }
  | { page: 'class'; query: string }
  | { page: 'not-found'; hash: string };

const EMBED = /^#?\/embed(?=\/|$|\?)/;

/** Whether the address is an embed view (`#/embed/…`). */
export function isEmbedded(hash: string): boolean {
  return EMBED.test(hash);
}

/** The hash of a lesson step, kept inside the embed view when `current` is one. */
export function lessonHash(slug: string, step: number, current = ''): string {
  return `#${isEmbedded(current) ? '/embed' : ''}/lessons/${slug}/${step}`;
}

export function parseRoute(hash: string): Route {
  const raw = hash.replace(EMBED, '').replace(/^#/, '');
  const [path, query = ''] = raw.split('?', 2);
  const parts = path.split('/').filter((p) => p !== '');
  if (parts.length === 0) return { page: 'home' };
  if (parts.length === 1 && parts[0] === 'sandbox') {
    return { page: 'sandbox', share: new URLSearchParams(query).get('s') };
  }
  if (parts.length === 1 && parts[0] === 'compare') return { page: 'compare' };
  if (parts.length === 1 && parts[0] === 'lessons') return { page: 'lessons' };
  if (parts.length === 1 && parts[0] === 'teach') return { page: 'teach' };
  if (parts.length === 2 && parts[0] === 'teach' && parts[1] === 'progress') return { page: 'teach-progress' };
  if (parts.length === 1 && parts[0] === 'class') return { page: 'class', query };
  if (parts[0] === 'lessons' && parts.length >= 2 && parts.length <= 3) {
    const step = parts.length === 3 ? Number(parts[2]) : 1;
    if (Number.isInteger(step) && step >= 1) return { page: 'lesson', slug: decodeURIComponent(parts[1]), step };
  }
  return { page: 'not-found', hash: raw };
}

/** The hash for a share link's payload. */
export function sandboxHash(share: string | null = null): string {
  return share === null ? '#/sandbox' : `#/sandbox?s=${share}`;
}
