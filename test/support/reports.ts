/**
 * Small reports for tests: an all-zero report of either format, and the
 * same report with one cell's text replaced in its Markdown source.
 */

import {
  applicantColumnKeys,
  applicationRows2019,
  applicationRows2021,
  disclosureRows2019,
  disclosureRows2021,
  reviewColumns,
  reviewGroups,
  type DisclosureRow,
} from '../../src/catalogue/index.js';
import type { Place } from '../../src/parse/types.js';
import type { Report } from '../../src/model/index.js';
import { processReport, type ProcessedReport } from '../../src/process.js';
import { writeReportMarkdown, type Layout } from './write-report.js';

/** The section 二 rows of a format with every value zero. */
export function zeroDisclosure(rows: readonly DisclosureRow[]): Record<string, Record<string, number | string>> {
  return Object.fromEntries(rows.map((r) => [r.key, Object.fromEntries(r.columns.map((c) => [c.key, c.kind === 'amount' ? '0' : 0]))]));
}

/** A report of `format` (2021: year 2021; 2019: year 2020) whose every number is zero. */
export function zeroReport(format: '2019' | '2021'): Report {
  const year = format === '2021' ? 2021 : 2020;
  const agency = '示例市人民政府';
  const rows = format === '2021' ? applicationRows2021 : applicationRows2019;
  return {
    schemaVersion: 1,
    agency,
    year,
    format,
    title: `${agency}${year}年政府信息公开工作年度报告`,
    activeDisclosure: zeroDisclosure(format === '2021' ? disclosureRows2021 : disclosureRows2019),
    applications: Object.fromEntries(rows.map((r) => [r.key, Object.fromEntries(applicantColumnKeys.map((c) => [c, 0]))])),
    reviewLitigation: Object.fromEntries(reviewGroups.map((g) => [g.key, Object.fromEntries(reviewColumns.map((c) => [c.key, 0]))])),
  } as Report;
}

/** A report processed with one cell (a source map path such as `applications.granted.natural`) rewritten. */
export interface CellResult extends ProcessedReport {
  /** Where the rewritten cell stands in the file. */
  readonly place: Place;
  /** The Markdown that was processed. */
  readonly text: string;
}

/**
 * Write `report` as Markdown, replace the text of the cell at `path` with
 * `cellText`, and process the result. `edit` may change the Markdown first
 * (e.g. a column header's unit); it must not move the cell.
 */
export function withCell(report: Report, path: string, cellText: string, options: { layout?: Layout; edit?: (markdown: string) => string } = {}): CellResult {
  const markdown = (options.edit ?? ((t) => t))(writeReportMarkdown(report, options.layout ?? { shift: false }));
  const location = { path: 'cell.md', pathYear: report.year };
  const before = processReport(location, Buffer.from(markdown));
  const at = before.model?.sourceMap.get(path);
  if (!at) throw new Error(`no cell ${path} in the written report`);
  const lines = markdown.split('\n');
  const line = lines[at.line - 1]!;
  lines[at.line - 1] = line.slice(0, at.column - 1) + cellText + line.slice(at.endColumn - 1);
  const text = lines.join('\n');
  const place = { line: at.line, column: at.column, endLine: at.line, endColumn: at.column + cellText.length };
  return { ...processReport(location, Buffer.from(text)), place, text };
}
