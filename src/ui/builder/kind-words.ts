/**
 * The builder's words for a node's kind and a palette entry, in the page's language.
 */
import { m } from '../../i18n/paraglide/messages.js';
import type { NodeKind } from './outline.ts';
import type { PaletteKind } from './palette.ts';

const KIND: Record<NodeKind, () => string> = {
  traffic: m.kind_traffic,
  balancer: m.kind_balancer,
  listener: m.kind_listener,
  rule: m.kind_rule,
  'target-group': m.kind_target_group,
  'session-store': m.kind_session_store,
  target: m.kind_target,
  database: m.kind_database,
  dns: m.kind_dns,
  record: m.kind_record,
  'scaling-group': m.kind_scaling_group,
  deployment: m.kind_deployment,
};

const PALETTE_WORDS: Record<PaletteKind, () => string> = {
  'target-group': m.palette_target_group,
  rule: m.palette_rule,
  balancer: m.palette_balancer,
  database: m.palette_database,
  'session-store': m.palette_session_store,
  dns: m.palette_dns,
  'scaling-group': m.palette_scaling_group,
};

/** `rule` → "listener rule" (en), "regla del agente de escucha" (es). */
export function kindWords(kind: NodeKind): string {
  return KIND[kind]();
}

/** `session-store` → "Shared session store" (en), "Almacén de sesiones compartido" (es). */
export function paletteWords(kind: PaletteKind): string {
  return PALETTE_WORDS[kind]();
}
