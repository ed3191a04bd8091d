/**
 * The kinds of control a lesson asks its learner to use, derived from its content: its steps' directives
 * (predict, try, hints, wait, a case's goals), its frontmatter's `controls` (each live-change action is sent
 * by one control of the page) and `unlocks` (the Build tab: the outline, the palette when it may add
 * something, and each inspector editor an unlocked field needs), plus the controls every lesson page has
 * (Continue, Back, Solve, Reset this step, the lab's tabs, play and Restart run). The keyboard tests
 * (tests/e2e/keyboard*.spec.ts) name the kinds they operate by keyboard alone; a content test requires every
 * lesson's kinds to be among them, so a lesson needing a new kind of control fails until it is covered.
 */
import type { Lesson } from '../../content/lesson.ts';
import type { ChangeAction } from '../../content/schema.ts';
import type { Scenario } from '../../scenario/schema.ts';
import { scenarioSchema } from '../../scenario/json-schema.ts';
import { outlineOf } from '../builder/outline.ts';
import { fieldsAt, nodeField, type Editor, type Field } from '../builder/schema-fields.ts';
import { referenceChoices } from '../builder/palette.ts';
import { listForm } from '../builder/policy-forms.ts';
import { locksOf, paletteKinds, type Locks } from '../builder/locks.ts';
import { isDiagnosis } from './lesson-run.svelte.ts';

/** The control each live-change action is sent with (null: no control of its own; a try button or the builder sends it). */
const ACTION_CONTROLS = {
  'set-rate': 'traffic-rate',
  'set-algorithm': 'group-algorithm',
  'set-target-count': 'group-count',
  'set-health-check': 'group-health-check',
  'set-capacity': 'scaling-capacity',
  'set-weight': 'target-weight',
  'set-concurrency': 'target-settings',
  'set-service-time': 'target-settings',
  crash: 'target-action',
  hang: 'target-action',
  slow: 'target-action',
  errors: 'target-action',
  brownout: 'target-action',
  recover: 'target-action',
  deregister: 'target-action',
  register: 'target-action',
  'break-dependency': 'target-action',
  'zone-outage': 'infra-failure',
  'zone-recover': 'infra-failure',
  'region-outage': 'infra-failure',
  'region-recover': 'infra-failure',
  'crash-balancer': 'infra-failure',
  'recover-balancer': 'infra-failure',
  'db-failover': 'infra-failure',
  'crash-session-store': 'infra-failure',
  'recover-session-store': 'infra-failure',
  // no control of their own on the page yet: a lesson that offers them fails the coverage test
  'set-admin-state': 'action:set-admin-state',
  'set-forward-weights': 'action:set-forward-weights',
  'swap-cnames': 'action:swap-cnames',
  patch: null,
} as const satisfies Record<ChangeAction, string | null>;

/** What every lesson page offers, whatever its content. */
const EVERY_LESSON = ['solve', 'reset-step', 'restart-run', 'play', 'lab-tabs'] as const;

export type ControlKind =
  | (typeof EVERY_LESSON)[number]
  | 'continue'
  | 'back'
  | 'next-lesson'
  | 'predict'
  | 'diagnosis'
  | 'run-to-moment'
  | 'try'
  | 'hints'
  | 'case-solve'
  | 'build-outline'
  | 'build-palette'
  | 'build-undo'
  | `build-field-${Drawn}`
  | NonNullable<(typeof ACTION_CONTROLS)[ChangeAction]>;

/** What FieldRow draws: one control per editor (a number box for both number kinds), and item-by-item lists. */
type Drawn = Exclude<Editor, 'integer'> | 'list';

/**
 * The control FieldRow draws for a field: a number box for both number kinds, a list of choices for a text field
 * that names something, and a list edited item by item (a scaling group's policies, policy-forms.ts) for a
 * JSON field that has such a form (its JSON stays under "advanced" inside it).
 */
function drawnAs(scenario: Scenario, field: Field): Drawn {
  if (field.editor === 'integer') return 'number';
  if (field.editor === 'json' && listForm(field.pointer) !== null) return 'list';
  if (field.editor === 'text' && referenceChoices(scenario, field.key, field.pointer) !== null) return 'choice';
  return field.editor;
}

/** The inspector editors the unlocked fields of one world need. */
function editorsIn(scenario: Scenario, locks: Locks): Set<Drawn> {
  const out = new Set<Drawn>();
  const root = scenarioSchema();
  const visit = (field: Field): void => {
    const drawn = drawnAs(scenario, field);
    if (!locks.locked(field.pointer)) out.add(drawn);
    // an object's fields, also of one not there yet (its Add button brings them); a variant's, of the kind it has
    if (field.editor === 'object' || (field.editor === 'variant' && field.present)) for (const child of fieldsAt(root, scenario, field.pointer)) if (child.key !== field.tag) visit(child);
    // a list's items, each drawn as its own fields
    if (drawn === 'list' && Array.isArray(field.value))
      for (let i = 0; i < field.value.length; i++) {
        const item = nodeField(root, scenario, `${field.pointer}/${i}`);
        if (item !== null) visit(item);
      }
  };
  for (const node of outlineOf(scenario)) {
    const self = nodeField(root, scenario, node.pointer);
    for (const field of self?.editor === 'variant' ? [self] : fieldsAt(root, scenario, node.pointer)) visit(field);
  }
  return out;
}

/** The kinds of control `lesson` asks for; `last`: it is the course's last lesson (no "next lesson" link). */
export function controlKindsOf(lesson: Lesson, last = false): Set<ControlKind> {
  const kinds = new Set<ControlKind>(EVERY_LESSON);
  if (lesson.steps.length > 1) kinds.add('continue').add('back');
  if (!last) kinds.add('next-lesson');
  for (const step of lesson.steps) {
    if (step.predict !== null) kinds.add(isDiagnosis(step.predict) ? 'diagnosis' : 'predict');
    if (step.wait !== null || (step.predict !== null && step.predict.atSec !== undefined)) kinds.add('run-to-moment');
    if (step.tries.length > 0) kinds.add('try');
    if (step.hints !== null) kinds.add('hints');
    if (step.case !== null) kinds.add('case-solve');
  }
  for (const action of lesson.controls) {
    const kind = ACTION_CONTROLS[action];
    if (kind !== null) kinds.add(kind);
  }
  if (lesson.unlocks.length > 0) {
    kinds.add('build-outline').add('build-undo');
    const locks = locksOf(lesson.unlocks)!;
    for (const scenario of [lesson.scenario, ...Object.values(lesson.scenes)]) {
      const pointers = [null, ...outlineOf(scenario).map((n) => n.pointer)];
      if (pointers.some((p) => paletteKinds(scenario, locks, p).length > 0)) kinds.add('build-palette');
      for (const editor of editorsIn(scenario, locks)) kinds.add(`build-field-${editor}`);
    }
  }
  return kinds;
}
