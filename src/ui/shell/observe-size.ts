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

/**
 * Calls `set` with the element's client width and height (it must have no padding) after each layout that changed
 * its size (and after the first). The first size is given in a task of its own: what it draws (the diagram, a
 * chart, each the first time) is then not part of the frame that laid the new part out, and the frame's task and
 * the drawing's are two short tasks rather than one long one (perf:ui start-up traces on a 2-core machine: the
 * frame after the lab was mounted took 16–20 ms of CPU, its layout and the first drawings its observers started).
 * Nothing was drawn at that size yet, so nothing on screen waits for it but the part itself, one frame later.
 */
export function observeSize(set: (width: number, height: number) => void): Attachment<HTMLElement> {
  return (element) => {
    let first = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const observer = new ResizeObserver((entries) => {
      const box = entries[entries.length - 1].contentRect;
      const width = Math.round(box.width);
      const height = Math.round(box.height);
      // a size that changes again before the first was given replaces it
      clearTimeout(timer);
      if (!first) return set(width, height);
      timer = setTimeout(() => {
        first = false;
        set(width, height);
      });
    });
    observer.observe(element);
    return () => {
      clearTimeout(timer);
      observer.disconnect();
    };
  };
}
