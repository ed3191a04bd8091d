/**
 * The scenario as it runs now: the one opened, with the session's live changes written in (the worker's
 * scenarioNow), read again whenever the change log changes. What the theory overlay follows, so that Erlang C
 * is drawn for the current capacity and load after a learner adds targets or changes the rate. Call it while
 * a component initialises (it owns an effect).
 */
import type { Scenario } from '../scenario/schema.ts';
import type { SimSession } from './sim-session.svelte.ts';

export function liveScenario(session: () => SimSession): { readonly current: Scenario | null } {
  let current = $state.raw<Scenario | null>(null);
  $effect(() => {
    const s = session();
    const opened = s.scenario;
    const changed = s.changes.length > 0;
    if (opened === null || !changed) {
      current = opened;
      return;
    }
    let stale = false;
    s.scenarioNow().then(
      (now) => {
        if (!stale) current = now;
      },
      () => {
        // the worker was replaced or died: the next change log reads again
      },
    );
    return () => {
      stale = true;
    };
  });
  return {
    get current() {
      return current;
    },
  };
}
