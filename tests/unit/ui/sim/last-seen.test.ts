// Forms refill from the run only when what they show changed (src/ui/sim/last-seen.ts), so a draft survives
// another control's change landing meanwhile.
import { describe, expect, it } from 'vitest';
import { LastSeen } from '../../../../src/ui/sim/last-seen.ts';

describe('a form refills only when its value changed', () => {
  it('the same value fetched again (a new object after another control’s change) is not a change', () => {
    const seen = new LastSeen({ policies: [] });
    expect(seen.changed({ policies: [] })).toBe(false);
    expect(seen.changed(structuredClone({ policies: [] }))).toBe(false);
  });

  it('a different value is a change once, then the new value is the one seen', () => {
    const seen = new LastSeen('[]');
    expect(seen.changed('[{"kind":"target-tracking"}]')).toBe(true);
    expect(seen.changed('[{"kind":"target-tracking"}]')).toBe(false);
    expect(seen.changed('[]')).toBe(true);
  });

  it('with nothing seen yet, the first value is a change', () => {
    const seen = new LastSeen();
    expect(seen.changed(3)).toBe(true);
    expect(seen.changed(3)).toBe(false);
  });
});
