/**
 * Starts a throwaway worker that builds the page's first Intl formatters (workers/intl-warm.worker.ts), so
 * that ICU's locale data is loaded off the main thread while the page's chunks download: the first number the
 * diagram writes and the scenario menu's order then cost nothing noticeable. The worker ends when it is done;
 * if it cannot start, the page builds its formatters itself, as before (only slower to start).
 */
export function warmIntl(): void {
  if (typeof Worker === 'undefined') return;
  try {
    const worker = new Worker(new URL('../../../workers/intl-warm.worker.ts', import.meta.url), { type: 'module', name: 'intl-warm' });
    const end = () => worker.terminate();
    worker.onmessage = end;
    worker.onerror = end;
  } catch {
    // no worker: nothing is lost but the head start
  }
}
