/** A listener rule's conditions as a phrase for a journey's routing step ("path /api*, host shop.example"). */
import { list, say, type Phrase } from './phrase.ts';

export function describeMatch(m: { pathPrefix?: string; host?: string; header?: { name: string; value: string }; cookie?: { name: string; value: string } }): Phrase {
  const parts: Phrase[] = [];
  if (m.pathPrefix !== undefined) parts.push(say('explain_step_match_path', { prefix: m.pathPrefix }));
  if (m.host !== undefined) parts.push(say('explain_step_match_host', { host: m.host }));
  if (m.header !== undefined) parts.push(say('explain_step_match_header', { name: m.header.name, value: m.header.value }));
  if (m.cookie !== undefined) parts.push(say('explain_step_match_cookie', { name: m.cookie.name, value: m.cookie.value }));
  return parts.length > 0 ? list(parts, ', ') : say('explain_step_match_any');
}
