// requestTimeoutMs 0 is "no timeout" (Envoy's route `timeout: 0s`, HAProxy with no `timeout server`). Each
// exporter says it the way its system can: derived from docs/export.md's table, not copied from the output.
import { describe, expect, it } from 'vitest';
import { parse as yaml } from 'yaml';
import { parse as hcl } from '@cdktf/hcl2json';
import { exportConfig } from '../../../src/export/index.ts';
import { LIMITS } from '../../../src/scenario/limits.ts';
import { noRequestTimeout } from './support/fixtures.ts';

const s = noRequestTimeout();

describe('a group with no request timeout (0)', () => {
  it('nginx: proxy_read_timeout cannot be turned off, so the longest the lab allows, and a note says so', () => {
    const r = exportConfig(s, 'nginx');
    expect(r.text).toContain(`proxy_read_timeout ${LIMITS.maxMs / 1000}s;`);
    expect(r.text).not.toMatch(/proxy_read_timeout 0/);
    expect(r.notExported.some((n) => n.includes('targetGroups[0].requestTimeoutMs') && n.includes('proxy_read_timeout'))).toBe(true);
  });

  it('HAProxy: `timeout server 0` in both backends (0 is none, overriding the defaults section)', () => {
    const text = exportConfig(s, 'haproxy').text;
    for (const b of ['plain', 'retried']) {
      const body = text.slice(text.indexOf(`\nbackend ${b}`) + 1).split('\n\n')[0];
      expect(body.split('\n').filter((l) => l.trim().startsWith('timeout server')).map((l) => l.replace(/\s+#.*$/, '').trim())).toEqual(['timeout server 0']);
    }
  });

  it('Envoy: each route has `timeout: 0s`, and the retry policy no per_try_timeout', () => {
    const doc = yaml(exportConfig(s, 'envoy').text) as { static_resources: { listeners: { filter_chains: { filters: { typed_config: { route_config: { virtual_hosts: { routes: { route: Record<string, unknown> }[] }[] } } }[] }[] }[] } };
    const routes = doc.static_resources.listeners[0].filter_chains[0].filters[0].typed_config.route_config.virtual_hosts.flatMap((v) => v.routes.map((r) => r.route));
    expect(routes.map((r) => [r.cluster, r.timeout])).toEqual([['retried', '0s'], ['plain', '0s']]);
    const retry = routes.find((r) => r.cluster === 'retried')!.retry_policy as Record<string, unknown>;
    expect(retry.num_retries).toBe(1);
    expect(retry.per_try_timeout).toBeUndefined();
  });

  it("Terraform: the ALB's idle timeout is its longest, 4000 s", async () => {
    const tf = (await hcl('main.tf', exportConfig(s, 'terraform').text)) as { resource: { aws_lb: Record<string, { idle_timeout: number }[]> } };
    expect(Object.values(tf.resource.aws_lb).map((b) => b[0].idle_timeout)).toEqual([4000]);
  });
});
