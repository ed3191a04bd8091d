import { describe, expect, it } from 'vitest';
import { groupZones } from '../../../src/viz/band-layout.ts';
import { layoutTopology, type Rect } from '../../../src/viz/topology-layout.ts';
import { zonedTopology } from './infra-fixtures.ts';

const overlaps = (a: Rect, b: Rect, gap = 0): boolean => a.x < b.x + b.width + gap && b.x < a.x + a.width + gap && a.y < b.y + b.height + gap && b.y < a.y + a.height + gap;
const inside = (inner: Rect, outer: Rect): boolean =>
  inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.width <= outer.x + outer.width && inner.y + inner.height <= outer.y + outer.height;

const cases = {
  'two zones, scaled, with a database': zonedTopology([{ id: 'web', count: 4 }], { zones: ['us-east-1a', 'us-east-1b'], scaled: ['web'], databases: [{ id: 'orders', groups: ['web'] }] }),
  'three zones, six targets': zonedTopology([{ id: 'web', count: 6 }], { zones: ['a', 'b', 'c'] }),
  'two groups sharing a database': zonedTopology([{ id: 'web', count: 3 }, { id: 'api', count: 2 }], { zones: ['a', 'b'], databases: [{ id: 'db', groups: ['web', 'api'] }] }),
  'an empty zone': zonedTopology([{ id: 'web', count: 2, zones: ['a'] }], { zones: ['a', 'b'] }),
  'some targets in no zone': zonedTopology([{ id: 'web', count: 4, zones: ['a', null] }], { zones: ['a'] }),
  'two regions, many targets': zonedTopology([{ id: 'east', count: 30 }, { id: 'west', count: 30 }], { zones: ['a', 'b'], balancers: 2, regions: ['us-east-1', 'us-west-2'], scaled: ['east', 'west'] }),
};

