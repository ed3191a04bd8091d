/** Calls `onFrame` once per animation frame with the wall ms since the previous one; returns the stop function. */
export function startFrameLoop(onFrame: (wallMs: number) => void): () => void {
  let last = performance.now();
  let handle = requestAnimationFrame(function frame(now: number) {
    handle = requestAnimationFrame(frame);
    onFrame(Math.max(0, now - last));
    last = now;
  });
  return () => cancelAnimationFrame(handle);
}
