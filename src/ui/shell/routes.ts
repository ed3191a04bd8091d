/**
 * Hash routes, so any static host serves the app from any sub-path: `#/` (home: the way in to the lessons),
 * `#/sandbox` (optionally `?s=<share link payload>`), `#/compare`, and `#/lessons/<slug>/<step>` (reserved
 * for the lessons issue).
 */
export type Route =
  | { page: 'home' }
  | { page: 'sandbox'; share: string | null }
  | { page: 'compare' }
  | { page: 'lessons' }
  | { page: 'lesson'; slug: string; step: number }
  | { page: 'not-found'; hash: string };

export function parseRoute(hash: string): Route {
  const raw = hash.replace(/^#/, '');
  const [path, query = ''] = raw.split('?', 2);
  const parts = path.split('/').filter((p) => p !== '');
  if (parts.length === 0) return { page: 'home' };
  if (parts.length === 1 && parts[0] === 'sandbox') {
    return { page: 'sandbox', share: new URLSearchParams(query).get('s') };
  }
  if (parts.length === 1 && parts[0] === 'compare') return { page: 'compare' };
  if (parts.length === 1 && parts[0] === 'lessons') return { page: 'lessons' };
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
