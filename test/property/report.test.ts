/**
 * Property tests on generated reports: a correct report, written in any
 * plausible layout, reads back as itself with no error; a report with one
 * relation broken always fails with that relation's rule at the right line.
 */

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cannotMakeRegulations } from '../../src/check/regulations-scope.js';
import { checkAcrossReports, processReport } from '../../src/process.js';
import { brokenReportArbitrary, consecutiveYearsArbitrary, layoutArbitrary, reportArbitrary, type LooseReport } from '../support/arbitrary.js';
import { mutate, mutation } from '../support/mutate.js';
import { writeReportMarkdown } from '../support/write-report.js';

const arithmetic = new Set(['section-three-balance', 'results-total', 'row-total', 'review-litigation-total']);
const RUNS = { valid: 1500, broken: 1500, edited: 2000, years: 1000 };

function run(report: LooseReport, markdown: string) {
  return processReport({ path: `reports/${report.year}.md`, pathYear: report.year }, Buffer.from(markdown));
}

/** The warnings a correct generated report must give: only regulations-scope, when it applies. */
function expectedWarnings(report: LooseReport): string[] {
  const regulations = Object.values(report.activeDisclosure['regulations'] ?? {}).map((v) => (typeof v === 'number' ? v : 0));
  return cannotMakeRegulations(report.agency) && Math.max(...regulations) > 0 ? ['regulations-scope'] : [];
}

describe('property: a correct report in any layout reads back as itself', () => {
  for (const format of ['2021', '2019'] as const) {
    it(`should read ${RUNS.valid} generated format ${format} reports back unchanged, with no error`, () => {
      fc.assert(
        fc.property(reportArbitrary(format), layoutArbitrary, (report, layout) => {
          const { file, model } = run(report, writeReportMarkdown(report, layout));
          expect(file.messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.reason}`).filter((m) => !m.includes('regulations-scope'))).toEqual([]);
          expect(file.messages.map((m) => m.ruleId)).toEqual(expectedWarnings(report));
          expect(model?.report).toEqual(report);
          // Key order is part of the open-data contract (FORMAT.md §8).
          expect(JSON.stringify(model?.report)).toBe(JSON.stringify(report));
        }),
        { numRuns: RUNS.valid },
      );
    }, 120_000);
  }
});

describe('property: one broken relation is always caught, at its row', () => {
  for (const format of ['2021', '2019'] as const) {
    it(`should catch the broken relation in ${RUNS.broken} generated format ${format} reports`, () => {
      fc.assert(
        fc.property(brokenReportArbitrary(format), layoutArbitrary, ({ report, broken }, layout) => {
          const { file, model } = run(report, writeReportMarkdown(report, layout));
          const line = model?.sourceMap.get(broken.row)?.line;
          expect(line).toBeGreaterThan(0);
          const errors = file.messages.filter((m) => m.fatal);
          expect(errors.filter((m) => !arithmetic.has(m.ruleId ?? '')).map((m) => m.ruleId)).toEqual([]);
          expect(errors.some((m) => m.ruleId === broken.rule && m.line === line), `${broken.rule} at line ${line}: ${errors.map((m) => `${m.line}:${m.ruleId}`).join(', ')}`).toBe(true);
          // The checks report; the numbers read are still the numbers written.
          expect(model?.report).toEqual(report);
        }),
        { numRuns: RUNS.broken },
      );
    }, 120_000);
  }
});

describe('property: one edit is caught or harmless', () => {
  it(`should, after any one edit of ${RUNS.edited} generated reports in any layout, give an error or the same section 三 and section 四 totals`, () => {
    const totals = (review: Record<string, Record<string, number>> | undefined) => Object.fromEntries(Object.entries(review ?? {}).map(([k, v]) => [k, v['total']]));
    fc.assert(
      fc.property(fc.oneof(reportArbitrary('2021'), reportArbitrary('2019')), layoutArbitrary, mutation, (report, layout, edit) => {
        const { file, model } = run(report, mutate(writeReportMarkdown(report, layout), [edit]));
        if (file.messages.some((m) => m.fatal)) return;
        // No error: never a changed number in section 三 or a changed total in section 四, never “green” without a model.
        expect(model?.report?.applications).toEqual(report.applications);
        expect(totals(model?.report?.reviewLitigation)).toEqual(totals(report.reviewLitigation));
      }),
      { numRuns: RUNS.edited },
    );
  }, 120_000);
});

describe('property: carry-over between consecutive years', () => {
  it(`should catch a carry-over break at the carried-over row of the later year, and accept one the report explains (${RUNS.years} pairs)`, () => {
    fc.assert(
      fc.property(consecutiveYearsArbitrary, layoutArbitrary, layoutArbitrary, fc.boolean(), ({ earlier, later, broken }, layoutA, layoutB, explained) => {
        const textB = writeReportMarkdown(later, { ...layoutB, bom: false });
        const noted = explained ? `---\n结转说明: 机构合并\n---\n${textB}` : textB;
        const a = run(earlier, writeReportMarkdown(earlier, layoutA));
        const b = run(later, noted);
        checkAcrossReports([b, a]);
        expect(a.file.messages.map((m) => m.ruleId)).toEqual(expectedWarnings(earlier));
        const errors = b.file.messages.filter((m) => m.fatal);
        if (!broken || explained) {
          expect(errors.map((m) => m.ruleId)).toEqual([]);
          return;
        }
        const line = b.model?.sourceMap.get('applications.carriedOver')?.line;
        // One column moved, and the total with it: two carry-over errors, both on the carried-over row.
        expect(errors.map((m) => [m.ruleId, m.line])).toEqual([
          ['carry-over', line],
          ['carry-over', line],
        ]);
      }),
      { numRuns: RUNS.years },
    );
  }, 120_000);
});
