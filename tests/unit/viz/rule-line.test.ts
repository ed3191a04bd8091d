import { describe, expect, it } from 'vitest';
import { bareConditions, ruleLine, ruleLineText } from '../../../src/viz/rule-line.ts';
import { textWidth } from '../../../src/viz/text-fit.ts';

// In Node nothing measures text: widths are the layout's estimate, 0.6 em a character (13 px: 7.8 px)
const FONT = 13;

describe('a balancer rule line', () => {
  it('reads "<conditions> → <target group>" whole when it fits', () => {
    expect(ruleLine('path /cart*', 'web', 200, FONT)).toBe('path /cart* → web');
    expect(ruleLineText('host a.example & path /x*', 'web')).toBe('host a.example & path /x* → web');
  });

  it('keeps its target when cut, and every condition: keywords go first, then each condition is cut to its share', () => {
    const line = ruleLine('host shop.securecart.com & path /products*', 'shop', 154, FONT);
    expect(line.endsWith(' → shop')).toBe(true);
    const [hostPart, pathPart] = line.slice(0, -' → shop'.length).split(' & ');
    // 154 − 7 × 7.8 for " → shop" leaves 99.4 px; less 23.4 for " & ", 38 px each: "sho…" and "/pr…" (4 × 7.8 = 31.2)
    expect([hostPart, pathPart]).toEqual(['sho…', '/pr…']);
    expect(textWidth(line, FONT)).toBeLessThanOrEqual(154);
  });

  it('keeps a short condition whole and cuts the long one', () => {
    const line = ruleLine('path /cart* & cookie ab=b-with-a-long-value', 'beta', 200, FONT);
    expect(line.startsWith('/cart* & cookie')).toBe(true);
    expect(line).toMatch(/… → beta$/);
  });

  it('drops only the host and path keywords', () => {
    expect(bareConditions('host a.example & path /x* & cookie ab=b')).toBe('a.example & /x* & cookie ab=b');
  });
});
