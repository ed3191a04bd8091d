// The change list names what a live patch touched ("target group web: algorithm = …"), not its JSON Pointer,
// and names each patch in the scenario as the patches before it left it.
import { describe, expect, it } from 'vitest';
import { validateScenario } from '../../../../src/scenario/validate.ts';
import type { Change, Scenario } from '../../../../src/scenario/schema.ts';
import { describeChange, describeChanges } from '../../../../src/ui/sim/live-config.ts';
import shop from '../../../../lessons/05-paths-to-services/scenario.json';

function start(): Scenario {
  const v = validateScenario(structuredClone(shop));
  if (!v.ok) throw new Error(JSON.stringify(v.errors));
  return v.value;
}
const patch = (path: string, value?: unknown, op: 'add' | 'replace' | 'remove' = 'replace'): Change => ({ action: 'patch', op, path, ...(op === 'remove' ? {} : { value }) }) as Change;

describe('a live patch in words', () => {
  it('names the target group, target, listener or rule a pointer lies in, and the field in words with its unit', () => {
    const s = start();
    expect(describeChange(patch('/targetGroups/0/algorithm', 'round-robin'), s)).toBe('target group web: algorithm = round-robin');
    expect(describeChange(patch('/targetGroups/0/requestTimeoutMs', 5000), s)).toBe('target group web: request timeout = 5000 ms');
    expect(describeChange(patch('/targetGroups/0/targets/2/concurrency', 32), s)).toBe('target web-3: concurrency = 32');
    expect(describeChange(patch('/targetGroups/0/stickiness', { kind: 'lb-cookie', durationSec: 86400 }, 'add'), s)).toBe('target group web: stickiness = lb-cookie');
    expect(describeChange(patch('/balancers/0/crossZone', true), s)).toBe('balancer alb: cross zone = true');
    expect(describeChange(patch('/balancers/0/listeners/0/defaultForward', undefined, 'remove'), s)).toBe('alb https :443: default forward removed');
    expect(describeChange(patch('/balancers/0/listeners/0/rules/-', { match: { pathPrefix: '/orders' }, forward: 'web' }, 'add'), s)).toBe('add rule /orders → web to alb https :443');
  });

  it('without the scenario, shows the pointer as written', () => {
    expect(describeChange(patch('/targetGroups/0/algorithm', 'round-robin'))).toBe('set /targetGroups/0/algorithm = round-robin');
  });

  it('names each patch in the scenario as the earlier ones left it: a group added, then its target and a rule forwarding to it', () => {
    const group = { id: 'orders', targets: [{ id: 'orders-1', serviceTimeMs: { dist: 'constant', valueMs: 50 } }] };
    const changes: Change[] = [
      { action: 'patch', patches: [{ op: 'add', path: '/targetGroups/-', value: group }, { op: 'add', path: '/balancers/0/listeners/0/rules/-', value: { match: { pathPrefix: '/orders' }, forward: 'orders' } }] },
      patch('/targetGroups/1/targets/0/concurrency', 64, 'add'),
      patch('/balancers/0/listeners/0/rules/0/forward', 'web'),
      { action: 'set-weight', target: 'web-1', weight: 2 },
      patch('/balancers/0/listeners/0/rules/0', undefined, 'remove'),
    ];
    expect(describeChanges(changes.map((change, i) => ({ atMs: i * 1000, change })), start())).toEqual([
      'add target group orders; add rule /orders → orders to alb https :443',
      'target orders-1: concurrency = 64',
      'rule 1 (/orders → orders) of alb https :443: forward = web',
      'web-1: weight 2',
      // the rule as the previous patch left it: now forwarding to web
      'remove rule 1 (/orders → web) of alb https :443',
    ]);
  });

  it('goes on naming patches after one that does not apply to its copy (a target a friendly change added in the engine)', () => {
    const changes: Change[] = [
      { action: 'set-target-count', group: 'web', count: 8 },
      patch('/targetGroups/0/targets/7/weight', 2, 'add'),
      patch('/targetGroups/0/algorithm', 'least-connections'),
    ];
    const words = describeChanges(changes.map((change, i) => ({ atMs: i * 1000, change })), start());
    expect(words[1]).not.toContain('/targetGroups');
    expect(words[1]).toMatch(/^target group web: /);
    // the patch after it is named in the scenario, not shown as a pointer
    expect(words[2]).toBe('target group web: algorithm = least-connections');
  });

  it('names a small block of settings by its fields, and an empty block as added with its defaults', () => {
    const s = start();
    expect(describeChange(patch('/balancers/0/rateLimit', { ratePerSec: 10, burst: 20 }, 'add'), s)).toBe('balancer alb: rate limit = rate 10 per s, burst 20');
    expect(describeChange(patch('/targetGroups/0/retries', {}, 'add'), s)).toBe('target group web: retries added, with its defaults');
  });
});
