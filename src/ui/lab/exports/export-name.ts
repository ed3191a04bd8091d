/**
 * File names for what a person exports from the lab, named after the scenario and the moment:
 * `three-equal-servers-behind-round-robin-at-42s-metrics.csv`.
 */

/** A scenario name as a file-name slug (lower case, ASCII letters and digits, hyphens). */
export function slugOf(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60)
    .replace(/-$/, '');
  return slug || 'scenario';
}

/** `<scenario>-at-<seconds>s-<what>.<ext>`; the moment in whole simulated seconds (tenths below ten). */
export function exportName(scenarioName: string, timeMs: number, what: string, ext: string): string {
  const sec = timeMs / 1000;
  const moment = sec < 10 ? (Math.floor(sec * 10) / 10).toString().replace('.', '_') : String(Math.floor(sec));
  return `${slugOf(scenarioName)}-at-${moment}s-${what}.${ext}`;
}
