// The order Vitest starts the test files in: the lesson content tests (tests/content/, each a few dozen seconds
// of whole-lesson runs) first, then Vitest's own order. On a clean clone (CI) Vitest has no timings yet and
// starts the largest files first; the content files are small, so they started last and one ran alone at the
// end while the other core idled.
import { BaseSequencer, type TestSpecification } from 'vitest/node';

const isContent = (spec: TestSpecification) => spec.moduleId.replaceAll('\\', '/').includes('/tests/content/');

export class ContentFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    return [...sorted.filter(isContent), ...sorted.filter((s) => !isContent(s))];
  }
}
