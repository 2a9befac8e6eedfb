/** Section 三 → `applications`: rows found by their labels, missing rows reported. */

import { describe, expect, it } from 'vitest';
import { processReport } from '../../src/process.js';
import { zeroReport } from '../support/reports.js';
import { writeReportMarkdown } from '../support/write-report.js';

function run(text: string, year: number) {
  const { file, model } = processReport({ path: 'applications.md', pathYear: year }, Buffer.from(text));
  return { messages: file.messages.map((m) => ({ ruleId: m.ruleId, line: m.line, fatal: m.fatal })), report: model?.report ?? null };
}

describe('section 三', () => {
  // Found by the property tests: swapping the two label cells of this row made its leaf label
  // （六）其他处理, the 2019 row, whose cell applications.otherDisposal.other has the source map key
  // of the 2021 row 3.其他; that row then never counted as missing: no error, and no model.
  it('should report 3.其他 missing when its row is labelled （六）其他处理 in a 2021 report (regression: no error, no model)', () => {
    const lines = writeReportMarkdown(zeroReport('2021'), { shift: false }).split('\n');
    const n = lines.findIndex((l) => l.startsWith('（六）其他处理\t3.其他\t'));
    expect(n).toBeGreaterThan(0);
    lines[n] = lines[n]!.replace('（六）其他处理\t3.其他', '3.其他\t（六）其他处理');
    const { messages, report } = run(lines.join('\n'), 2021);
    expect(report).toBeNull();
    expect(messages).toContainEqual({ ruleId: 'missing-row', line: n + 2, fatal: true });
    expect(messages).toContainEqual({ ruleId: 'format-mismatch', line: n + 1, fatal: false });
  });

  it('should read a format 2019 report, whose （六）其他处理 has an 其他 column, without errors', () => {
    const report = zeroReport('2019');
    expect(run(writeReportMarkdown(report), 2020)).toEqual({ messages: [], report });
  });
});
