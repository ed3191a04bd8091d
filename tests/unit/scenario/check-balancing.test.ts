import { describe, expect, it } from 'vitest';
import { formatErrors, validateChange, validateScenario } from '../../../src/scenario/validate.ts';
import type { ScenarioInput } from '../../../src/scenario/schema.ts';

type GroupInput = ScenarioInput['targetGroups'][number];
const target = (id: string, extra: object = {}) => ({ id, serviceTimeMs: 10, ...extra });

/** A one-group scenario behind a layer-7 (or layer-4) balancer. */
function scenario(group: Partial<GroupInput>, extra: Partial<ScenarioInput> = {}, layer: 4 | 7 = 7): ScenarioInput {
  return {
    schemaVersion: 1,
    name: 'haproxy',
    traffic: { arrival: { kind: 'poisson', ratePerSec: 10 } },
    balancers: [{ id: 'lb', layer, listeners: [{ port: 80, protocol: layer === 4 ? 'tcp' : 'http', defaultForward: 'web' }] }],
    targetGroups: [{ id: 'web', algorithm: 'haproxy-roundrobin', targets: [target('a'), target('b')], ...group } as GroupInput],
    ...extra,
  };
}

function errorsOf(doc: ScenarioInput): { path: string; message: string }[] {
  const r = validateScenario(doc);
  // the English sentence and its path (the code and values for the page are checked in tests/unit/i18n)
  return r.ok ? [] : r.errors.map(({ path, message }) => ({ path, message }));
}

function expectValid(doc: ScenarioInput): void {
  const r = validateScenario(doc);
  expect(r.ok ? 'ok' : formatErrors(r.errors)).toBe('ok');
}

describe('server flags and HAProxy options', () => {
  it('accepts backup, down, haproxyId, hashType and allBackups where they apply, and keeps them', () => {
    const doc = scenario({
      algorithm: 'haproxy-hash',
      hashKey: 'path',
      hashType: 'consistent',
      allBackups: true,
      targets: [target('a', { haproxyId: 3 }), target('b', { backup: true }), target('c', { down: true })],
    });
    expectValid(doc);
    const r = validateScenario(doc);
    if (!r.ok) return;
    const g = r.value.targetGroups[0];
    expect([g.hashType, g.allBackups, g.targets[0].haproxyId, g.targets[1].backup, g.targets[2].down]).toEqual(['consistent', true, 3, true, true]);
  });

  it('nginx backups are fine with weighted-round-robin and least-connections', () => {
    expectValid(scenario({ algorithm: 'weighted-round-robin', targets: [target('a'), target('b', { backup: true })] }));
    expectValid(scenario({ algorithm: 'least-connections', targets: [target('a'), target('b', { backup: true })] }));
  });

  it.each([
    ['hash', 'hash', { hashKey: 'path' }],
    ['ip-hash', 'ip_hash', {}],
    ['consistent-hash', 'hash … consistent', { hashKey: 'path' }],
    ['random', 'random', {}],
  ] as const)('refuses a backup with nginx %s', (algorithm, directive, extra) => {
    expect(errorsOf(scenario({ algorithm, ...extra, targets: [target('a'), target('b', { backup: true })] }))).toEqual([
      { path: 'targetGroups[0].targets[1].backup', message: `nginx's ${directive} has no backup servers (nginx refuses the config); use weighted-round-robin or least-connections, or a haproxy-* algorithm` },
    ]);
  });

  it('HAProxy allows backups with its hash algorithms', () => {
    expectValid(scenario({ algorithm: 'haproxy-source', targets: [target('a'), target('b', { backup: true })] }));
  });

  it('refuses an unknown hashType', () => {
    expect(errorsOf(scenario({ algorithm: 'haproxy-hash', hashKey: 'path', hashType: 'ketama' as never }))).toEqual([
      { path: 'targetGroups[0].hashType', message: 'must be "map-based" or "consistent", got the text "ketama"' },
    ]);
  });

  it('refuses hashType and allBackups on algorithms that do not read them', () => {
    expect(errorsOf(scenario({ algorithm: 'consistent-hash', hashKey: 'path', hashType: 'consistent' }))).toEqual([
      { path: 'targetGroups[0].hashType', message: 'only haproxy-source and haproxy-hash read hashType; "consistent-hash" does not' },
    ]);
    expect(errorsOf(scenario({ algorithm: 'weighted-round-robin', allBackups: true }))).toEqual([
      { path: 'targetGroups[0].allBackups', message: 'allBackups is HAProxy\'s option allbackups and needs a haproxy-* algorithm; "weighted-round-robin" does not read it' },
    ]);
  });

  it('refuses a duplicate haproxyId, naming the target that has it', () => {
    expect(errorsOf(scenario({ targets: [target('a', { haproxyId: 2 }), target('b', { haproxyId: 2 })] }))).toEqual([
      { path: 'targetGroups[0].targets[1].haproxyId', message: 'id 2 is already target "a"\'s; HAProxy server ids are unique in a group' },
    ]);
    expect(errorsOf(scenario({ targets: [target('a', { haproxyId: 0 })] }))).toEqual([{ path: 'targetGroups[0].targets[0].haproxyId', message: 'must be ≥ 1, got number 0' }]);
  });

  it('HAProxy weights are whole numbers up to 256, in the scenario and in a live set-weight', () => {
    expect(errorsOf(scenario({ targets: [target('a', { weight: 2.5 }), target('b', { weight: 300 })] }))).toEqual([
      { path: 'targetGroups[0].targets[0].weight', message: 'HAProxy weights are whole numbers from 0 to 256, got 2.5' },
      { path: 'targetGroups[0].targets[1].weight', message: 'HAProxy weights are whole numbers from 0 to 256, got 300' },
    ]);
    const r = validateScenario(scenario({}));
    if (!r.ok) throw new Error('invalid');
    expect(validateChange({ action: 'set-weight', target: 'a', weight: 257 }, r.value)).toMatchObject({ ok: false, errors: [{ path: '(change).weight', message: 'HAProxy weights are whole numbers from 0 to 256, got 257' }] });
    expect(validateChange({ action: 'set-weight', target: 'a', weight: 256 }, r.value).ok).toBe(true);
  });

  it('haproxy-source hashes the client address; haproxy-hash a path, query parameter or header', () => {
    expect(errorsOf(scenario({ algorithm: 'haproxy-source', hashKey: 'path' }))).toEqual([
      { path: 'targetGroups[0].hashKey', message: 'haproxy-source always hashes the client address (balance source); use haproxy-hash for a path, query parameter or header' },
    ]);
    expect(errorsOf(scenario({ algorithm: 'haproxy-hash' }))).toEqual([
      { path: 'targetGroups[0].hashKey', message: 'haproxy-hash hashes "path" (balance uri), "query:<name>" (url_param) or "header:<name>" (hdr), not "client-ip"; use haproxy-source for the client address' },
    ]);
    for (const hashKey of ['path', 'query:user', 'header:X-User']) expectValid(scenario({ algorithm: 'haproxy-hash', hashKey }));
  });

  it('a group whose targets are all down or at weight 0 could never serve', () => {
    expect(errorsOf(scenario({ targets: [target('a', { down: true }), target('b', { weight: 0 })] }))).toEqual([
      { path: 'targetGroups[0].targets', message: 'every target is down or has weight 0, so no request could ever be sent' },
    ]);
  });
});