describe('zones, scaling frames and databases in the topology layout', () => {
  for (const [name, topology] of Object.entries(cases)) {
    for (const width of [320, 760, 1400]) {
      it(`${name} at ${width} px: nothing overlaps and everything fits`, () => {
        const layout = layoutTopology(topology, width);
        const all: Rect[] = [...layout.nodes, ...layout.zones, ...layout.frames];
        for (const r of all) {
          expect(r.x).toBeGreaterThanOrEqual(0);
          expect(r.x + r.width).toBeLessThanOrEqual(layout.width);
          expect(r.y + r.height).toBeLessThanOrEqual(layout.height);
        }
        for (let i = 0; i < layout.nodes.length; i++) {
          for (let j = i + 1; j < layout.nodes.length; j++) expect(overlaps(layout.nodes[i], layout.nodes[j], 4), `${layout.nodes[i].key} / ${layout.nodes[j].key}`).toBe(false);
        }
        for (let i = 0; i < layout.zones.length; i++) {
          for (let j = i + 1; j < layout.zones.length; j++) expect(overlaps(layout.zones[i], layout.zones[j]), `${layout.zones[i].key} / ${layout.zones[j].key}`).toBe(false);
        }
        for (let i = 0; i < layout.frames.length; i++) {
          for (let j = i + 1; j < layout.frames.length; j++) expect(overlaps(layout.frames[i], layout.frames[j])).toBe(false);
        }
        // a zone band holds exactly its targets, and no other node touches it
        for (const z of layout.zones) {
          const mine = layout.nodes.filter((n) => n.kind === 'target' && topology.targets[n.targetIndex].group === z.group && (topology.targets[n.targetIndex].zone ?? 'no zone') === z.zone);
          expect(mine).toHaveLength(z.count);
          for (const t of mine) expect(inside(t, z), `${t.key} in ${z.key}`).toBe(true);
          for (const n of layout.nodes) if (!mine.includes(n)) expect(overlaps(n, z), `${n.key} touches ${z.key}`).toBe(false);
        }
        // a scaling frame holds its group, that group's targets and zones, and nothing of another group
        for (const f of layout.frames) {
          for (const n of layout.nodes) {
            const own = (n.kind === 'group' && n.id === f.group) || (n.kind === 'target' && topology.targets[n.targetIndex].group === f.group);
            if (own) expect(inside(n, f), `${n.key} in ${f.key}`).toBe(true);
            else if (n.kind !== 'database') expect(overlaps(n, f), `${n.key} touches ${f.key}`).toBe(false);
          }
          for (const z of layout.zones) if (z.group === f.group) expect(inside(z, f)).toBe(true);
        }
      });
    }
  }

  it('splits a group into one sub-band per zone, in the topology’s zone order', () => {
    const layout = layoutTopology(cases['three zones, six targets'], 1400);
    expect(layout.zones.map((z) => [z.zone, z.count])).toEqual([
      ['a', 2],
      ['b', 2],
      ['c', 2],
    ]);
    const ys = layout.zones.map((z) => z.y);
    expect([...ys].sort((p, q) => p - q)).toEqual(ys);
  });

  it('keeps a zone with no targets (it says so) and gathers targets without a zone last', () => {
    expect(layoutTopology(cases['an empty zone'], 900).zones.map((z) => [z.zone, z.count])).toEqual([
      ['a', 2],
      ['b', 0],
    ]);
    expect(layoutTopology(cases['some targets in no zone'], 900).zones.map((z) => [z.zone, z.count])).toEqual([
      ['a', 2],
      ['no zone', 2],
    ]);
  });

  it('has no zone bands without zones', () => {
    const layout = layoutTopology(zonedTopology([{ id: 'web', count: 3 }]), 900);
    expect(layout.zones).toEqual([]);
    expect(groupZones(zonedTopology([{ id: 'web', count: 3 }]), 'web', [0, 1, 2])).toEqual([]);
  });

  it('frames the band of a group that a scaling group owns', () => {
    const layout = layoutTopology(cases['two zones, scaled, with a database'], 900);
    expect(layout.frames.map((f) => [f.id, f.group])).toEqual([['web-asg', 'web']]);
  });

  it('draws a database under the first group that queries it, linked from every group that does', () => {
    const layout = layoutTopology(cases['two groups sharing a database'], 900);
    const db = layout.nodes.find((n) => n.kind === 'database')!;
    const web = layout.nodes.find((n) => n.kind === 'group' && n.id === 'web')!;
    expect(db.x).toBe(web.x);
    expect(db.y).toBeGreaterThan(web.y + web.height);
    expect(layout.links.map((l) => l.group)).toEqual(['web', 'api']);
    expect(layout.links[0].path).toMatch(/^M[\d.]+,[\d.]+V[\d.]+$/); // a straight drop
    expect(layout.links[1].path).toContain('H'); // along the gutter
  });

  it('draws instances still booting when asked, though they are not registered yet', () => {
    const topology = zonedTopology([{ id: 'web', count: 3, unregistered: 1 }], { zones: ['a', 'b'], scaled: ['web'] });
    expect(layoutTopology(topology, 900).nodes.filter((n) => n.kind === 'target')).toHaveLength(2);
    const layout = layoutTopology(topology, 900, { alsoDraw: new Set([2]) });
    expect(layout.nodes.filter((n) => n.kind === 'target')).toHaveLength(3);
    expect(layout.unregisteredTargets).toBe(0);
    // the engine lists only registered targets as a group's members: the booting one is found by its group
    const engineLike = { ...topology, groups: topology.groups.map((g) => ({ ...g, targets: g.targets.filter((t) => topology.targets[t].registered) })) };
    const drawn = layoutTopology(engineLike, 900, { alsoDraw: new Set([2]) }).nodes.filter((n) => n.kind === 'target');
    expect(drawn.map((n) => n.id).sort()).toEqual(['web-1', 'web-2', 'web-3']);
  });

  it('gives a balancer with zones a taller header, for its zone row', () => {
    const plain = layoutTopology(zonedTopology([{ id: 'web', count: 2 }]), 900).nodes.find((n) => n.kind === 'balancer')!;
    const zoned = layoutTopology(zonedTopology([{ id: 'web', count: 2 }], { zones: ['a', 'b'] }), 900).nodes.find((n) => n.kind === 'balancer')!;
    expect(zoned.height).toBeGreaterThan(plain.height);
  });

  it('uses more target columns when zone headers would make the picture tall', () => {
    const cols = (w: number) => new Set(layoutTopology(cases['three zones, six targets'], w).nodes.filter((n) => n.kind === 'target').map((n) => n.x)).size;
    expect(cols(1400)).toBe(2);
  });
});
