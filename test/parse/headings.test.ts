/** Recognising headings and titles; `stripMarkup` in linear time. */

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchSectionHeading, matchTitle, stripMarkup } from '../../src/parse/index.js';

/** The regular expression `stripMarkup` used before: the reference for its behaviour on short lines. */
const OLD_MARKUP = /^\s{0,3}#{1,6}\s*|\s*#+\s*$|^\s*(\*\*|__)|(\*\*|__)\s*$/g;
const oldStripMarkup = (line: string) => line.replace(OLD_MARKUP, '').replace(OLD_MARKUP, '').trim();

describe('stripMarkup', () => {
  it('should strip heading and emphasis markup', () => {
    expect(stripMarkup('## 一、总体情况')).toBe('一、总体情况');
    expect(stripMarkup('#### **四、政府信息公开行政复议、行政诉讼情况** ####')).toBe('四、政府信息公开行政复议、行政诉讼情况');
    expect(stripMarkup('__五、存在的主要问题及改进情况__')).toBe('五、存在的主要问题及改进情况');
    expect(stripMarkup('    # 四个空格是代码块')).toBe('# 四个空格是代码块');
  });

  it('should strip exactly what the old regular expression stripped', () => {
    const line = fc.string({ unit: fc.constantFrom(' ', '\t', '\u3000', '#', '*', '_', '一', 'a', '、'), maxLength: 24 });
    fc.assert(
      fc.property(line, (text) => {
        expect(stripMarkup(text)).toBe(oldStripMarkup(text));
      }),
      { numRuns: 3000 },
    );
  });

  // Regression: `\s*#+\s*$` backtracked quadratically; a 20,000-character line took 1.5–3 s, a 1 MB line hours.
  for (const [name, line] of [
    ['spaces', `${' '.repeat(1_000_000)}x`],
    ['hashes', `${'#'.repeat(1_000_000)}x`],
    ['spaced hashes', `${' #'.repeat(500_000)}x`],
    ['emphasis', `**${' '.repeat(1_000_000)}x`],
  ] as const) {
    it(`should strip a 1 MB line of ${name} in linear time (regression: catastrophic backtracking)`, () => {
      const start = performance.now();
      stripMarkup(line);
      matchSectionHeading(line);
      matchTitle(line);
      expect(performance.now() - start).toBeLessThan(1000);
    });
  }
});
