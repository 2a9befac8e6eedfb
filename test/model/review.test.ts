/** Section 四 → `reviewLitigation`: the data row, however it was pasted. */

import { describe, expect, it } from 'vitest';
import { processReport } from '../../src/process.js';
import { zeroReport } from '../support/reports.js';
import { writeReportMarkdown } from '../support/write-report.js';

const report = zeroReport('2021');
const markdown = writeReportMarkdown(report, { shift: false });
const lines = markdown.split('\n');
const dataLine = lines.findIndex((l) => /^0(\t0){14}$/.test(l)) + 1;

function run(text: string) {
  const { file, model } = processReport({ path: 'review.md', pathYear: report.year }, Buffer.from(text));
  return { messages: file.messages.map((m) => ({ ruleId: m.ruleId, line: m.line, fatal: m.fatal })), report: model?.report ?? null };
}

describe('section 四', () => {
  it('should find the data row of the written report', () => {
    expect(dataLine).toBeGreaterThan(0);
    expect(run(markdown)).toEqual({ messages: [], report });
  });

  it('should report a missing data row under the header rows (regression: no error, no model)', () => {
    const text = lines.filter((_, i) => i !== dataLine - 1).join('\n');
    expect(run(text)).toEqual({ messages: [{ ruleId: 'missing-row', line: dataLine - 1, fatal: true }], report: null });
  });

  it('should report a second data row (regression: its numbers were silently dropped)', () => {
    const other = `1\t0\t0\t0\t1${'\t0'.repeat(10)}`;
    const text = [...lines.slice(0, dataLine), other, ...lines.slice(dataLine)].join('\n');
    expect(run(text).messages).toEqual([{ ruleId: 'duplicate-row', line: dataLine + 1, fatal: true }]);
  });

  it('should warn about a partial row of numbers beside the data row (regression: silently dropped)', () => {
    const text = [...lines.slice(0, dataLine), '合计\t3\t4', ...lines.slice(dataLine)].join('\n');
    expect(run(text)).toEqual({ messages: [{ ruleId: 'unknown-row', line: dataLine + 1, fatal: false }], report });
  });

  it('should read a data row of dashes as zeros with an empty-cell warning (regression: taken for no data row)', () => {
    const text = lines.map((l, i) => (i === dataLine - 1 ? Array(15).fill('-').join('\t') : l)).join('\n');
    expect(run(text)).toEqual({ messages: [{ ruleId: 'empty-cell', line: dataLine, fatal: false }], report });
  });

  it('should read a data row broken over three lines', () => {
    const cells = lines[dataLine - 1]!.split('\t');
    const broken = [cells.slice(0, 5), cells.slice(5, 10), cells.slice(10)].map((c) => c.join('\t'));
    const text = [...lines.slice(0, dataLine - 1), ...broken, ...lines.slice(dataLine)].join('\n');
    expect(run(text)).toEqual({ messages: [], report });
  });
});
