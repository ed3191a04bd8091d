/**
 * Keeps the keyboard's focus out from under the stuck time controls (WCAG 2.2, 2.4.11 Focus Not Obscured): a control
 * that takes the focus while the bar is stuck to the top of the window and lies under it, as Shift+Tab upward through
 * the page leaves one, is scrolled down into view just below the bar. Sites with a sticky header usually set
 * `scroll-padding-top` instead; here that also scrolled the page for a control inside the stuck bar itself, which then
 * came unstuck, so only controls outside the bar are moved, after the browser's own scroll into view.
 */

interface Box {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** Pixels left between the bar and a control moved out from under it. */
const GAP_PX = 8;

/** How far to scroll the window (negative: up) so that `control` clears `bar`; 0 when they do not overlap. */
export function scrollToClear(bar: Box, control: Box): number {
  const overlaps = control.top < bar.bottom && control.bottom > bar.top && control.left < bar.right && control.right > bar.left;
  return overlaps ? control.top - bar.bottom - GAP_PX : 0;
}

/** Watches the page's focus for the bar while `stuck()` says it is stuck; returns the function that stops it. */
export function keepFocusClear(bar: HTMLElement, stuck: () => boolean): () => void {
  let frame = 0;
  const onfocus = (event: FocusEvent): void => {
    const control = event.target;
    if (!(control instanceof Element) || bar.contains(control) || !stuck()) return;
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(() => {
      const by = scrollToClear(bar.getBoundingClientRect(), control.getBoundingClientRect());
      if (by !== 0) window.scrollBy(0, by);
    });
  };
  document.addEventListener('focusin', onfocus);
  return () => {
    cancelAnimationFrame(frame);
    document.removeEventListener('focusin', onfocus);
  };
}
