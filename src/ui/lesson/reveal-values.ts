/** The learner's own run's numbers for a step's reveal (src/content/reveal.ts), formatted for prose. */
import type { HealthReport, MetricsReport, SimEvent } from '../../engine/types.ts';
import { formatCount } from '../../viz/number-format.ts';

export interface RunFacts {
  metrics: MetricsReport | null;
  health: HealthReport | null;
  events: readonly SimEvent[];
}

/** A lookup for fillReveal: the value of a key in this run, or null when the run has none. */
export function revealLookup(run: RunFacts): (key: string) => string | null {
  return (key) => {
    if (key === 'failed') return run.metrics ? formatCount(run.metrics.requests.failed) : null;
    const [kind, id, field] = splitKey(key);
    if (kind === 'window') {
      const w = run.health?.windows.find((x) => x.target === id);
      if (w === undefined) return null;
      if (field === 'failed') return formatCount(w.failedRequests);
      return w.detectMs === null ? null : String(Math.round(w.detectMs / 1000));
    }
    if (kind === 'event') {
      const e = run.events.find((x) => x.kind === id && x.subject === field);
      return e === undefined ? null : String(Math.round(e.timeMs / 1000));
    }
    return null;
  };
}

/** `window.web-1.detectSec` → ['window', 'web-1', 'detectSec'] (ids may hold dots: the first and last parts are fixed). */
function splitKey(key: string): [string, string, string] {
  const first = key.indexOf('.');
  const last = key.lastIndexOf('.');
  return [key.slice(0, first), key.slice(first + 1, last), key.slice(last + 1)];
}
