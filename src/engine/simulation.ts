/**
 * The discrete-event loop: time jumps from event to event, and each event is handed to the stage or
 * mechanism that owns it. Assembles a run (build-state.ts, then the plug-ins the scenario needs, then
 * the scheduled events) and answers the host. Passive and deterministic: it advances only when the
 * host calls runUntil/step, and all randomness comes from seeded per-purpose streams. Only the
 * engine's entry (index.ts) imports this module.
 */
import type { Change, Scenario } from '../scenario/schema.ts';
import type { SimState } from './state.ts';
import type { HealthReport, InFlightRecord, MetricsReport, ScalingReport, Series, SimEvent, Simulation, SimulationOptions, Snapshot, Topology } from './types.ts';
import { EV_ARRIVAL, EV_COMPLETION, EV_DRAIN_DONE, EV_LB_TAKEOVER, EV_REPLAY, EV_SCHEDULED, EV_TIMEOUT, EV_USER } from './event-kinds.ts';
import { buildState } from './build-state.ts';
import { PLUGINS, type Handler } from './plugins.ts';
import { admit, onArrival, onReplay, scheduleArrival, scheduleReplay } from './request/arrive.ts';
import { onCompletion } from './request/complete.ts';
import { expire } from './request/timeout.ts';
import { thinkTime } from './traffic/think-time.ts';
import { afterDrained, finishDraining } from './backend/lifecycle.ts';
import { onInstanceUnused } from './scaling/runtime.ts';
import { onStandbyTakeover } from './infra/outages.ts';
import { applyChange, refusalText, tryChange } from './commands/index.ts';
import type { ValidationError } from '../scenario/validated.ts';
import { rollTo } from './metrics/rollup.ts';
import { buildSnapshot } from './report/snapshot.ts';
import { buildMetrics } from './report/metrics.ts';
import { buildTopology } from './report/topology.ts';
import { buildHealthReport } from './report/health.ts';
import { inFlightRecords } from './report/in-flight.ts';
import { scalingReports } from './scaling/runtime.ts';
import { groupInternals, type GroupInternals } from './explain/internals.ts';

class Run implements Simulation {
  private readonly handlers: (Handler | undefined)[] = [];
  private declare readonly s: SimState;

  constructor(s: SimState) {
    this.s = s;
    const scenario = s.scenario;
    if (s.traffic.think !== null) {
      for (let u = 0; u < s.clients.normal; u++) s.queue.push(thinkTime(s), EV_USER, u, 0);
    } else if (s.traffic.replay !== null) {
      scheduleReplay(s, 0);
    } else {
      scheduleArrival(s, 0);
    }
    for (const p of PLUGINS) {
      if (p.needed(s)) p.start(s);
      for (const [kind, handler] of p.events) this.handlers[kind] = handler;
    }
    const scheduled = scenario.events.map((e, i) => ({ e, i })).sort((x, y) => x.e.atSec - y.e.atSec || x.i - y.i);
    for (const { e, i } of scheduled) s.queue.push(e.atSec * 1000, EV_SCHEDULED, i, 0);
    s.log.add(0, 'start', scenario.name, `simulation started with seed ${scenario.seed}`);
  }

  get scenario(): Scenario {
    return this.s.scenario;
  }

  get nowMs(): number {
    return this.s.nowMs;
  }

  runUntil(timeMs: number): void {
    const s = this.s;
    const q = s.queue;
    // the limit unboxed once (`+`), not checked as a heap number again on every event
    const limitMs = +timeMs;
    while (q.popUntil(limitMs)) {
      clockTo(s, q.time);
      // arrivals and completions, nearly every event, are dispatched here in the loop: V8 would not inline
      // `handle` into it (too much inlined already), and its call cost about 50 instructions an event (the
      // switch in `handle` still knows every kind, for `step` and the rest)
      const kind = q.kind;
      if (kind === EV_ARRIVAL) onArrival(s, q.a);
      else if (kind === EV_COMPLETION) onCompletion(s, q.a, q.b);
      else this.handle();
    }
    if (timeMs > s.nowMs) {
      if (timeMs >= s.second.endMs) rollTo(s, timeMs);
      s.nowMs = timeMs;
    }
  }

  step(): boolean {
    if (this.s.queue.size === 0) return false;
    const q = this.s.queue;
    q.pop();
    clockTo(this.s, q.time);
    this.handle();
    return true;
  }

  nextEventMs(): number {
    return this.s.queue.peekTime();
  }

  snapshot(): Snapshot {
    return buildSnapshot(this.s);
  }

  drainFlows(): void {
    this.s.flows.drain();
  }

  metrics(): MetricsReport {
    return buildMetrics(this.s);
  }

  series(): Series {
    return this.s.series.export();
  }

  topology(): Topology {
    return buildTopology(this.s);
  }

  apply(change: Change): string | null {
    return applyChange(this.s, change);
  }

  tryApply(change: Change): ValidationError[] | null {
    return tryChange(this.s, change);
  }

  events(sinceSeq = 0): SimEvent[] {
    return this.s.log.since(sinceSeq);
  }

  inFlight(): InFlightRecord[] {
    return inFlightRecords(this.s);
  }

  health(): HealthReport {
    return buildHealthReport(this.s);
  }

  internals(groupId: string, leavingId?: string): GroupInternals | null {
    return groupInternals(this.s, groupId, leavingId);
  }

  scaling(): ScalingReport[] {
    return scalingReports(this.s);
  }

  /** Handles the event the queue just popped, of any kind (the clock is already at it). */
  private handle(): void {
    const s = this.s;
    const q = s.queue;
    const t = q.time;
    switch (q.kind) {
      case EV_ARRIVAL:
        return onArrival(s, q.a);
      case EV_COMPLETION:
        return onCompletion(s, q.a, q.b);
      case EV_TIMEOUT:
        return expire(s, s.groups[q.a], q.b);
      case EV_USER:
        // a user beyond the count (a live change lowered it) stops
        return q.a < s.clients.normal ? admit(s, q.a, -1) : undefined;
      case EV_REPLAY:
        return onReplay(s, q.a);
      case EV_DRAIN_DONE:
        return drainDone(s, q.a, q.b);
      case EV_LB_TAKEOVER:
        return onStandbyTakeover(s, q.a);
      case EV_SCHEDULED: {
        const e = s.scenario.events[q.a];
        const refused = tryChange(s, e);
        if (refused !== null) s.log.refused(t, e.action, `scheduled ${e.action} at ${e.atSec} s not applied: ${refusalText(e, refused)}`, refused);
        return;
      }
      default:
        this.handlers[q.kind]?.(s, q.a, q.b);
    }
  }
}

/** The clock moves to the time of the event just popped (closing the seconds it passes; the queue counts the events). */
function clockTo(s: SimState, t: number): void {
  if (t >= s.second.endMs) rollTo(s, t);
  s.nowMs = t;
}

/** A target's deregistration delay ended: it becomes unused, its scaling group hears of it, the group follows. */
function drainDone(s: SimState, t: number, token: number): void {
  const held = finishDraining(s, t, token);
  if (held < 0) return;
  onInstanceUnused(s, t);
  afterDrained(s, t, held);
}

/** Creates a simulation of a validated scenario. */
export function createSimulation(scenario: Scenario, options: SimulationOptions = {}): Simulation {
  return new Run(buildState(scenario, options));
}
