/**
 * Share links: the running scenario, its seed, the moment on screen and the live changes applied so far,
 * as JSON, deflated (fflate) and base64url-encoded into the hash: `#/sandbox?s=…`. Decoding only unpacks;
 * the worker validates what is inside (a link is untrusted input), and every failure is a sentence.
 */
import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate';

/** What a link carries. Untrusted when decoded: the fields are checked by the worker. */
export interface SharedRun {
  scenario: unknown;
  seed: unknown;
  atMs: unknown;
  changes: unknown;
}

export type Decoded = { ok: true; run: SharedRun } | { ok: false; message: string };

const VERSION = 1;
/** Longest payload accepted, in characters, and largest unpacked document, in bytes: bigger is not a real link. */
const MAX_PAYLOAD_CHARS = 400_000;
const MAX_JSON_BYTES = 4_000_000;

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Packs a run into the text of the `s` parameter. */
export function encodeRun(run: SharedRun): string {
  const json = JSON.stringify({ v: VERSION, scenario: run.scenario, seed: run.seed, atMs: run.atMs, changes: run.changes });
  return toBase64Url(deflateSync(strToU8(json), { level: 9 }));
}

/** Unpacks the text of an `s` parameter; never throws. */
export function decodeRun(payload: string): Decoded {
  const damaged = (why: string): Decoded => ({ ok: false, message: `the link is damaged or incomplete (${why}); ask for it again or copy all of it` });
  if (payload.length === 0) return damaged('it carries no scenario');
  if (payload.length > MAX_PAYLOAD_CHARS) return { ok: false, message: `the link is too long (${payload.length} characters; at most ${MAX_PAYLOAD_CHARS})` };
  if (!/^[A-Za-z0-9_-]+$/.test(payload)) return damaged('it contains characters a share link never has');
  let json: string;
  try {
    const out = inflateSync(fromBase64Url(payload), { out: new Uint8Array(MAX_JSON_BYTES + 1) });
    if (out.length > MAX_JSON_BYTES) return { ok: false, message: `the scenario in the link is too large (more than ${MAX_JSON_BYTES / 1e6} MB)` };
    json = strFromU8(out);
  } catch {
    return damaged('it does not unpack');
  }
  let doc: unknown;
  try {
    doc = JSON.parse(json);
  } catch {
    return damaged('what it unpacks to is not JSON');
  }
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) return damaged('it does not hold a shared run');
  const { v, scenario, seed, atMs, changes } = doc as Record<string, unknown>;
  if (typeof v === 'number' && v > VERSION) return { ok: false, message: 'the link was made by a newer Balancer Lab; update this one' };
  if (v !== VERSION) return damaged('it has no version this app knows');
  if (scenario === undefined) return damaged('it carries no scenario');
  return { ok: true, run: { scenario, seed, atMs, changes: changes ?? [] } };
}
