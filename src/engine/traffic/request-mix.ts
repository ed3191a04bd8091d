/**
 * Request classes: the scenario's mix (host, path, headers, share). A request's class decides its
 * service time on each target, its queries and its cart; its *form* (host, path, headers, port) decides
 * how listener rules route it and what a hash key sees. The forms are the classes themselves, plus — for
 * a replay — each distinct host/path/headers its requests carry (traffic/replay.ts).
 * Without a mix there is one class, "default": host example.com, path "/".
 */
import type { MixEntry, Scenario } from '../../scenario/schema.ts';
import { distParams } from '../core/distributions.ts';

export interface RequestClass {
  name: string;
  host: string;
  path: string;
  headers: Record<string, string>;
  port: number | undefined;
  /** Its database queries write (primary only) rather than read. */
  writes: boolean;
  /** 0 none, 1 adds to the cart, 2 checks out. */
  cart: number;
  /** A long-lived connection: its duration (kind, p1, p2), or null for an ordinary request. */
  longLived: { kind: number; p1: number; p2: number } | null;
}

export class RequestMix {
  declare readonly classes: RequestClass[];
  /** Per class, for the hot path: 1 when it is a long-lived connection. */
  declare readonly longLived: Uint8Array;
  /** Some class is long-lived: when none is, the hot path does not look a request's class up in `longLived`. */
  declare readonly anyLongLived: boolean;
  /** Per class: 0 none, 1 adds to the cart, 2 checks out. */
  declare readonly cartOp: Uint8Array;
  /** Per class: 1 for attack traffic a WAF may recognise. */
  declare readonly malicious: Uint8Array;
  /** One class only: nothing to draw. */
  declare readonly single: boolean;
  /** What routing and hashing see: form c is class c; a replay's own forms follow (addForm). */
  declare readonly forms: RequestClass[];
  private declare readonly cumulative: Float64Array;

  constructor(scenario: Scenario) {
    const mix: MixEntry[] = scenario.traffic.mix ?? [{ name: 'default', host: 'example.com', path: '/', headers: {}, share: 1, port: undefined, queries: 'read', cart: 'none', malicious: false }];
    this.classes = mix.map((m) => ({
      name: m.name,
      host: m.host,
      path: m.path,
      // header names are case-insensitive
      headers: Object.fromEntries(Object.entries(m.headers).map(([k, v]) => [k.toLowerCase(), v])),
      port: m.port,
      writes: m.queries === 'write',
      cart: m.cart === 'add' ? 1 : m.cart === 'checkout' ? 2 : 0,
      longLived: m.longLivedMs ? distParams(m.longLivedMs) : null,
    }));
    this.longLived = Uint8Array.from(this.classes.map((c) => (c.longLived === null ? 0 : 1)));
    this.anyLongLived = this.longLived.includes(1);
    this.cartOp = Uint8Array.from(this.classes.map((c) => c.cart));
    this.malicious = Uint8Array.from(mix.map((m) => (m.malicious ? 1 : 0)));
    const total = mix.reduce((s, m) => s + m.share, 0);
    this.cumulative = new Float64Array(mix.length);
    let acc = 0;
    mix.forEach((m, i) => {
      acc += m.share / total;
      this.cumulative[i] = acc;
    });
    this.cumulative[mix.length - 1] = 1;
    this.single = mix.length === 1;
    this.forms = [...this.classes];
  }

  /** The form of a request of class `cls` with its own host, path or headers (the class's where absent); returns its index. */
  addForm(cls: number, own: { host?: string; path?: string; headers?: Record<string, string> }): number {
    const base = this.classes[cls];
    const headers = own.headers === undefined ? base.headers : Object.fromEntries(Object.entries(own.headers).map(([k, v]) => [k.toLowerCase(), v]));
    this.forms.push({ ...base, host: own.host ?? base.host, path: own.path ?? base.path, headers });
    return this.forms.length - 1;
  }

  get names(): string[] {
    return this.classes.map((c) => c.name);
  }

  /** The class for a uniform draw u ∈ [0, 1). */
  pick(u: number): number {
    const c = this.cumulative;
    if (c.length === 1) return 0;
    let i = 0;
    while (c[i] <= u) i++;
    return i;
  }
}
