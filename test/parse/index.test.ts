/** The parse stage: metadata lines and front matter, read in linear time. */

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseReport } from '../../src/parse/index.js';

/** The regular expressions the parse stage used before: the reference for short lines. */
const OLD_META_LINE = /^\s*(发布日期|成文日期|索引号|发布机构|发文机关)\s*[:：]\s*(.+?)\s*$/;
const OLD_FRONT_MATTER_KEY = /^\s*([^:：\s][^:：]*?)\s*[:：]\s*(.*?)\s*$/;

const piece = fc.constantFrom(' ', '\t', '\u3000', ':', '：', 'a', '日', '发布日期', '索引号', '#');
const line = fc.array(piece, { maxLength: 12 }).map((parts) => parts.join(''));

describe('parseReport: metadata', () => {
  it('should read a metadata line before the first section as the old pattern did', () => {
    fc.assert(
      fc.property(line, (text) => {
        const old = OLD_META_LINE.exec(text);
        const expected = old && old[2]!.trim() !== '' ? old[2] : undefined;
        const meta = parseReport(text).meta;
        expect(old ? meta.get(old[1]!)?.value : [...meta.values()][0]?.value).toBe(expected);
      }),
      { numRuns: 3000 },
    );
  });

  it('should read a front matter line as the old pattern did', () => {
    fc.assert(
      fc.property(line, (text) => {
        const old = OLD_FRONT_MATTER_KEY.exec(text);
        const meta = parseReport(`---\n${text}\n---\n`).meta;
        const front = [...meta].filter(([key]) => key.startsWith('front:'));
        expect(front).toEqual(old ? [[`front:${old[1]}`, { value: old[2], place: { line: 2, column: 1, endLine: 2, endColumn: text.length + 1 } }]] : []);
      }),
      { numRuns: 3000 },
    );
  });

  // Regression: `(.+?)\s*$` backtracked quadratically: 20,000 spaces took 1.7 s, a 1 MB line hours.
  for (const [name, text] of [
    ['metadata line', `发布日期：a${' '.repeat(1_000_000)}x`],
    ['front matter line', `---\na${' '.repeat(1_000_000)}x\n---\n`],
    ['front matter value', `---\nkey: a${' '.repeat(1_000_000)}x\n---\n`],
  ] as const) {
    it(`should read a 1 MB ${name} in linear time (regression: catastrophic backtracking)`, () => {
      const start = performance.now();
      parseReport(text);
      expect(performance.now() - start).toBeLessThan(1000);
    });
  }
});
