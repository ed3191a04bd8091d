import { describe, expect, it } from 'vitest';
import { csvField, toCsv } from '../../../src/viz/csv.ts';

describe('CSV', () => {
  it('quotes what needs quoting, and only that', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
  });

  it('writes numbers plainly and leaves missing values empty', () => {
    expect([1.5, 0, NaN, Infinity, null, undefined, true, false].map(csvField)).toEqual(['1.5', '0', '', '', '', '', 'yes', 'no']);
  });

  it('never lets text become a spreadsheet formula', () => {
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('+1')).toBe("'+1");
    expect(csvField('@me')).toBe("'@me");
  });

  it('writes a header and rows with CRLF line ends', () => {
    expect(toCsv(['a', 'b'], [[1, 'x'], [2, null]])).toBe('a,b\r\n1,x\r\n2,\r\n');
  });
});
