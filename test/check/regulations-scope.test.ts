/** `regulations-scope`: which agencies cannot make 规章; decided in linear time. */

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cannotMakeRegulations } from '../../src/check/regulations-scope.js';
import { processReport } from '../../src/process.js';
import { zeroReport } from '../support/reports.js';
import { writeReportMarkdown } from '../support/write-report.js';

/** The patterns the check used before: the reference for short names. */
const OLD_TOWNSHIP = /(镇|乡|街道|苏木)(人民政府|政府|办事处)?$|街道办事处|镇人民政府|乡人民政府/;
const OLD_COUNTY = /(县|旗|区)人民政府$/;
const OLD_LOCAL_DEPARTMENT = /^.+?(省|自治区|市|州|盟|县|区|旗).+(局|委员会|委|办公室|办|厅|中心|院)$/;
const oldCannot = (agency: string) => {
  const name = agency.normalize('NFKC').replace(/\s+/g, '');
  return OLD_TOWNSHIP.test(name) || OLD_COUNTY.test(name) || (!/人民政府$/.test(name) && OLD_LOCAL_DEPARTMENT.test(name));
};

describe('cannotMakeRegulations', () => {
  it('should tell townships, counties and local departments from governments that make 规章', () => {
    expect(cannotMakeRegulations('常袋镇人民政府')).toBe(true);
    expect(cannotMakeRegulations('某某县人民政府')).toBe(true);
    expect(cannotMakeRegulations('淮安市教育局')).toBe(true);
    expect(cannotMakeRegulations('广西壮族自治区发展和改革委员会')).toBe(true);
    expect(cannotMakeRegulations('淮安市人民政府')).toBe(false);
    expect(cannotMakeRegulations('江苏省人民政府')).toBe(false);
    expect(cannotMakeRegulations('教育部')).toBe(false);
  });

  it('should decide exactly as the old patterns did', () => {
    const word = fc.constantFrom('省', '自治区', '自', '区', '市', '县', '旗', '镇', '街道', '局', '委', '委员会', '办', '办公室', '中心', '院', '人民政府', '政府', '淮安', 'a', ' ');
    fc.assert(
      fc.property(fc.array(word, { maxLength: 8 }), (words) => {
        const name = words.join('');
        expect(cannotMakeRegulations(name)).toBe(oldCannot(name));
      }),
      { numRuns: 5000 },
    );
  });

  // Regression: `^.+?(…市…).+(…局…)$` backtracked quadratically: 8,000 characters took 70 ms, 1 MB hours.
  it('should decide on a 1 MB name in linear time (regression: catastrophic backtracking)', () => {
    for (const name of [`x${'市'.repeat(1_000_000)}!`, `x${'市a'.repeat(500_000)}!`, `${'自治'.repeat(500_000)}区局`]) {
      const start = performance.now();
      cannotMakeRegulations(name);
      expect(performance.now() - start).toBeLessThan(1000);
    }
  });

  it('should check a report whose agency comes from a 1 MB 发布机构 line in bounded time', () => {
    const report = zeroReport('2021') as ReturnType<typeof zeroReport> & { activeDisclosure: Record<string, Record<string, number>> };
    report.activeDisclosure['regulations']!.issued = 1;
    const markdown = writeReportMarkdown(report, { shift: false }).replace(/^# .*$/m, `# 2021年政府信息公开工作年度报告\n\n发布机构：x${'市'.repeat(1_000_000)}!`);
    const start = performance.now();
    const { file } = processReport({ path: 'long-agency.md' }, Buffer.from(markdown));
    expect(performance.now() - start).toBeLessThan(3000);
    expect(file.messages.filter((m) => m.fatal)).toEqual([]);
  });
});
