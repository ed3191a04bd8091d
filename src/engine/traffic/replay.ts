/**
 * Replayed requests (`traffic.arrival.kind: "replay"`): each request is sent exactly at its `atMs`
 * (equal times in list order), with its own class, host, path and headers — routing rules and hash keys
 * read them through the request's form — and from its own client: each distinct address is one client
 * (its cookies, stickiness and session). Nothing is drawn for a request but its service time. Mirrors a
 * load generator that plays an access log back; simplifies: one request per event, no connections.
 */
import type { Scenario } from '../../scenario/schema.ts';
import type { RequestMix } from './request-mix.ts';
import { parseIpv4 } from './clients.ts';

export class Replay {
  readonly atMs: Float64Array;
  readonly cls: Int32Array;
  readonly form: Int32Array;
  readonly client: Int32Array;
  /** The address of each client, by client number (first appearance first). */
  readonly addresses: number[] = [];

  constructor(requests: Extract<Scenario['traffic']['arrival'], { kind: 'replay' }>['requests'], ipBase: string, mix: RequestMix) {
    const n = requests.length;
    this.atMs = new Float64Array(n);
    this.cls = new Int32Array(n);
    this.form = new Int32Array(n);
    this.client = new Int32Array(n);
    const clientOf = new Map<number, number>();
    const formOf = new Map<string, number>();
    const names = mix.names;
    requests.forEach((r, i) => {
      this.atMs[i] = r.atMs;
      const c = r.class === undefined ? 0 : names.indexOf(r.class);
      this.cls[i] = c;
      if (r.path === undefined && r.host === undefined && r.headers === undefined) this.form[i] = c;
      else {
        const key = JSON.stringify([c, r.path, r.host, r.headers]);
        let f = formOf.get(key);
        if (f === undefined) formOf.set(key, (f = mix.addForm(c, r)));
        this.form[i] = f;
      }
      const ip = parseIpv4(r.client ?? ipBase);
      let k = clientOf.get(ip);
      if (k === undefined) clientOf.set(ip, (k = this.addresses.push(ip) - 1));
      this.client[i] = k;
    });
  }

  /** Does the scenario replay requests? */
  static of(scenario: Scenario, mix: RequestMix): Replay | null {
    const a = scenario.traffic.arrival;
    return a.kind === 'replay' ? new Replay(a.requests, scenario.traffic.clients.ipBase, mix) : null;
  }
}
