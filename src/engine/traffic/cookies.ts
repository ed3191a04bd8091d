/**
 * Cookies the clients carry (an A/B bucket, a beta flag): each client holds one value per cookie name,
 * assigned by share from a hash of its id, so the split is stable for a client and independent of
 * how client ids are laid out.
 */
import type { Scenario } from '../../scenario/schema.ts';

export class ClientCookies {
  private readonly specs: { name: string; values: string[]; bounds: number[] }[];

  constructor(scenario: Scenario) {
    this.specs = (scenario.traffic.clients.cookies ?? []).map((c) => {
      const total = c.values.reduce((a, v) => a + v.share, 0);
      let acc = 0;
      return { name: c.name, values: c.values.map((v) => v.value), bounds: c.values.map((v) => (acc += v.share / total)) };
    });
  }

  /** The value of cookie `name` for client `id`, or undefined when clients do not carry it. */
  value(name: string, id: number): string | undefined {
    const spec = this.specs.find((s) => s.name === name);
    if (spec === undefined) return undefined;
    const u = (Math.imul(id + 1, 0x9e3779b1) >>> 0) / 4294967296;
    const i = spec.bounds.findIndex((b) => u < b);
    return spec.values[i < 0 ? spec.values.length - 1 : i];
  }
}
