/**
 * A balancer's rule line in the picture: "<conditions> → <target group>", the way an ALB's console lists a
 * listener's rules (IF host is … AND path is … THEN forward to …). The card is narrow (184 px), so a long line is
 * cut, but never its target: an edge leaves the line's port, and the words say where it goes. The balancer is drawn
 * wider when the picture has room (topology-layout.ts). Cut, the conditions lose their keywords first (on every rule
 * of the listener alike) ("host shop.securecart.com & path /products*" reads "shop.securecart.com &
 * /products*"), then share the room left, a short one kept whole: a line cut at its first condition hid the second
 * (lesson 6's "host shop.secureca…" hid its /products condition). The whole line is the row's title (hover), the
 * balancer's accessible name and the Table view's.
 */
import { fitText, measuredWidth } from './text-fit.ts';

const ARROW = ' → ';
const AND = ' & ';
/** A cut line keeps its target whole up to this share of the line (more, if the conditions leave it); the conditions the rest. */
const TARGET_SHARE = 0.5;
/** The keywords that a condition loses first when the line is cut; what follows reads alone. */
const KEYWORDS = /^(host|path) /;

/** The whole line, as the title and the table show it. */
export function ruleLineText(conditions: string, target: string): string {
  return `${conditions}${ARROW}${target}`;
}

/** `conditions` without their "host"/"path" keywords (each value reads alone: "shop.securecart.com & /products*"). */
export function bareConditions(conditions: string): string {
  return conditions
    .split(AND)
    .map((p) => p.replace(KEYWORDS, ''))
    .join(AND);
}

/** `conditions` (joined by " & ") shortened to `widthPx`: the keywords dropped, then each cut to its share. */
function fitConditions(conditions: string, widthPx: number, fontPx: number): string {
  if (measuredWidth(conditions, fontPx) <= widthPx) return conditions;
  const joined = bareConditions(conditions);
  const parts = joined.split(AND);
  if (measuredWidth(joined, fontPx) <= widthPx || parts.length === 1) return fitText(joined, widthPx, fontPx);
  // water-filling: conditions narrower than an equal share stay whole, the others share what they leave
  let room = widthPx - measuredWidth(AND, fontPx) * (parts.length - 1);
  const widths = parts.map((p) => measuredWidth(p, fontPx));
  const cut = new Set(parts.map((_, i) => i));
  for (let changed = true; changed; ) {
    changed = false;
    const share = room / cut.size;
    for (const i of [...cut]) {
      if (widths[i] <= share && cut.size > 1) {
        cut.delete(i);
        room -= widths[i];
        changed = true;
      }
    }
  }
  const share = room / cut.size;
  return parts.map((p, i) => (cut.has(i) ? fitText(p, share, fontPx) : p)).join(AND);
}

/** The line drawn in `widthPx` at `fontPx`: whole when it fits, else conditions cut and the target kept. */
export function ruleLine(conditions: string, target: string, widthPx: number, fontPx: number): string {
  const whole = ruleLineText(conditions, target);
  if (measuredWidth(whole, fontPx) <= widthPx) return whole;
  const arrow = measuredWidth(ARROW, fontPx);
  const targetRoom = Math.max(widthPx * TARGET_SHARE, widthPx - arrow - measuredWidth(conditions, fontPx));
  const tail = `${ARROW}${fitText(target, targetRoom, fontPx)}`;
  return `${fitConditions(conditions, widthPx - measuredWidth(tail, fontPx), fontPx)}${tail}`;
}
