import { describe, expect, it } from 'vitest';
import { locationOf, locationUpperBounds, type ClientLocation } from '../../../../src/engine/network/client-regions.ts';

const at = (region: string, share: number): ClientLocation => ({ region, continent: 'EU', country: 'DE', share });

describe('client locations as id ranges', () => {
  it('puts clients in locations by their shares, in order, and every bot past the last', () => {
    // shares 1 : 2 : 1 of 10 clients: bounds round(2.5) = 3, round(7.5) = 8, 10
    const upper = locationUpperBounds([at('a', 1), at('b', 2), at('c', 1)], 10);
    const of = Array.from({ length: 13 }, (_, c) => locationOf(upper, c));
    expect(of).toEqual([0, 0, 0, 1, 1, 1, 1, 1, 2, 2, 3, 3, 3]);
  });

  it('gives the last location every ordinary client even when the shares do not add up exactly', () => {
    // thirds of 1,000,001 clients: a rounding of the last bound must not turn ordinary clients into bots
    const upper = locationUpperBounds([at('a', 0.1), at('b', 0.1), at('c', 0.1)], 1_000_001);
    expect(locationOf(upper, 1_000_000)).toBe(2);
    expect(locationOf(upper, 1_000_001)).toBe(3);
  });

  it('has one location for a world that names none (clients 0, bots 1)', () => {
    const upper = locationUpperBounds([at('default', 1)], 5);
    expect([0, 4, 5, 9].map((c) => locationOf(upper, c))).toEqual([0, 0, 1, 1]);
  });
});
