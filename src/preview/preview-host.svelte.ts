/**
 * The preview's simulation host: the real engine through the worker's Timeline (same replay and time
 * travel), but on the main thread, because the worker API does not hand out health() and scaling() yet
 * and the lab's views need them. Dev-only: the app proper runs the engine in its worker (src/sim).
 * One frame = run on by wall time × speed within a wall budget, then pull what the views draw.
 */
import type { HealthReport, MetricsReport, ScalingReport, Series, SimEvent, Snapshot, Topology } from '../engine/types.ts';
import type { Change, Scenario } from '../scenario/schema.ts';
import { validateChange, validateScenario } from '../scenario/validate.ts';
import { Timeline } from '../../workers/timeline.ts';

const FRAME_BUDGET_MS = 12;
const EVENTS_KEPT = 300;
/** Wall ms between two pulls of the series and the reports (they are bigger than a snapshot). */
const REPORTS_EVERY_MS = 250;

export class PreviewHost {
  scenario = $state.raw<Scenario | null>(null);
  topology = $state.raw<Topology | null>(null);
  snapshot = $state.raw<Snapshot | null>(null);
  series = $state.raw<Series | null>(null);
  events = $state.raw<SimEvent[]>([]);
  health = $state.raw<HealthReport | null>(null);
  scaling = $state.raw<ScalingReport[] | null>(null);
  metrics = $state.raw<MetricsReport | null>(null);
  #timeline: Timeline | null = null;
  #reportsAt = -Infinity;

  get ended(): boolean {
    const t = this.#timeline;
    return t !== null && t.sim.nowMs >= t.scenario.durationSec * 1000;
  }

  /** Opens a scenario document; the errors in words, or null. */
  open(doc: unknown): string | null {
    const v = validateScenario(doc);
    if (!v.ok) return v.errors.map((e) => `${e.path}: ${e.message}`).join('; ');
    this.#timeline = new Timeline(v.value);
    this.scenario = v.value;
    this.#pull(true, true);
    return null;
  }

  /** Runs on by `wallMs × speed` of simulated time (not past the end), within the frame budget. */
  tick(wallMs: number, speed: number): void {
    const t = this.#timeline;
    if (t === null) return;
    const endMs = t.scenario.durationSec * 1000;
    t.forwardWithin(Math.min(endMs, t.sim.nowMs + Math.min(wallMs, 250) * speed), FRAME_BUDGET_MS, () => performance.now());
    this.#pull(false, false);
  }

  seek(timeMs: number): void {
    const t = this.#timeline;
    if (t === null) return;
    t.seek(Math.max(0, Math.min(timeMs, t.scenario.durationSec * 1000)));
    t.sim.drainFlows(); // the replay's flows: the view starts afresh
    this.#pull(true, true);
  }

  /** Applies a live change now; why it was refused, or null. */
  apply(change: Change): string | null {
    const t = this.#timeline;
    if (t === null) return 'nothing is open';
    const topology = t.sim.topology();
    const v = validateChange(change, t.scenario, { targets: topology.targets.map((x) => x.id), groups: topology.groups.map((g) => g.id) });
    if (!v.ok) return v.errors.map((e) => e.message).join('; ');
    const refused = t.apply(v.value);
    if (refused === null) this.#pull(false, true);
    return refused;
  }

  #pull(fresh: boolean, reports: boolean): void {
    const sim = this.#timeline?.sim;
    if (!sim) return;
    const snapshot = sim.snapshot();
    sim.drainFlows();
    this.snapshot = snapshot;
    if (this.topology === null || snapshot.topologyVersion !== this.topology.version || fresh) this.topology = sim.topology();
    const last = fresh || this.events.length === 0 ? 0 : this.events[this.events.length - 1].seq;
    if (fresh || snapshot.lastEventSeq > last) this.events = [...(fresh ? [] : this.events), ...sim.events(last)].slice(-EVENTS_KEPT);
    const now = performance.now();
    if (reports || now - this.#reportsAt >= REPORTS_EVERY_MS) {
      this.#reportsAt = now;
      this.series = sim.series();
      this.health = sim.health();
      this.scaling = sim.scaling();
      this.metrics = sim.metrics();
    }
  }
}
