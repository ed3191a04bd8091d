/**
 * Inside the embed view (`#/embed/…`), the page's own links (`#/lessons/…`, `#/sandbox`) stay in the embed
 * view: a click on one is turned into the same address under `#/embed`, so the site's header never appears
 * inside a learning platform's frame.
 */

/** The embed address for a link's href, or null when the link is not one of the page's own (or already embedded). */
export function embeddedHref(href: string): string | null {
  if (!href.startsWith('#/') || href.startsWith('#/embed/') || href === '#/embed') return null;
  return `#/embed${href.slice(1)}`;
}

/** A click handler for the document while the embed view is on screen. */
export function keepEmbedded(event: MouseEvent): void {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  const anchor = (event.target as Element | null)?.closest?.('a[href]');
  const href = anchor?.getAttribute('href');
  const target = href ? embeddedHref(href) : null;
  if (target === null) return;
  event.preventDefault();
  location.hash = target;
}
