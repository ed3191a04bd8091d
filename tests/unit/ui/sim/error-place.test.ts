// A refused live change names its field as the form labels it, never by its internal path; a place in a file keeps its path.
import { describe, expect, it } from 'vitest';
import { errorPlace } from '../../../../src/ui/sim/error-place.ts';

describe('where a refusal went wrong', () => {
  it('says nothing for the change as a whole or a share link', () => {
    expect(errorPlace('(change)')).toEqual({ kind: 'none' });
    expect(errorPlace('link')).toEqual({ kind: 'none' });
  });

  it('names a field of the change in words, not by its path', () => {
    expect(errorPlace('(change).healthCheck.intervalSec')).toEqual({ kind: 'field', words: 'interval' });
    expect(errorPlace('(change).min')).toEqual({ kind: 'field', words: 'min' });
    expect(errorPlace('(change).patches.0.value.weight')).toEqual({ kind: 'field', words: 'weight' });
  });

  it('keeps a place in a file as written', () => {
    expect(errorPlace('targetGroups[0].targets[1].weight')).toEqual({ kind: 'path', path: 'targetGroups[0].targets[1].weight' });
  });
});
