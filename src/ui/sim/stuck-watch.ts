/**
 * Whether a sticky bar is stuck to the top of the window, and the room it keeps in the page while it is.
 *
 * Mirrors the mini controls of a video player or a sticky table header: the bar is `position: sticky; top: -1px`,
 * so that once stuck its top pixel is above the window and an IntersectionObserver with the one threshold 1 is told
 * of it (no scroll handler, no layout work while the page scrolls; it works inside an iframe too, where a root
 * margin would not). While stuck the bar may fold to fewer rows: a bottom margin keeps the room the whole bar takes,
 * so that nothing below it moves under the reader, now or when it comes unstuck (a ResizeObserver, told only when the
 * bar's size changes). The whole bar's height is measured as it sticks; when the bar's width changes while it is
 * stuck (the window resized), a copy of the bar with the classes it had when it stuck is laid out out of the page's
 * flow at the new width and measured.
 * No layout ever sees the page shorter or longer than it is: the fold and the room land together. Had the browser
 * laid out the folded bar before its room was kept (the ResizeObserver is told only after a layout), everything
 * below it would have moved up by the fold for that layout, and the browser's scroll anchoring (CSS `overflow-anchor`)
 * or the end of a shorter page would have moved the window with it: 432 → 308 → 432 px at the foot of a lesson,
 * and near its top scrolled back above the bar, which came unstuck, so that the wheel could not get past it. So as
 * it sticks the bar keeps the whole bar's height while `onchange` folds it; its folded height is measured on a copy
 * out of the flow, and the height is swapped for the margin in one go.
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

  /**
   * `onchange` is told when the bar sticks or comes unstuck, with the bar still laid out as it was; it must give the
   * bar its new classes before it returns (Svelte's `flushSync`), so that they land with the room kept.
   */
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
          // the bar keeps the whole bar's height while it folds, so that no layout sees the page move
          bar.style.height = `${height}px`;
          onchange(stuck);
          const folded = this.heightWith(bar.className, width);
          bar.style.height = '';
          bar.style.marginBottom = `${height - folded}px`;
        } else {
          this.room = null;
          bar.style.marginBottom = '';
          onchange(stuck);
        }
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
    if (width !== this.room.width) this.room = { ...this.room, width, height: this.heightWith(this.room.classes, width) };
    // negative when the bar, opened while stuck, is taller than the room: it then lies over the page, which stays put
    this.bar.style.marginBottom = `${this.room.height - height}px`;
  }

  /**
   * The bar's height with `classes` at `width` px: a copy of it, out of the page's flow (absolutely positioned,
   * unseen, inert) beside it for one forced layout, so that nothing in the page moves while it is measured.
   */
  private heightWith(classes: string, width: number): number {
    const copy = this.bar.cloneNode(true) as HTMLElement;
    copy.className = classes;
    copy.removeAttribute('data-testid');
    copy.setAttribute('aria-hidden', 'true');
    copy.inert = true;
    copy.style.cssText = `position: absolute; top: 0; left: 0; visibility: hidden; box-sizing: border-box; width: ${width}px; margin: 0`;
    this.bar.after(copy);
    const { height } = copy.getBoundingClientRect();
    copy.remove();
    return height;
  }

  destroy(): void {
    this.intersections.disconnect();
    this.sizes.disconnect();
    this.bar.style.marginBottom = '';
  }
}
