import { describe, expect, it } from 'vitest';
import { balancerKindText, zoneBandLabel, zoneChips } from '../../../src/viz/infra-text.ts';

describe('words in balancer nodes and zone bands', () => {
  it('write a balancer’s region, layer and CPU, dropping the least useful words first', () => {
    expect(balancerKindText({ region: 'default', layer: 7 }, null, 180, 12)).toBe('load balancer · layer 7');
    expect(balancerKindText({ region: 'default', layer: 7 }, null, 144, 12)).toBe('layer 7');
    expect(balancerKindText({ region: 'default', layer: 7 }, 0.31, 144, 12)).toBe('layer 7 · CPU 31%');
    expect(balancerKindText({ region: 'us-east-1', layer: 7 }, null, 144, 12)).toBe('us-east-1 · layer 7');
    expect(balancerKindText({ region: 'us-east-1', layer: 4 }, 0.5, 144, 12)).toBe('L4 · CPU 50%');
  });

  it('keep zone names whole when they fit, else the part that tells them apart', () => {
    expect(zoneChips(['a', 'b', 'c'], 144, 11.5).map((c) => c.text)).toEqual(['a', 'b', 'c']);
    expect(zoneChips(['us-east-1a', 'us-east-1b'], 144, 11.5).map((c) => c.text)).toEqual(['…1a', '…1b']);
    expect(zoneChips(['use1-az1', 'use1-az2'], 140, 11.5).map((c) => c.text)).toEqual(['…az1', '…az2']);
  });

  it('place zone chips left to right without overlapping', () => {
    const chips = zoneChips(['us-east-1a', 'us-east-1b', 'us-east-1c'], 144, 11.5);
    for (let i = 1; i < chips.length; i++) expect(chips[i].x).toBeGreaterThan(chips[i - 1].x + chips[i - 1].text.length * 11.5 * 0.6);
  });

  it('shorten a zone band’s detail before its name', () => {
    expect(zoneBandLabel('a', 2, false, 200, 12)).toEqual({ title: 'zone a', detail: '2 targets' });
    expect(zoneBandLabel('use1-az1', 2, true, 260, 12)).toEqual({ title: 'zone use1-az1', detail: 'down · 2 targets' });
    expect(zoneBandLabel('use1-az1', 2, true, 150, 12)).toEqual({ title: 'zone use1-az1', detail: 'down' });
    expect(zoneBandLabel('use1-az1', 1, false, 110, 12)).toEqual({ title: 'zone use1-az1', detail: '' });
    // a band of tiles (108 px less 27): the zone's name whole without the word "zone", rather than "zone use…"
    expect(zoneBandLabel('use1-az1', 1, false, 81, 12)).toEqual({ title: 'use1-az1', detail: '' });
  });
});
