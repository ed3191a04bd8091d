// The headless CLI as a user runs it: a child process, its stdout, stderr, files and exit code.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('../../../', import.meta.url).pathname;

function sim(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/sim.ts', ...args], { cwd: root, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('npm run sim', () => {
  it('--json prints exactly one JSON object with the documented fields', () => {
    const r = sim('scenarios/three-servers.json', '--until', '20', '--json');
    expect(r.code).toBe(0);
    const lines = r.out.trim().split('\n');
    expect(lines).toHaveLength(1);
    const m = JSON.parse(lines[0]);
    expect(m.simulatedSec).toBe(20);
    expect(Object.keys(m.requests)).toEqual(expect.arrayContaining(['total', 'ok', 'failed']));
    expect(Object.keys(m.latencyMs)).toEqual(expect.arrayContaining(['mean', 'p50', 'p90', 'p95', 'p99', 'max']));
    expect(Object.keys(m.targets)).toEqual(['a', 'b', 'c']);
    expect(m.targets.a).toMatchObject({ requests: expect.any(Number), ok: expect.any(Number), failed: expect.any(Number), meanLatencyMs: expect.any(Number), utilization: expect.any(Number) });
    expect(m.wall.seconds).toBeGreaterThan(0);
    expect(m.errorRate).toBeCloseTo(m.requests.failed / (m.requests.ok + m.requests.failed), 12);
  });

  it('--set and --seed override the scenario, and the same seed repeats the same numbers', () => {
    const a = JSON.parse(sim('scenarios/three-servers.json', '--until', '10', '--json', '--seed', '7', '--set', 'targetGroups.0.algorithm=least-connections').out);
    const b = JSON.parse(sim('scenarios/three-servers.json', '--until', '10', '--json', '--seed', '7', '--set', 'targetGroups.0.algorithm=least-connections').out);
    const c = JSON.parse(sim('scenarios/three-servers.json', '--until', '10', '--json').out);
    expect(a.seed).toBe(7);
    expect({ ...a, wall: 0 }).toEqual({ ...b, wall: 0 });
    expect(a.requests.total).not.toBe(c.requests.total);
  });

  it('prints a human-readable table without --json', () => {
    const r = sim('scenarios/weighted-5-1-1.json', '--until', '5');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/latency ms\s+mean/);
    expect(r.out).toMatch(/^pay-1\s+\d+/m);
  });

  it('--trace writes one JSON line per request, in arrival order', () => {
    const dir = mkdtempSync(join(tmpdir(), 'trace-'));
    const file = join(dir, 't.jsonl');
    const r = sim('scenarios/three-servers.json', '--until', '40', '--trace', file, '--json');
    expect(r.code).toBe(0);
    const total = JSON.parse(r.out).requests.total;
    const lines = readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(total);
    lines.forEach((l, i) => expect(l.id).toBe(i));
    for (let i = 1; i < lines.length; i++) if (lines[i].arrivalMs !== null) expect(lines[i].arrivalMs).toBeGreaterThanOrEqual(lines[i - 1].arrivalMs ?? 0);
    expect(Object.keys(lines[0])).toEqual(['id', 'arrivalMs', 'client', 'class', 'target', 'outcome', 'latencyMs', 'attempts']);
    expect(lines.some((l) => l.outcome === 'refused' && l.target === 'c')).toBe(true);
    // every line is complete: a class, and its attempts (target and outcome of each, like $upstream_addr / $upstream_status)
    for (const l of lines) {
      expect(typeof l.class).toBe('string');
      expect(typeof l.arrivalMs).toBe('number');
      expect(typeof l.client).toBe('number');
      if (l.target !== null) expect(l.attempts.at(-1)).toMatchObject({ target: l.target, outcome: l.outcome });
    }
    // requests still in flight at the end keep their arrival time, client, class and target
    const open = lines.filter((l) => l.outcome === 'in-flight');
    expect(open.length).toBe(JSON.parse(r.out).requests.inFlight);
    expect(open.length).toBeGreaterThan(0);
    for (const l of open) {
      expect(l.latencyMs).toBeNull();
      expect(l.arrivalMs).toBeGreaterThan(30_000);
      expect(l.target).toMatch(/^[abc]$/);
      expect(l.attempts.at(-1)).toMatchObject({ target: l.target, outcome: 'in-flight' });
    }
  });

  it('--events writes the event log with times, one JSON line per entry', () => {
    const dir = mkdtempSync(join(tmpdir(), 'events-'));
    const file = join(dir, 'e.jsonl');
    const r = sim('scenarios/three-servers.json', '--until', '40', '--events', file, '--json');
    expect(r.code).toBe(0);
    const lines = readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(lines[0]).toMatchObject({ seq: 1, timeMs: 0, kind: 'start' });
    expect(lines.map((l) => l.seq)).toEqual(lines.map((_, i) => i + 1));
    expect(lines.some((l) => l.kind === 'crash' && l.subject === 'c' && l.timeMs === 30_000)).toBe(true);
  });

  it('an invalid scenario exits non-zero with the JSON path and the reason on stderr', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bad-'));
    const file = join(dir, 'bad.json');
    const doc = JSON.parse(readFileSync(join(root, 'scenarios/three-servers.json'), 'utf8'));
    doc.targetGroups[0].targets[1].weight = -3;
    doc.traffic.arrival.ratePerSec = 1e9;
    writeFileSync(file, JSON.stringify(doc));
    const r = sim(file, '--json');
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/targetGroups\[0\]\.targets\[1\]\.weight: must be ≥ 0, got number -3/);
    expect(r.err).toMatch(/traffic\.arrival\.ratePerSec: must be ≤ 10000000/);
  });

  it('broken JSON and unknown options are reported, not thrown', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bad-'));
    const file = join(dir, 'bad.json');
    writeFileSync(file, '{"schemaVersion": 1,,}');
    expect(sim(file).err).toMatch(/not valid JSON/);
    const r = sim('scenarios/three-servers.json', '--fast');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/unknown option --fast/);
  });
});
