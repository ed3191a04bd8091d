// The real nginx and HAProxy binaries the export tests run: a test needing one is skipped when it is missing,
// except in CI (CI set), where a missing binary is a failure, since .ci/run installs both.
import { it } from 'vitest';
import { have } from './real-servers.ts';

export const HAVE_NGINX = have('nginx');
export const HAVE_HAPROXY = have('haproxy');

type TestFn = (name: string, body: () => unknown) => void;

/** `it` when the binaries are there; in CI without them, a test that fails and says why; else a skipped test. */
export function itWith(binaries: { nginx?: boolean; haproxy?: boolean }): TestFn {
  const missing = [binaries.nginx && !HAVE_NGINX ? 'nginx' : null, binaries.haproxy && !HAVE_HAPROXY ? 'haproxy' : null].filter((x) => x !== null);
  if (missing.length === 0) return (name, body) => it(name, async () => void (await body()));
  if (process.env.CI) {
    return (name) =>
      it(name, () => {
        throw new Error(`${missing.join(' and ')} not installed (CI must install them: apt-get install -y nginx libnginx-mod-stream haproxy)`);
      });
  }
  return (name, body) => it.skip(name, async () => void (await body()));
}
