/** Section 三 → `applications`, with the format it reveals. */

import {
  applicantColumns,
  applicationRows2019,
  applicationRows2021,
  type ApplicationRow,
} from '../catalogue/index.js';
import type { Section } from '../parse/types.js';
import type { ModelContext } from './context.js';
import { pickValues, readValues, recordOf, regroupLines, splitRow, valuesAfterLabel, type SplitRow } from './cells.js';
import { LabelIndex } from './match.js';
import type { ApplicantCounts, ReportFormat } from './schema.js';

const allRows: readonly ApplicationRow[] = [
  ...applicationRows2021,
  ...applicationRows2019.filter((r) => !applicationRows2021.some((s) => s.key === r.key)),
];
const index = new LabelIndex(allRows, (r) => r.cores);
const SECTION = '收到和处理政府信息公开申请情况';
const countColumns = applicantColumns.map((c) => ({ label: c.label, kind: 'count' as const }));
// Source-map keys of every row and its cells, built once rather than per row and cell of every report.
const rowKeys = new Map(allRows.map((r) => [r.key, `applications.${r.key}`]));
const cellKeys = new Map(allRows.map((r) => [r.key, applicantColumns.map((c) => `applications.${r.key}.${c.key}`)]));

/** What section 三 gave. */
export interface ApplicationsResult {
  readonly rows: Partial<Record<string, ApplicantCounts>>;
  /** The format its （六）其他处理 rows show, if they show one. */
  readonly format: ReportFormat | undefined;
  /** Keys of the rows found in the table, read or not. */
  readonly found: ReadonlySet<string>;
}

/** Read section 三's table into rows of seven counts. */
export function readApplications(section: Section, context: ModelContext): ApplicationsResult {
  const rows: Partial<Record<string, ApplicantCounts>> = {};
  const found = new Map<string, { line: number }>();
  let pending: SplitRow | undefined;
  for (let split of regroupLines(section.rows).map(splitRow)) {
    if (!split.hasNumbers && split.values.length === 0) {
      // A header row, a group label, or the first half of a label split over two lines.
      pending = split.labels.length > 0 ? split : undefined;
      continue;
    }
    const leaf = split.labels[split.labels.length - 1]?.text ?? '';
    let row = index.find(leaf);
    const before = pending?.labels[pending.labels.length - 1]?.text ?? '';
    if (!row && pending) row = index.find(before + leaf);
    pending = undefined;
    for (let k = split.labels.length - 2; !row && split.hasNumbers && k >= 0; k--) {
      const named = index.find(split.labels[k]!.text);
      const resplit = named && valuesAfterLabel(split, k, applicantColumns.length);
      if (resplit) [row, split] = [named, resplit];
    }
    const label = leaf || split.labels.map((c) => c.text).join(' ');
    if (!row) {
      if (split.hasNumbers) context.report('unknown-row', { label: label || split.row.cells.map((c) => c.text).join(' ') }, split.row.place);
      continue;
    }
    const first = found.get(row.key);
    if (first) {
      context.report('duplicate-row', { row: row.label, firstLine: first.line }, split.row.place);
      continue;
    }
    found.set(row.key, { line: split.row.line });
    context.sourceMap.set(rowKeys.get(row.key)!, split.row.place);
    const picked = pickValues(split, applicantColumns.length, 'right');
    if (!picked.cells) {
      const expected = applicantColumns.length;
      context.report(picked.found > expected ? 'extra-cells' : 'missing-cells', { row: row.label, expected, found: picked.found }, split.row.place);
      continue;
    }
    const values = readValues(context, picked.cells, countColumns, row.label, split.row.place);
    const keys = cellKeys.get(row.key)!;
    picked.cells.forEach((cell, i) => {
      context.sourceMap.set(keys[i]!, cell.text === '' ? split.row.place : cell.place);
    });
    if (!values) continue;
    rows[row.key] = recordOf(applicantColumns, values) as ApplicantCounts;
  }

  const keys = [...found.keys()];
  const format: ReportFormat | undefined = keys.some((k) => k.startsWith('otherDisposal.'))
    ? '2021'
    : keys.includes('otherDisposal')
      ? '2019'
      : undefined;
  return { rows, format, found: new Set(keys) };
}

/** Report every row of `format` that section 三 lacks, at the row it should precede. */
export function reportMissingApplicationRows(section: Section, format: ReportFormat, result: ApplicationsResult, context: ModelContext): void {
  const catalogue = format === '2021' ? applicationRows2021 : applicationRows2019;
  context.reportMissingRows('applications', catalogue, section, SECTION, (key) => result.found.has(key));
  for (const key of Object.keys(result.rows)) {
    if (!catalogue.some((r) => r.key === key)) {
      delete result.rows[key];
      const place = context.sourceMap.get(`applications.${key}`);
      context.report('format-mismatch', { detail: `第三部分“（六）其他处理”的写法与${format}年格式不符。Section 三 mixes the 2019 and 2021 layouts.` }, place);
    }
  }
}
