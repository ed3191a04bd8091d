import { describe, expect, it } from 'vitest';
import type { InfraSnapshot, SimEvent } from '../../../src/engine/types.ts';
import { ChangeSchema } from '../../../src/scenario/schema.ts';
import { infraControls, regionDown, regionsOf } from '../../../src/viz/infra-actions.ts';
import { zonedTopology } from './infra-fixtures.ts';

const topology = zonedTopology([{ id: 'east', count: 2 }, { id: 'west', count: 2 }], { zones: ['a', 'b'], balancers: 2, regions: ['us-east-1', 'us-west-2'], databases: [{ id: 'orders', groups: ['east'] }] });
const infra = (over: Partial<InfraSnapshot> = {}): InfraSnapshot => ({
  balancers: [
    { id: 'lb-1', state: 'up', zonesDown: [], cpuLoad: null, cpuCores: null },
    { id: 'lb-2', state: 'up', zonesDown: [], cpuLoad: null, cpuCores: null },
  ],
  databases: [{ id: 'orders', maxConnections: 20, connectionsOpen: 12, clientConnections: 12, starved: 0, utilization: 0.1, proxy: false, failingOver: false }],
  dns: [],
  forwards: [],
  deployments: [],
  sessionStores: [],
  ...over,
});
const event = (seq: number, kind: string, subject: string, message: string): SimEvent => ({ seq, timeMs: seq * 1000, kind, subject, message });

describe('failure injection for zones, regions, balancers and databases', () => {
  it('offers one control per zone, region, balancer and database, each a valid live change', () => {
    const controls = infraControls(topology, infra(), []);
    expect(controls.map((c) => c.key)).toEqual(['zone:a', 'zone:b', 'region:us-east-1', 'region:us-west-2', 'balancer:lb-1', 'balancer:lb-2', 'database:orders']);
    for (const c of controls) expect(ChangeSchema.safeParse(c.change).success, c.key).toBe(true);
    expect(controls.map((c) => c.change.action)).toEqual(['zone-outage', 'zone-outage', 'region-outage', 'region-outage', 'crash-balancer', 'crash-balancer', 'db-failover']);
  });

  it('offers to recover a zone that a balancer reports down', () => {
    const zone = infraControls(topology, infra({ balancers: [{ id: 'lb-1', state: 'up', zonesDown: ['b'], cpuLoad: null, cpuCores: null }] }), []).find((c) => c.key === 'zone:b')!;
    expect(zone).toMatchObject({ down: true, state: 'down', label: 'Recover', change: { action: 'zone-recover', zone: 'b' } });
  });

  it('reads a region as down from its latest outage event, not from a crashed balancer', () => {
    const out = [event(1, 'outage', 'us-east-1', 'region us-east-1 is down: lb-1 and their targets stopped')];
    expect(regionDown('us-east-1', out)).toBe(true);
    expect(regionDown('us-east-1', [...out, event(2, 'recover', 'us-east-1', 'region us-east-1 is back')])).toBe(false);
    expect(regionDown('us-east-1', [event(1, 'crash', 'lb-1', 'lb-1 failed')])).toBe(false);
    const controls = infraControls(topology, infra({ balancers: [{ id: 'lb-1', state: 'down', zonesDown: [], cpuLoad: null, cpuCores: null }] }), out);
    expect(controls.find((c) => c.key === 'region:us-east-1')).toMatchObject({ label: 'Recover', change: { action: 'region-recover', region: 'us-east-1' } });
    // its balancer is down with the region: recovering it alone would change nothing
    expect(controls.find((c) => c.key === 'balancer:lb-1')).toMatchObject({ enabled: false, state: 'down with its region' });
  });

  it('offers to recover a crashed balancer, also while its standby serves', () => {
    const standby = infraControls(topology, infra({ balancers: [{ id: 'lb-1', state: 'standby', zonesDown: [], cpuLoad: null, cpuCores: null }] }), []);
    expect(standby.find((c) => c.key === 'balancer:lb-1')).toMatchObject({ state: 'standby serving', label: 'Recover', change: { action: 'recover-balancer', balancer: 'lb-1' } });
  });

  it('does not fail a database over while it is failing over', () => {
    const db = infra().databases[0];
    const c = infraControls(topology, infra({ databases: [{ ...db, failingOver: true }] }), []).find((x) => x.kind === 'database')!;
    expect(c).toMatchObject({ enabled: false, state: 'failing over' });
  });

  it('has no region controls when every balancer is in the default region', () => {
    expect(regionsOf(zonedTopology([{ id: 'web', count: 2 }]))).toEqual([]);
    expect(infraControls(zonedTopology([{ id: 'web', count: 2 }]), undefined, []).map((c) => c.kind)).toEqual(['balancer']);
  });

  it('offers to crash a shared session store and bring it back; a replicated one has no control', () => {
    const stores: InfraSnapshot['sessionStores'] = [{ group: 'east', kind: 'shared', down: false }, { group: 'west', kind: 'replicated', down: false }];
    const up = infraControls(topology, infra({ sessionStores: stores }), []).filter((c) => c.kind === 'session-store');
    expect(up).toHaveLength(1);
    expect(up[0]).toMatchObject({ key: 'session-store:east', state: 'up', down: false, label: 'Crash', change: { action: 'crash-session-store', group: 'east' }, enabled: true });
    const down = infraControls(topology, infra({ sessionStores: [{ ...stores[0], down: true }] }), []).find((c) => c.kind === 'session-store')!;
    expect(down).toMatchObject({ state: 'down', down: true, label: 'Recover', change: { action: 'recover-session-store', group: 'east' } });
    for (const c of [up[0], down]) expect(ChangeSchema.safeParse(c.change).success, c.key).toBe(true);
  });
});
