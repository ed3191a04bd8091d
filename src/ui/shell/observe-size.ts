/**
 * An element's client size from a ResizeObserver only (`{@attach observeSize(...)}`): it is told after the
 * browser has laid the page out, never by reading sizes while the page is being built, which would force a
 * layout in the middle of drawing (Svelte's `bind:clientWidth` reads the size once when it starts).
 */
import type { Attachment } from 'svelte/attachments';

/** Calls `set` with the element's clientWidth and clientHeight after each layout that changed its size (and after the first). */
export function observeSize(set: (width: number, height: number) => void): Attachment<HTMLElement> {
  return (element) => {
    const observer = new ResizeObserver(() => set(element.clientWidth, element.clientHeight));
    observer.observe(element);
    return () => observer.disconnect();
  };
}
