// Sessions and stickiness are per target group (ALB: "Sticky sessions are enabled at the target group level";
// real-systems §4.4): a shopper bound to a target of `cart` keeps that binding while their requests to
// `profile` are bound in `profile`, and each group's targets keep their own session for them.
import { describe, expect, it } from 'vitest';
import type { ScenarioInput } from '../../../src/scenario/schema.ts';
import { NO_NETWORK } from './support/scenarios.ts';
import { letters, run } from './support/haproxy.ts';

type Stickiness = NonNullable<ScenarioInput['targetGroups'][number]['stickiness']>;
const X = '192.0.2.1';
const Y = '198.51.100.1';

/**
 * Two groups of two targets (round robin, 1 ms each) behind path rules; Y sends one /cart request first, so
 * round robin's next cart pick is c2; then X alternates /cart and /profile, 10 ms apart.
 */
function shop(stickiness: [Stickiness | undefined, Stickiness | undefined], sessions = false): ScenarioInput {
  const requests = [{ atMs: 0, path: '/cart', client: Y }, ...Array.from({ length: 6 }, (_, i) => ({ atMs: 10 * (i + 1), path: i % 2 === 0 ? '/cart' : '/profile', client: X }))];
  const group = (id: string, ids: string[], st: Stickiness | undefined) => ({
    id,
    algorithm: 'round-robin' as const,
    ...(st ? { stickiness: st } : {}),
    targets: ids.map((t) => ({ id: t, concurrency: 10, serviceTimeMs: { dist: 'constant' as const, valueMs: 1 } })),
  });
  return {
    schemaVersion: 1,
    name: 'two sticky groups',
    durationSec: 10,
    traffic: { arrival: { kind: 'replay', requests }, ...(sessions ? { sessions: { idleSec: 1800 } } : {}) },
    network: NO_NETWORK,
    balancers: [{ id: 'lb', processingMs: 0, listeners: [{ port: 80, rules: [{ match: { pathPrefix: '/cart' }, forward: 'cart' }, { match: { pathPrefix: '/profile' }, forward: 'profile' }] }] }],
    targetGroups: [group('cart', ['c1', 'c2'], stickiness[0]), group('profile', ['p1', 'p2'], stickiness[1])],
  };
}

const lb = { kind: 'lb-cookie', durationSec: 86400 } as Stickiness;

describe('stickiness per target group', () => {
  it('an ALB cookie binding in one group survives requests to another: X stays on c2 and p1', () => {
    // round robin: Y takes c1, X's first cart pick is c2; profile's first pick is p1. Neither binding moves.
    expect(letters(run(shop([lb, lb])).trace)).toBe('c1 c2 p1 c2 p1 c2 p1');
  });

  it('source-IP affinity is per group too', () => {
    const ip = { kind: 'source-ip' } as Stickiness;
    expect(letters(run(shop([ip, ip])).trace)).toBe('c1 c2 p1 c2 p1 c2 p1');
  });

  it('HAProxy backends that name the same cookie share it: each answer overwrites it, so persistence breaks', () => {
    const same = { kind: 'haproxy-cookie', name: 'SERVERID' } as Stickiness;
    // X: c2 sets SERVERID=c2; /profile ignores a cookie naming no server of its own: p1, SERVERID=p1;
    // /cart ignores it in turn: round robin's next, c1; and so on
    expect(letters(run(shop([same, same])).trace)).toBe('c1 c2 p1 c1 p2 c2 p1');
    const own = [{ kind: 'haproxy-cookie', name: 'CART' }, { kind: 'haproxy-cookie', name: 'PROFILE' }] as [Stickiness, Stickiness];
    // Y's cart answer set Y's CART cookie only
    expect(letters(run(shop(own)).trace)).toBe('c1 c2 p1 c2 p1 c2 p1');
  });

  it("each group keeps its own session: X's two sessions and Y's one start, none is lost", () => {
    const { sim } = run(shop([lb, lb], true));
    expect(sim.metrics().sessions).toEqual({ sessionsStarted: 3, sessionsLost: 0, cartsLost: 0, itemsLost: 0, checkouts: 0 });
  });

  it('a stateless group (sessionStore none) keeps no session: only the cart group\'s three sessions start', () => {
    const doc = shop([lb, undefined], true);
    doc.targetGroups[1] = { ...doc.targetGroups[1], sessionStore: { kind: 'none' } };
    const { sim, trace } = run(doc);
    // routing is unchanged (profile is round robin: p1 p2 p1); no /profile request starts or loses a session
    expect(letters(trace)).toBe('c1 c2 p1 c2 p2 c2 p1');
    expect(sim.metrics().sessions).toEqual({ sessionsStarted: 2, sessionsLost: 0, cartsLost: 0, itemsLost: 0, checkouts: 0 });
  });

  it('without stickiness, round robin moves X between targets and each move loses that group\'s session', () => {
    const { sim, trace } = run(shop([undefined, undefined], true));
    expect(letters(trace)).toBe('c1 c2 p1 c1 p2 c2 p1');
    // X's cart session moves c2 → c1 → c2 and its profile session p1 → p2 → p1: two losses in each group,
    // each loss starting a new session; Y's and X's first two sessions start as new
    expect(sim.metrics().sessions).toEqual({ sessionsStarted: 7, sessionsLost: 4, cartsLost: 0, itemsLost: 0, checkouts: 0 });
  });
});
