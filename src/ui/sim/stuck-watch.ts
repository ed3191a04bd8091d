/**
 * Whether a sticky bar is stuck to the top of the window, and the room it keeps in the page while it is.
 *
 * Mirrors the mini controls of a video player or a sticky table header: the bar is `position: sticky; top: -1px`,
 * so that once stuck its top pixel is above the window and an IntersectionObserver with the one threshold 1 is told
 * of it (no scroll handler, no layout work while the page scrolls; it works inside an iframe too, where a root
 * margin would not). While stuck the bar may fold to fewer rows: a bottom margin keeps the room it took when it
 * stuck, so that nothing below it moves under the reader (a ResizeObserver, told only when the bar's size changes).
 * Simplified: the room kept is the bar's height at the moment it stuck; a window resized while it is stuck may
 * move the page by the difference when it comes unstuck.
 */

/** Stuck: the bar's top edge is above the window's (by the pixel of its `top: -1px`), and it is on screen at all. */
export function isStuck(top: number, height: number): boolean {
  return height > 0 && top < 0;
}

export class StuckWatch {
  private readonly intersections: IntersectionObserver;
  private readonly sizes: ResizeObserver;
  /** The bar's height when it stuck; null while it is not stuck. */
  private reserved: number | null = null;

  /** `onchange` is told when the bar sticks or comes unstuck, with the bar still laid out as it was. */
  constructor(
    private readonly bar: HTMLElement,
    onchange: (stuck: boolean) => void,
  ) {
    this.intersections = new IntersectionObserver(
      (entries) => {
        const entry = entries[entries.length - 1];
        const stuck = isStuck(entry.boundingClientRect.top, entry.boundingClientRect.height);
        if (stuck === (this.reserved !== null)) return;
        if (stuck) this.reserved = bar.getBoundingClientRect().height;
        else {
          this.reserved = null;
          bar.style.marginBottom = '';
        }
        onchange(stuck);
      },
      { threshold: [1] },
    );
    this.sizes = new ResizeObserver(() => this.keepRoom());
    this.intersections.observe(bar);
    this.sizes.observe(bar);
  }

  private keepRoom(): void {
    if (this.reserved === null) return;
    // negative when the bar, opened while stuck, is taller than the room: it then lies over the page, which stays put
    this.bar.style.marginBottom = `${this.reserved - this.bar.getBoundingClientRect().height}px`;
  }

  destroy(): void {
    this.intersections.disconnect();
    this.sizes.disconnect();
    this.bar.style.marginBottom = '';
  }
}
