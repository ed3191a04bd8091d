import { describe, expect, it } from 'vitest';
import { ServerSet, dynamicEweight, userWeight } from '../../../../../src/engine/balancer/algorithms/haproxy-servers.ts';
import { FakeGroup } from '../fake-group.ts';

describe('ServerSet (HAProxy recount_servers / update_backend_weight)', () => {
  it('scales weights: × 16 for dynamic algorithms, ÷ gcd for the map; 256 at most; positive never 0', () => {
    expect(dynamicEweight(5)).toBe(80);
    expect(dynamicEweight(0.25)).toBe(4);
    expect(dynamicEweight(1000)).toBe(4096);
    expect(userWeight(0.2)).toBe(1);
    expect(userWeight(0)).toBe(0);
    const group = new FakeGroup({ weights: [4, 2, 6, 0] });
    const map = new ServerSet('map', false);
    map.reset(group);
    expect(Array.from(map.eweight)).toEqual([2, 1, 3, 0]);
    expect(map.totWeight).toBe(6);
  });

  it('uses actives, else the first usable backup, else every backup with allBackups', () => {
    const group = new FakeGroup({ weights: [1, 1, 2, 3], backups: [false, true, true, true] });
    const set = new ServerSet('dynamic', false);
    set.reset(group);
    expect([set.srvAct, set.srvBck, set.totUsed, set.lookupGroup()]).toEqual([1, 3, 1, 0]);
    group.eligibles[0] = false;
    group.eligibles[1] = false;
    const seen: number[] = [];
    set.sync(group, (i) => seen.push(i));
    expect(seen).toEqual([0, 1]);
    expect([set.fbck, set.totWeight, set.totUsed, set.lookupGroup()]).toEqual([2, 32, 1, -1]);
    const all = new ServerSet('dynamic', true);
    all.reset(group);
    expect([all.fbck, all.totWeight, all.totUsed, all.lookupGroup()]).toEqual([-1, 80, 2, 1]);
  });

  it('reports a weight change of a usable server, and nothing when nothing changed', () => {
    const group = new FakeGroup({ weights: [1, 1] });
    const set = new ServerSet('dynamic', false);
    set.reset(group);
    const seen: string[] = [];
    set.sync(group, (i, up, ew) => seen.push(`${i}:${up}:${ew}`));
    group.weights[1] = 3;
    set.sync(group, (i, up, ew) => seen.push(`${i}:${up}:${ew}`));
    expect(seen).toEqual(['1:true:48']);
    expect(set.totWact).toBe(64);
  });
});
