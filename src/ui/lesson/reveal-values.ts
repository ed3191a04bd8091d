/** The learner's own run's numbers for a step's reveal (src/content/reveal.ts), formatted for prose. */
import { revealValue, type RunFacts } from '../../content/reveal.ts';
import { formatCount } from '../../viz/number-format.ts';

export type { RunFacts };

/** A lookup for fillReveal: the value of a key in this run, or null when the run has none. */
export function revealLookup(run: RunFacts): (key: string) => string | null {
  return (key) => {
    const v = revealValue(key, run);
    return v === null ? null : formatCount(v);
  };
}
