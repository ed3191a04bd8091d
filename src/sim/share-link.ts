/**
 * Share links: the running scenario, its seed, the moment on screen and the live changes applied so far,
 * as JSON, deflated (fflate) and base64url-encoded into the hash: `#/sandbox?s=…`. Decoding only unpacks;
 * the worker validates what is inside (a link is untrusted input), and every failure is a sentence.
 */
import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate';
import { coded, type ErrorCode } from '../scenario/error-codes.ts';
import type { ValidationError } from '../scenario/validated.ts';

/** What a link carries. Untrusted when decoded: the fields are checked by the worker. */
export interface SharedRun {
  scenario: unknown;
  seed: unknown;
  atMs: unknown;
  changes: unknown;
}

/** A failure is one error at the path `link`, in English with its code and values (scenario/error-codes.ts) for the page's wording. */
export type Decoded = { ok: true; run: SharedRun } | ({ ok: false } & ValidationError);

const refused = (code: ErrorCode, params: Record<string, number> = {}): Decoded => ({ ok: false, ...coded('link', code, params) });

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
  if (payload.length === 0) return refused('val_link_no_scenario');
  if (payload.length > MAX_PAYLOAD_CHARS) return refused('val_link_too_long', { length: payload.length, max: MAX_PAYLOAD_CHARS });
  if (!/^[A-Za-z0-9_-]+$/.test(payload)) return refused('val_link_characters');
  let json: string;
  try {
    const out = inflateSync(fromBase64Url(payload), { out: new Uint8Array(MAX_JSON_BYTES + 1) });
    if (out.length > MAX_JSON_BYTES) return refused('val_link_too_large', { mb: MAX_JSON_BYTES / 1e6 });
    json = strFromU8(out);
  } catch {
    return refused('val_link_unpack');
  }
  let doc: unknown;
  try {
    doc = JSON.parse(json);
  } catch {
    return refused('val_link_not_json');
  }
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) return refused('val_link_no_run');
  const { v, scenario, seed, atMs, changes } = doc as Record<string, unknown>;
  if (typeof v === 'number' && v > VERSION) return refused('val_link_newer');
  if (v !== VERSION) return refused('val_link_version');
  if (scenario === undefined) return refused('val_link_no_scenario');
  return { ok: true, run: { scenario, seed, atMs, changes: changes ?? [] } };
}
