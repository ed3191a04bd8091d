// The order Vitest starts the test files in: the long ones first (the lesson content tests, each a few dozen
// seconds of whole-lesson runs; the queueing-theory checks, long simulations; the scripts' tests, child
// processes), then Vitest's own order. On a clean clone (CI) Vitest has no timings yet and starts the largest
// files first; these files are small, so they started late and one ran alone at the end while the other core
// idled. A file missing from the list only loses its place in the queue.
import { BaseSequencer, type TestSpecification } from 'vitest/node';

const LONG = ['/tests/content/', '/tests/unit/engine/queueing.test.ts', '/tests/unit/scripts/'];

const isLong = (spec: TestSpecification) => {
  const path = spec.moduleId.replaceAll('\\', '/');
  return LONG.some((p) => path.includes(p));
};

export class LongFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    return [...sorted.filter(isLong), ...sorted.filter((s) => !isLong(s))];
  }
}
