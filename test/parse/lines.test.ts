/** Splitting lines into cells; the pipe-table delimiter row in linear time. */

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isDelimiterRow, splitPipes, splitTsv } from '../../src/parse/lines.js';

/** The regular expression `isDelimiterRow` used before: the reference for short lines. */
const OLD_DELIMITER_ROW = /^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$/;

describe('isDelimiterRow', () => {
  it('should recognise delimiter rows', () => {
    expect(isDelimiterRow('|---|:--:|--:|')).toBe(true);
    expect(isDelimiterRow('--- | ---')).toBe(true);
    expect(isDelimiterRow('| 1 | - |')).toBe(false);
  });

  it('should decide exactly as the old regular expression did', () => {
    const line = fc.string({ unit: fc.constantFrom(' ', '\t', '|', '-', ':', 'a', '\u00a0'), maxLength: 20 });
    fc.assert(
      fc.property(line, (text) => {
        expect(isDelimiterRow(text)).toBe(text.includes('-') && OLD_DELIMITER_ROW.test(text));
      }),
      { numRuns: 5000 },
    );
  });

  // Regression: the whole-row pattern backtracked quadratically: 20,000 spaces took 1 s, a 1 MB line hours.
  it('should decide on a 1 MB line in linear time (regression: catastrophic backtracking)', () => {
    for (const text of [`|-|${' '.repeat(1_000_000)}x`, `${'|-'.repeat(500_000)} x`, `-${' '.repeat(1_000_000)}x`]) {
      const start = performance.now();
      isDelimiterRow(text);
      expect(performance.now() - start).toBeLessThan(1000);
    }
  });
});

describe('splitTsv and splitPipes', () => {
  it('should give trimmed cells with their columns', () => {
    expect(splitTsv('a\t 1 \t', 3).map((c) => [c.text, c.place.column, c.place.endColumn])).toEqual([
      ['a', 1, 2],
      ['1', 4, 5],
      ['', 7, 7],
    ]);
    expect(splitPipes('| a | b\\|c |', 1).map((c) => c.text)).toEqual(['a', 'b|c']);
  });

  it('should point every cell at its own text', () => {
    const line = fc.string({ unit: fc.constantFrom(' ', '\t', '|', '\\', 'a', '1', '\u3000'), maxLength: 30 });
    fc.assert(
      fc.property(line, (text) => {
        const cells = [...splitTsv(text, 1).map((cell) => [cell, false] as const), ...splitPipes(text, 1).map((cell) => [cell, true] as const)];
        for (const [cell, pipe] of cells) {
          const { column, endColumn } = cell.place;
          expect(column).toBeGreaterThanOrEqual(1);
          expect(endColumn).toBeGreaterThanOrEqual(column);
          const source = text.slice(column - 1, endColumn - 1);
          expect(pipe ? source.replace(/\\\|/g, '|') : source).toBe(cell.text);
        }
      }),
      { numRuns: 3000 },
    );
  });
});

describe('splitTsv', () => {
  it('should trim each cell of white space and zero-width spaces, keeping its columns, as the old pattern did', () => {
    const BLANK = /[\s\u00a0\u3000\u200b\ufeff]/;
    const line = fc.string({ unit: fc.constantFrom(' ', '\t', '\u3000', '\u00a0', '\u200b', '\ufeff', '\u2028', 'a', '一', '1'), maxLength: 16 });
    fc.assert(
      fc.property(line, (text) => {
        let start = 0;
        const expected = text.split('\t').map((raw) => {
          let a = 0;
          let b = raw.length;
          while (a < b && BLANK.test(raw[a]!)) a++;
          while (b > a && BLANK.test(raw[b - 1]!)) b--;
          const cell = { text: raw.slice(a, b), column: start + a + 1, endColumn: start + b + 1 };
          start += raw.length + 1;
          return cell;
        });
        expect(splitTsv(text, 1).map((c) => ({ text: c.text, column: c.place.column, endColumn: c.place.endColumn }))).toEqual(expected);
      }),
      { numRuns: 5000 },
    );
  });
});
