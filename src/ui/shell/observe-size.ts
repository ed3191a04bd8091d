/**
 * An element's client size from a ResizeObserver only (`{@attach observeSize(...)}`): it is told after the
 * browser has laid the page out, never by reading sizes while the page is being built, which would force a
 * layout in the middle of drawing (Svelte's `bind:clientWidth` reads the size once when it starts). The size
 * comes from the observer's entry, not from `clientWidth`: several observed elements are told one after
 * another in one frame, each callback's change is drawn at once (Svelte flushes in a microtask), and reading
 * `clientWidth` in the next callback then laid the whole page out again — in a trace of perf:ui's start-up,
 * most of the frames' tasks over 20 ms of CPU did this once or twice. The entry's content box is the client
 * size of an element without padding, which every observed element is (its rounding too: whole pixels).
 */
import type { Attachment } from 'svelte/attachments';

/** Calls `set` with the element's client width and height (it must have no padding) after each layout that changed its size (and after the first). */
export function observeSize(set: (width: number, height: number) => void): Attachment<HTMLElement> {
  return (element) => {
    const observer = new ResizeObserver((entries) => {
      const box = entries[entries.length - 1].contentRect;
      set(Math.round(box.width), Math.round(box.height));
    });
    observer.observe(element);
    return () => observer.disconnect();
  };
}
