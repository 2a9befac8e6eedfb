/** The parse stage: metadata lines and front matter, read in linear time. */

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_TABLE_CELLS, parseReport } from '../../src/parse/index.js';
import { processReport } from '../../src/process.js';
import { zeroReport } from '../support/reports.js';
import { writeReportMarkdown } from '../support/write-report.js';

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

describe('parseReport: table cells', () => {
  const markdown = writeReportMarkdown(zeroReport('2021'), { shift: false });
  const lines = markdown.split('\n');
  const totalLine = lines.findIndex((l) => l.includes('（七）总计')) + 1;
  const withLine = (extra: string) => [...lines.slice(0, totalLine), extra, ...lines.slice(totalLine)].join('\n');
  const cellCount = (text: string) => parseReport(text).sections.reduce((n, s) => n + s.rows.reduce((m, r) => m + r.cells.length, 0), 0);

  it('should read every cell of an ordinary report', () => {
    expect(parseReport(markdown).tablesCutAt).toBeUndefined();
    expect(cellCount(markdown)).toBeLessThan(1000);
  });

  // Regression: every tab of a table section became a cell object: a 20 MB line of tabs took 4.8 s and 1.4 GB.
  for (const [name, text, cutAt] of [
    ['a 20 MB line of tabs', withLine(`行政检查${'\t0'.repeat(10_000_000)}`), totalLine + 1],
    ['a 20 MB line of pipes', withLine('|'.repeat(20_000_000)), totalLine + 1],
    // Six cells a row: the rows that fit in the budget are read, the next one is where reading stops.
    ['20 MB of short rows', withLine(Array.from({ length: 2_500_000 }, () => '\t\t\t\t\t').join('\n')), totalLine + 1 + Math.floor((MAX_TABLE_CELLS - cellCount(lines.slice(0, totalLine).join('\n'))) / 6)],
  ] as const) {
    it(`should stop reading tables at ${MAX_TABLE_CELLS} cells on ${name}, with a table-too-large error (regression: 1.4 GB of cells)`, () => {
      const start = performance.now();
      const { file, parsed } = processReport({ path: 'tabs.md', pathYear: 2021 }, Buffer.from(text));
      expect(performance.now() - start).toBeLessThan(5000);
      expect(parsed?.sections.reduce((n, s) => n + s.rows.reduce((m, r) => m + r.cells.length, 0), 0)).toBeLessThanOrEqual(MAX_TABLE_CELLS);
      const cut = file.messages.filter((m) => m.ruleId === 'table-too-large');
      expect(cut.map((m) => [m.line, m.fatal])).toEqual([[cutAt, true]]);
      // Only that error: not a flood of unknown rows before the cut and missing rows and tables after it.
      expect(file.messages.map((m) => m.ruleId)).toEqual(['table-too-large']);
    }, 30_000);
  }
});
