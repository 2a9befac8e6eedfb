import { describe, expect, it } from 'vitest';
import { syntheticSite, type SyntheticReport } from '../bench/generate/index.js';
import { checkAcrossReports, processReport, type ProcessedReport } from '../src/process.js';

// 10 agencies × 6 years: both formats, both table styles, messy layouts.
const reports: SyntheticReport[] = [...syntheticSite(60, 1)];
const processed: ProcessedReport[] = reports.map((r) => processReport({ path: r.path, pathYear: r.year, folderAgency: r.agency.slug }, Buffer.from(r.markdown)));

describe('the benchmark’s synthetic reports (bench/generate)', () => {
  it('should read back into the model they were written from, with no message at all', () => {
    reports.forEach((r, i) => {
      const { file, model } = processed[i]!;
      expect(file.messages.map((m) => `${r.path}:${m.line}:${m.ruleId} ${m.reason}`)).toEqual([]);
      expect(model?.report).toEqual(r.report);
    });
  });

  it('should carry over from year to year, so the site-wide checks find nothing', () => {
    const years = new Map<string, number[]>();
    for (const r of reports) years.set(r.agency.name, [...(years.get(r.agency.name) ?? []), r.year]);
    expect([...years.values()].every((y) => y.length === 6 && y.every((year, i) => year === 2019 + i))).toBe(true);
    checkAcrossReports(processed);
    expect(processed.flatMap((p) => p.file.messages.map((m) => `${p.file.path}:${m.line}:${m.ruleId}`))).toEqual([]);
  });

  it('should use format 2019 for 2019 and 2020 and format 2021 after, and vary the layout', () => {
    expect(reports.every((r) => r.report.format === (r.year >= 2021 ? '2021' : '2019'))).toBe(true);
    expect(new Set(reports.map((r) => r.layout.table))).toEqual(new Set(['tsv', 'pipe']));
    expect(reports.some((r) => r.layout.crlf) && reports.some((r) => r.layout.bom)).toBe(true);
  });

  it('should be real-sized (about 6 KB) and the same for the same seed', () => {
    const sizes = reports.map((r) => Buffer.byteLength(r.markdown));
    const mean = sizes.reduce((a, b) => a + b, 0) / sizes.length;
    expect(mean).toBeGreaterThan(5000);
    expect(mean).toBeLessThan(7500);
    expect([...syntheticSite(12, 1)].map((r) => r.markdown)).toEqual(reports.slice(0, 12).map((r) => r.markdown));
    expect([...syntheticSite(12, 2)].map((r) => r.markdown)).not.toEqual(reports.slice(0, 12).map((r) => r.markdown));
  });
});
