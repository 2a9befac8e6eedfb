/**
 * The fast report page (tables compiled once per format) against the one
 * source of its markup: `pageHtml` of the full hast tree, byte for byte.
 */

import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import type { ElementContent } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { h } from 'hastscript';
import { describe, expect, it } from 'vitest';
import { sections, type SectionKey } from '../../src/catalogue/index.js';
import type { Report } from '../../src/model/index.js';
import { defaultSiteConfig } from '../../src/options.js';
import { processReport } from '../../src/process.js';
import { pageHtml, slotMarker } from '../../src/render/html.js';
import { renderProse } from '../../src/render/prose.js';
import { reportPageHtml, sectionTableHtml } from '../../src/render/report-html.js';
import { reportPage, sectionTable, type ReportPageInput } from '../../templates/report-page.js';
import { reportArbitrary, type LooseReport } from '../support/arbitrary.js';
import { zeroReport } from '../support/reports.js';

const RUNS = 300;
const tableKeys: readonly SectionKey[] = ['activeDisclosure', 'applications', 'reviewLitigation'];

/** Text that needs escaping, private-use characters and, now and then, a slot marker. */
const awkwardText = fc.oneof(
  { weight: 9, arbitrary: fc.string({ unit: fc.constantFrom('<', '>', '&', '"', "'", '\u00A0', '\uE000', '\uE001', '0', '1', '2', '9', '-', '.', '件', 'a', ' ') }) },
  { weight: 1, arbitrary: fc.constantFrom(slotMarker(0), slotMarker(1), slotMarker(2), `x${slotMarker(0)}y`, '&amp;', '<td>') },
);

/** A report whose every table value is replaced by text, to hold the escaping to toHtml's. */
function withTextValues(report: LooseReport, texts: readonly string[]): LooseReport {
  let i = 0;
  const next = () => texts[i++ % texts.length]!;
  const map = (table: Record<string, Record<string, number | string>>) =>
    Object.fromEntries(Object.entries(table).map(([row, cells]) => [row, Object.fromEntries(Object.keys(cells).map((c) => [c, next()]))]));
  return { ...report, activeDisclosure: map(report.activeDisclosure), applications: map(report.applications) as never, reviewLitigation: map(report.reviewLitigation) as never };
}

function input(report: Report, prose: ReportPageInput['prose'] = { preamble: [], sections: new Map(), footnotes: [] }): ReportPageInput {
  return {
    config: defaultSiteConfig(),
    links: { home: '../index.html', stylesheet: '../site.css', reportsJson: '../reports.json', reportsCsv: '../reports.csv', schema: '../schema.json', reportJson: 'report.json' },
    breadcrumb: [{ label: '首页', href: '../index.html' }, { label: `${report.year}年度报告` }],
    report,
    pubDate: undefined,
    description: `${report.title}。`,
    prose,
  };
}

/** Prose in every place a report's prose goes, each paragraph holding `text`. */
function proseOf(texts: readonly string[]): ReportPageInput['prose'] {
  const p = (i: number): ElementContent[] => [h('p', texts[i % texts.length] ?? '')];
  return { preamble: p(0), sections: new Map(sections.map((s, i) => [s.key, { before: p(i + 1), after: p(i + 2) }])), footnotes: p(3) };
}

describe('sectionTableHtml', () => {
  for (const format of ['2021', '2019'] as const) {
    it(`should give, for random ${format} reports, exactly toHtml of the tables' hast`, () => {
      fc.assert(
        fc.property(reportArbitrary(format), (report) => {
          for (const key of tableKeys) expect(sectionTableHtml(key, report)).toBe(toHtml(sectionTable(key, report)!));
        }),
        { numRuns: RUNS },
      );
    });

    it(`should escape any text in a ${format} table's cells as toHtml does`, () => {
      fc.assert(
        fc.property(reportArbitrary(format), fc.array(awkwardText, { minLength: 1, maxLength: 20 }), (report, texts) => {
          const odd = withTextValues(report, texts);
          for (const key of tableKeys) expect(sectionTableHtml(key, odd)).toBe(toHtml(sectionTable(key, odd)!));
        }),
        { numRuns: RUNS },
      );
    });
  }

  it('should give nothing for a section without a table', () => {
    expect(sectionTableHtml('overview', zeroReport('2021'))).toBeUndefined();
  });
});

describe('reportPageHtml', () => {
  for (const format of ['2021', '2019'] as const) {
    it(`should give, for random ${format} reports and prose, exactly pageHtml of the full tree`, () => {
      fc.assert(
        fc.property(reportArbitrary(format), fc.array(awkwardText, { minLength: 1, maxLength: 6 }), (report, texts) => {
          const page = input(report, proseOf(texts));
          expect(reportPageHtml(page)).toBe(pageHtml(reportPage(page)));
        }),
        { numRuns: RUNS },
      );
    });
  }

  it('should serialise the whole tree when the report’s text holds a table’s marker', () => {
    const report = processReport({ path: 'reports/2021.md', pathYear: 2021 }, readFileSync(new URL('../fixtures/corpus/changdai-2021.md', import.meta.url))).model!.report!;
    const page = input({ ...report, title: `${report.title}${slotMarker(1)}` });
    expect(reportPageHtml(page)).toBe(pageHtml(reportPage(page)));
    expect(reportPageHtml(page)).toContain(slotMarker(1));
  });

  it('should give, for a real report with its prose, exactly pageHtml of the full tree', () => {
    for (const [path, year] of [
      ['corpus/changdai-2021.md', 2021],
      ['corpus/huaian-2024.md', 2024],
      ['hostile/2021.md', 2021],
      ['cases/format-2019/reports/2019.md', 2019],
    ] as const) {
      const processed = processReport({ path: `reports/${year}.md`, pathYear: year }, readFileSync(new URL(`../fixtures/${path}`, import.meta.url)));
      const page = input(processed.model!.report!, renderProse(processed.parsed!));
      expect(reportPageHtml(page), path).toBe(pageHtml(reportPage(page)));
    }
  });
});
