/**
 * Whether a sticky bar is stuck to the top of the window, and the room it keeps in the page while it is.
 *
 * Mirrors the mini controls of a video player or a sticky table header: the bar is `position: sticky; top: -1px`,
 * so that once stuck its top pixel is above the window and an IntersectionObserver with the one threshold 1 is told
 * of it (no scroll handler, no layout work while the page scrolls; it works inside an iframe too, where a root
 * margin would not). While stuck the bar may fold to fewer rows: a bottom margin keeps the room the whole bar takes,
 * so that nothing below it moves under the reader, now or when it comes unstuck (a ResizeObserver, told only when the
 * bar's size changes). The whole bar's height is measured as it sticks; when the bar's width changes while it is
 * stuck (the window resized), the whole bar is laid out again at the new width for a moment, with the classes it had
 * when it stuck, and measured (one forced layout, no paint between).
 * Simplified: only a new width is measured again; words of the whole bar that change while it is folded (its status,
 * its numbers) keep the room they had when it stuck.
 */

/** Stuck: the bar's top edge is above the window's (by the pixel of its `top: -1px`), and it is on screen at all. */
export function isStuck(top: number, height: number): boolean {
  return height > 0 && top < 0;
}

export class StuckWatch {
  private readonly intersections: IntersectionObserver;
  private readonly sizes: ResizeObserver;
  /** The room the whole bar takes, the width it was measured at and its classes when it stuck; null while not stuck. */
  private room: { height: number; width: number; classes: string } | null = null;

  /** `onchange` is told when the bar sticks or comes unstuck, with the bar still laid out as it was. */
  constructor(
    private readonly bar: HTMLElement,
    onchange: (stuck: boolean) => void,
  ) {
    this.intersections = new IntersectionObserver(
      (entries) => {
        const entry = entries[entries.length - 1];
        const stuck = isStuck(entry.boundingClientRect.top, entry.boundingClientRect.height);
        if (stuck === (this.room !== null)) return;
        if (stuck) {
          const { height, width } = bar.getBoundingClientRect();
          this.room = { height, width, classes: bar.className };
        } else {
          this.room = null;
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
    if (this.room === null) return;
    const { height, width } = this.bar.getBoundingClientRect();
    if (width !== this.room.width) this.room = { ...this.room, width, height: this.wholeHeight(this.room.classes) };
    // negative when the bar, opened while stuck, is taller than the room: it then lies over the page, which stays put
    this.bar.style.marginBottom = `${this.room.height - height}px`;
  }

  /** The bar's height with `classes` (as it was when it stuck), at its width now; its own classes are put back. */
  private wholeHeight(classes: string): number {
    const now = this.bar.className;
    this.bar.className = classes;
    const { height } = this.bar.getBoundingClientRect();
    this.bar.className = now;
    return height;
  }

  destroy(): void {
    this.intersections.disconnect();
    this.sizes.disconnect();
    this.bar.style.marginBottom = '';
  }
}
