import { describe, expect, it } from 'vitest';
import { designB, designPatches, withAlgorithms } from '../../../../src/ui/compare/variants.ts';
import { applyPatches } from '../../../../src/scenario/json-patch.ts';
import three from '../../../../scenarios/three-servers.json';
import { formatErrors, validateScenario } from '../../../../src/scenario/validate.ts';
import { world } from '../../engine/support/haproxy.ts';

/** Compare mode switches a group's algorithm: the variant must still be a valid scenario. */
const errors = (doc: unknown) => {
  const r = validateScenario(doc);
  return r.ok ? 'ok' : formatErrors(r.errors);
};

describe('withAlgorithms (compare variants)', () => {
  const source = world({ algorithm: 'haproxy-source', group: { hashType: 'consistent', allBackups: true }, targets: [{}, {}, { backup: true }], requests: [{ atMs: 0 }] });

  it('haproxy-source → haproxy-hash hashes the path, keeping hashType and allBackups', () => {
    const v = withAlgorithms(source, { bk: 'haproxy-hash' }) as typeof source;
    expect(v.targetGroups[0]).toMatchObject({ algorithm: 'haproxy-hash', hashKey: 'path', hashType: 'consistent', allBackups: true });
    expect(errors(v)).toBe('ok');
  });

  it('→ a non-HAProxy algorithm drops hashType and allBackups', () => {
    const v = withAlgorithms(source, { bk: 'least-connections' }) as typeof source;
    expect(v.targetGroups[0].hashType).toBeUndefined();
    expect(v.targetGroups[0].allBackups).toBeUndefined();
    expect(errors(v)).toBe('ok');
  });

  it('a hash key other than the client address is dropped for haproxy-source', () => {
    const hashed = world({ algorithm: 'hash', group: { hashKey: 'path' }, requests: [{ atMs: 0 }] });
    const v = withAlgorithms(hashed, { bk: 'haproxy-source' }) as typeof hashed;
    expect(v.targetGroups[0].hashKey).toBeUndefined();
    expect(errors(v)).toBe('ok');
  });
});

describe('designPatches (a compare design as patches, for a sweep)', () => {
  it('gives the same document as designB: changed groups replaced, then the patches of B', () => {
    const extra = [{ op: 'add' as const, path: '/targetGroups/0/sessionStore', value: { kind: 'shared' } }];
    const b = designB(three, { [three.targetGroups[0].id]: 'least-connections' }, JSON.stringify(extra));
    if (!b.ok) throw new Error('B refused');
    const patches = designPatches(three, { [three.targetGroups[0].id]: 'least-connections' }, b.patches);
    expect(patches.map((p) => [p.op, p.path])).toEqual([
      ['replace', '/targetGroups/0'],
      ['add', '/targetGroups/0/sessionStore'],
    ]);
    const applied = applyPatches(three, patches);
    expect(applied.ok && applied.value).toEqual(b.doc);
  });

  it('is empty when nothing differs', () => {
    expect(designPatches(three, { [three.targetGroups[0].id]: three.targetGroups[0].algorithm as 'round-robin' })).toEqual([]);
  });
});