describe('HAProxy retries and cookie persistence', () => {
  it('retries without a style stay nginx; style haproxy fills HAProxy\'s defaults', () => {
    const nginx = validateScenario(scenario({ retries: { maxTries: 2 } }));
    const haproxy = validateScenario(scenario({ retries: { style: 'haproxy' } }));
    expect(nginx.ok && nginx.value.targetGroups[0].retries).toEqual({ style: 'nginx', maxTries: 2, on: ['error', 'timeout'] });
    expect(haproxy.ok && haproxy.value.targetGroups[0].retries).toEqual({ style: 'haproxy', retries: 3, redispatch: false, connectTimeoutMs: 5000, on: ['conn-failure'], maxTries: 4 });
  });

  it('refuses nginx fields in HAProxy retries and unknown retry-on conditions', () => {
    expect(errorsOf(scenario({ retries: { style: 'haproxy', maxTries: 3 } as never }))).toEqual([{ path: 'targetGroups[0].retries', message: 'unknown field "maxTries" (check the spelling; see docs/scenario-format.md)' }]);
    expect(errorsOf(scenario({ retries: { style: 'haproxy', on: ['error'] } as never }))).toEqual([
      { path: 'targetGroups[0].retries.on[0]', message: 'must be "500" or "503" or "conn-failure" or "response-timeout", got the text "error"' },
    ]);
    expect(errorsOf(scenario({ retries: { style: 'envoy' } as never }))).toEqual([{ path: 'targetGroups[0].retries.style', message: 'the text "envoy" is not known; use one of "nginx", "haproxy"' }]);
  });

  it('redispatch is a boolean or an interval; -N must fall within the retries', () => {
    expectValid(scenario({ retries: { style: 'haproxy', retries: 3, redispatch: -3 } }));
    expect(errorsOf(scenario({ retries: { style: 'haproxy', retries: 2, redispatch: -3 } }))).toEqual([
      { path: 'targetGroups[0].retries.redispatch', message: '-3 asks for a redispatch 3 retries before the last, but there are only 2 retries' },
    ]);
    expect(errorsOf(scenario({ retries: { style: 'haproxy', redispatch: 'yes' } as never }))).toEqual([
      { path: 'targetGroups[0].retries.redispatch', message: 'must be boolean or number, got the text "yes"' },
    ]);
  });

  it('haproxy-cookie stickiness: name SERVERID by default; refused behind a layer-4 balancer', () => {
    const r = validateScenario(scenario({ stickiness: { kind: 'haproxy-cookie' } }));
    expect(r.ok && r.value.targetGroups[0].stickiness).toMatchObject({ kind: 'haproxy-cookie', name: 'SERVERID' });
    expect(errorsOf(scenario({ stickiness: { kind: 'haproxy-cookie' } }, {}, 4))).toEqual([
      { path: 'targetGroups[0].stickiness', message: 'a layer-4 balancer sees no cookies, so it cannot insert or read a haproxy-cookie' },
    ]);
  });

  it('keepsStaleCookie needs a group with haproxy-cookie stickiness', () => {
    const clients = { count: 10, keepsStaleCookie: true };
    expectValid(scenario({ stickiness: { kind: 'haproxy-cookie' } }, { traffic: { arrival: { kind: 'poisson', ratePerSec: 1 }, clients } }));
    expect(errorsOf(scenario({ stickiness: { kind: 'lb-cookie' } }, { traffic: { arrival: { kind: 'poisson', ratePerSec: 1 }, clients } }))).toEqual([
      { path: 'traffic.clients.keepsStaleCookie', message: 'only haproxy-cookie stickiness sets a persistence cookie a client could keep, and no target group uses it' },
    ]);
  });
});
