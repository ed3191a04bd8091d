/**
 * The window's size, kept up to date on resize, for layouts that grow with the page (type on a projector,
 * chart heights). Read once when the page starts (the document is nearly empty then, so reading it costs
 * no layout) rather than by each component as it is created.
 */
class Viewport {
  width = $state(typeof window === 'undefined' ? 1280 : window.innerWidth);
  height = $state(typeof window === 'undefined' ? 720 : window.innerHeight);

  constructor() {
    if (typeof window === 'undefined') return;
    window.addEventListener('resize', () => {
      this.width = window.innerWidth;
      this.height = window.innerHeight;
    });
  }
}

export const viewport = new Viewport();
