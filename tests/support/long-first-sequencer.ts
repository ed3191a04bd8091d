// The order Vitest starts the test files in: the long ones first, longest first (Black Friday's lesson runs, a
// million requests each; the queueing-theory checks, long simulations; the other lessons' runs; the scripts' tests,
// child processes), then Vitest's own order. On a clean clone (CI) Vitest has no timings yet and starts the largest
// files first; these files are small, so they started late and one ran alone at the end while the other core
// idled. A file missing from the list only loses its place in the queue.
import { BaseSequencer, type TestSpecification } from 'vitest/node';

const LONG = ['/tests/content/lessons-22.test.ts', '/tests/unit/engine/queueing.test.ts', '/tests/content/', '/tests/unit/scripts/'];

/** The file's place in LONG (the first entry it matches), or LONG.length when it is not a long one. */
const rank = (spec: TestSpecification) => {
  const path = spec.moduleId.replaceAll('\\', '/');
  const i = LONG.findIndex((p) => path.includes(p));
  return i === -1 ? LONG.length : i;
};

export class LongFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    // a stable sort: within one rank, Vitest's own order
    return sorted.map((spec, i) => ({ spec, i, r: rank(spec) })).sort((a, b) => a.r - b.r || a.i - b.i).map((x) => x.spec);
  }
}
