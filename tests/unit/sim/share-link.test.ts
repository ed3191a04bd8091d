import { describe, expect, it } from 'vitest';
import { deflateSync, strToU8 } from 'fflate';
import { decodeRun, encodeRun } from '../../../src/sim/share-link.ts';
import threeServers from '../../../scenarios/three-servers.json';

const pack = (doc: unknown) => Buffer.from(deflateSync(strToU8(JSON.stringify(doc)))).toString('base64url');

describe('share links', () => {
  it('round-trip a run: scenario, seed, moment and change log', () => {
    const run = { scenario: threeServers, seed: 7, atMs: 12_345.5, changes: [{ atMs: 3_000, change: { action: 'crash', target: 'b' } }] };
    const payload = encodeRun(run);
    expect(payload).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(payload.length).toBeLessThan(JSON.stringify(run).length);
    expect(decodeRun(payload)).toEqual({ ok: true, run });
  });

  it('keep a 50-target scenario short enough for a link', () => {
    const targets = Array.from({ length: 50 }, (_, i) => ({ id: `web-${i}`, concurrency: 8, serviceTimeMs: { dist: 'exponential', meanMs: 150 } }));
    const payload = encodeRun({ scenario: { ...threeServers, targetGroups: [{ id: 'web', algorithm: 'round-robin', targets }] }, seed: 1, atMs: 0, changes: [] });
    expect(payload.length).toBeLessThan(1500);
  });

  it.each([
    ['', /carries no scenario/],
    ['abc$def', /characters a share link never has/],
    ['AAAA', /does not unpack/],
    [pack('just text'), /does not hold a shared run/],
    [Buffer.from(deflateSync(strToU8('{not json'))).toString('base64url'), /not JSON/],
    [pack({ v: 2, scenario: {} }), /newer Balancer Lab/],
    [pack({ scenario: {} }), /no version/],
    [pack({ v: 1 }), /carries no scenario/],
    ['A'.repeat(400_001), /too long/],
  ])('explain a damaged link %#', (payload, message) => {
    const decoded = decodeRun(payload);
    expect(decoded.ok).toBe(false);
    if (!decoded.ok) expect(decoded.message).toMatch(message);
  });

  it('refuse a link that unpacks to something huge (a zip bomb) without unpacking it all', () => {
    const bomb = Buffer.from(deflateSync(new Uint8Array(20_000_000).fill(32))).toString('base64url');
    expect(bomb.length).toBeLessThan(400_000);
    const decoded = decodeRun(bomb);
    expect(decoded.ok).toBe(false);
    if (!decoded.ok) expect(decoded.message).toMatch(/too large/);
  });
});
