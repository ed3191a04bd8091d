/** Live changes to the traffic: the arrival rate from now on. */
import type { SimState } from '../state.ts';
import { scheduleArrival } from '../request/arrive.ts';
import { formatRate } from '../format.ts';
import { setInScenario } from './current.ts';
import { refuse, type Refusal } from '../refusal.ts';

/** A constant open-loop rate from now on (the arrival already scheduled is dropped). */
export function setRate(s: SimState, ratePerSec: number): Refusal | null {
  const profile = s.traffic.profile;
  if (profile === null) return refuse(s.traffic.replay !== null ? 'val_live_rate_replay' : 'val_live_rate_closed');
  profile.setConstantFrom(s.nowMs / 1000, ratePerSec);
  // the same in the scenario: the points before now, then this rate from now on
  const atSec = s.nowMs / 1000;
  setInScenario(s, ['traffic', 'profile'], [...(s.scenario.traffic.profile ?? []).filter((p) => p.atSec < atSec), { atSec, ratePerSec, rampSec: 0 }]);
  s.traffic.generation++;
  scheduleArrival(s, s.nowMs);
  s.log.add(s.nowMs, 'config', 'traffic', `arrival rate set to ${formatRate(ratePerSec)}`);
  return null;
}
