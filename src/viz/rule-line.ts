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
import { fitText, measuredWidth, textWidth } from './text-fit.ts';

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

/** A piece of a line: its text, and whether the next piece follows it with no space (after "-", ".", "/"). */
interface Piece {
  text: string;
  tight: boolean;
}

/** `text` in pieces: at spaces and after hyphens; a piece wider than `widthPx` also after "." and "/" ("shop." "securecart." "com"). */
function pieces(text: string, widthPx: number, fontPx: number): Piece[] {
  return text
    .split(' ')
    .filter((w) => w !== '')
    .flatMap((word) => {
      const parts = word.match(textWidth(word, fontPx) > widthPx ? /[^-./]+[-./]?|[-./]/g : /[^-]+-?|-/g) ?? [word];
      return parts.map((p, i) => ({ text: p, tight: i < parts.length - 1 }));
    });
}

/**
 * The rule line drawn whole on as many lines of `widthPx` as it needs (by the layout's estimate, the same
 * everywhere), at most `maxLines`: broken after "→" (the arrow ends its conditions' line), at spaces, after
 * hyphens, and inside a word too long for a line after "." and "/"; past `maxLines`, one line cut as `ruleLine` cuts it. On a
 * phone's 144 px balancer "default → payments" was cut to "def… → paym…"; now "default →" "payments".
 */
export function ruleLines(conditions: string, target: string, widthPx: number, fontPx: number, maxLines: number): string[] {
  const whole = ruleLineText(conditions, target);
  if (textWidth(whole, fontPx) <= widthPx) return [whole];
  const left = pieces(conditions, widthPx, fontPx);
  // the arrow stays with the conditions it ends (or starts the target's line when they leave it no room)
  const arrow = ARROW.trim();
  const last = left.at(-1);
  const glued = last !== undefined && textWidth(`${last.text} ${arrow}`, fontPx) <= widthPx;
  if (glued) left[left.length - 1] = { text: `${last.text} ${arrow}`, tight: false };
  const all = [...left, ...(glued ? [] : [{ text: arrow, tight: false }]), ...pieces(target, widthPx, fontPx)];
  const lines: string[] = [];
  let line = '';
  let tight = false;
  for (const p of all) {
    const joined = line === '' ? p.text : `${line}${tight ? '' : ' '}${p.text}`;
    if (line === '' || textWidth(joined, fontPx) <= widthPx) line = joined;
    else {
      lines.push(line);
      line = p.text;
    }
    tight = p.tight;
  }
  if (line !== '') lines.push(line);
  if (lines.length <= maxLines) return lines;
  // too many: one line, cut the old way (its target kept)
  return [ruleLine(conditions, target, widthPx, fontPx)];
}
