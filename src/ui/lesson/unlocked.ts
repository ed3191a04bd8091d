/**
 * A lesson unlocks some controls (its frontmatter's `controls`): the panel, the picture's menus and the tabs show
 * only those (what refuses any other change is locked-reason.ts, kept apart: the picture's menu imports this
 * module, in the sandbox too, and the refusal's words would bring the builder's vocabulary along). The lesson's own
 * "try this" buttons are not limited.
 */

/** Panel sections and the actions they send. */
export const SECTION_ACTIONS = {
  traffic: ['set-rate'],
  groups: ['set-algorithm', 'set-target-count', 'set-health-check'],
  scaling: ['set-capacity'],
  targets: ['set-weight', 'set-concurrency', 'set-service-time', 'crash', 'hang', 'slow', 'errors', 'brownout', 'recover', 'deregister', 'register', 'break-dependency'],
} as const;

export type PanelSection = keyof typeof SECTION_ACTIONS;

/** Does the lesson unlock this action? (No list = everything is unlocked.) The panel shows only the controls it unlocks. */
export function actionUnlocked(action: string, allowed: readonly string[] | undefined): boolean {
  return allowed === undefined || allowed.includes(action);
}

/** Does a section have anything the lesson unlocks? (No list = everything is unlocked.) */
export function sectionUnlocked(section: PanelSection, allowed: readonly string[] | undefined): boolean {
  return allowed === undefined || SECTION_ACTIONS[section].some((a) => allowed.includes(a));
}

/**
 * Does the Change-it panel have anything to show? Only when some section's actions are unlocked: a lesson that
 * unlocks only `patch` (the Build tab's edits) or only failure buttons (on the picture) would show an empty panel.
 */
export function panelUnlocked(allowed: readonly string[] | undefined): boolean {
  return (Object.keys(SECTION_ACTIONS) as PanelSection[]).some((section) => sectionUnlocked(section, allowed));
}

/** The tab a step that sets a task opens on: the Change-it panel when it has controls, else the Build tab when the lesson unlocks the builder, else the charts. */
export function taskTab(allowed: readonly string[], unlocks: readonly string[] | undefined): 'controls' | 'build' | 'charts' {
  if (panelUnlocked(allowed)) return 'controls';
  return (unlocks?.length ?? 0) > 0 ? 'build' : 'charts';
}

/** Infrastructure failures (zones, regions, balancers, databases, session stores): shown when the lesson unlocks any. */
const INFRA_ACTIONS = ['zone-outage', 'zone-recover', 'region-outage', 'region-recover', 'crash-balancer', 'recover-balancer', 'db-failover', 'crash-session-store', 'recover-session-store'];

export function infraUnlocked(allowed: readonly string[] | undefined): boolean {
  return allowed === undefined || INFRA_ACTIONS.some((a) => allowed.includes(a));
}
