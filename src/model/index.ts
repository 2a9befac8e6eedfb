/**
 * The model stage: a parsed report → a draft (what could be read), the
 * validated open-data model when the draft is complete, and the source map.
 */

import type { VFile } from 'vfile';
import { applicationRows2019, applicationRows2021, sections as sectionDefinitions, type SectionKey } from '../catalogue/index.js';
import { MAX_TABLE_CELLS } from '../parse/index.js';
import type { ParsedReport, Place, Section } from '../parse/types.js';
import { readApplications, reportMissingApplicationRows } from './applications.js';
import { ModelContext, type SourceMap } from './context.js';
import { readDisclosure } from './disclosure.js';
import { withFastPath } from './fast-parse.js';
import { readReviewLitigation } from './review.js';
import { reportSchema, schemaVersion, type Draft, type Report, type ReportFormat } from './schema.js';

export * from './schema.js';
export type { SourceMap } from './context.js';
export { readCell, isNumberLike, shiftDecimal, type CellReading, type CellIssue } from './number.js';

/** What the model stage gives for one report. */
export interface ModelResult {
  /** Undefined when the report has no usable title (agency and year). */
  readonly draft: Draft | undefined;
  /** The validated open-data model, or null when anything could not be read. */
  readonly report: Report | null;
  readonly sourceMap: SourceMap;
  /** Front matter `结转说明`: acknowledges a known carry-over break. */
  readonly carryOverNote: string | undefined;
}

/** Options of the model stage for one file. */
export interface ModelOptions {
  /** The year the file's name or folder states, if any. */
  readonly pathYear?: number | undefined;
  /** The agency the file's folder names, used when the title has none. */
  readonly folderAgency?: string | undefined;
}

const FRONT_KEYS: Record<string, 'agency' | 'publishDate' | 'indexNumber' | 'carryOverNote'> = {
  发布机构: 'agency',
  机关: 'agency',
  agency: 'agency',
  发布日期: 'publishDate',
  published: 'publishDate',
  date: 'publishDate',
  索引号: 'indexNumber',
  index: 'indexNumber',
  结转说明: 'carryOverNote',
  'carry-over-break': 'carryOverNote',
};

/** Build the model of one parsed report, reporting every problem on `file`. */
export function buildModel(parsed: ParsedReport, file: VFile, options: ModelOptions = {}): ModelResult {
  const context = new ModelContext(file);
  const meta: Partial<Record<'agency' | 'publishDate' | 'indexNumber' | 'carryOverNote', string>> = {};
  for (const [name, entry] of parsed.meta) {
    if (!name.startsWith('front:')) {
      const key = name === '发布日期' || name === '成文日期' ? 'publishDate' : name === '索引号' ? 'indexNumber' : 'agency';
      meta[key] ??= entry.value;
      continue;
    }
    const key = FRONT_KEYS[name.slice('front:'.length)];
    if (key) meta[key] = entry.value;
    else context.report('front-matter', { key: name.slice('front:'.length) }, entry.place);
  }

  const title = parsed.title;
  if (!title) context.report('missing-title', {}, { line: 1, column: 1, endLine: 1, endColumn: 1 });
  else if (options.pathYear !== undefined && options.pathYear !== title.year) {
    context.report('year-mismatch', { pathYear: options.pathYear, titleYear: title.year }, title.place);
  }
  const agency = title?.agency || meta.agency || options.folderAgency || '';
  if (title && !agency) context.report('missing-agency', {}, title.place);

  if (parsed.tablesCutAt !== undefined) {
    context.report('table-too-large', { limit: MAX_TABLE_CELLS }, { line: parsed.tablesCutAt, column: 1, endLine: parsed.tablesCutAt, endColumn: 1 });
  }

  const byKey = new Map<SectionKey, Section>(parsed.sections.map((s) => [s.key, s]));
  const lastLine = { line: parsed.lineCount, column: 1, endLine: parsed.lineCount, endColumn: 1 };
  for (const definition of sectionDefinitions) {
    const section = byKey.get(definition.key);
    const name = `${definition.numeral}、${definition.title}`;
    if (!section) {
      const next = sectionDefinitions.slice(sectionDefinitions.indexOf(definition) + 1).find((d) => byKey.has(d.key));
      context.report('missing-section', { section: name }, next ? byKey.get(next.key)!.headingPlace : lastLine);
    } else if (definition.hasTable && section.rows.length === 0 && parsed.tablesCutAt === undefined) {
      context.report('missing-table', { section: name }, section.headingPlace);
    }
  }
  // Tables cut short: what could be read of them would give a flood of missing and unknown rows.
  if (parsed.tablesCutAt !== undefined) return { draft: undefined, report: null, sourceMap: context.sourceMap, carryOverNote: meta.carryOverNote };

  const applicationsSection = byKey.get('applications');
  const applications = applicationsSection ? readApplications(applicationsSection, context) : undefined;
  const yearFormat: ReportFormat = (title?.year ?? 2021) >= 2021 ? '2021' : '2019';
  const disclosureSection = byKey.get('activeDisclosure');
  const disclosure = disclosureSection?.rows.length ? readDisclosure(disclosureSection, applications?.format ?? yearFormat, context) : undefined;
  const format = applications?.format ?? disclosure?.format ?? yearFormat;
  if (applicationsSection && applications && applicationsSection.rows.length > 0) {
    reportMissingApplicationRows(applicationsSection, format, applications, context);
  }
  if (disclosure?.format && disclosure.format !== format) {
    context.report(
      'format-mismatch',
      { detail: `第二部分使用${disclosure.format}年格式，第三部分使用${format}年格式。Section 二 uses the ${disclosure.format} layout, section 三 the ${format} layout.` },
      disclosureSection!.headingPlace,
    );
  }
  if (title && format !== yearFormat) {
    const expected = yearFormat === '2021' ? '国办公开办函〔2021〕30号' : '国办公开办函〔2019〕60号';
    context.report(
      'format-mismatch',
      { detail: `${title.year} 年报告应使用${expected}格式，表格却是${format}年格式。A ${title.year} report in the ${format} layout.` },
      (applicationsSection ?? disclosureSection)?.headingPlace ?? title.place,
    );
  }
  const reviewSection = byKey.get('reviewLitigation');
  const reviewLitigation = reviewSection?.rows.length ? readReviewLitigation(reviewSection, context) : {};

  if (!title || !agency) return { draft: undefined, report: null, sourceMap: context.sourceMap, carryOverNote: meta.carryOverNote };
  const draft: Draft = {
    agency,
    year: title.year,
    format,
    title: title.text,
    ...(meta.publishDate ? { publishDate: meta.publishDate } : {}),
    ...(meta.indexNumber ? { indexNumber: meta.indexNumber } : {}),
    activeDisclosure: disclosure?.rows ?? {},
    applications: applications?.rows ?? {},
    reviewLitigation,
  };
  const report = context.incomplete ? null : validate(draft, context, title.place);
  return { draft, report, sourceMap: context.sourceMap, carryOverNote: meta.carryOverNote };
}

// The same schema with a fast path for the valid reports (nearly all); an invalid one still goes
// through zod's parser, so `model-invalid` gives exactly zod's issues. See fast-parse.ts.
const fastReportSchema = withFastPath(reportSchema);

/** The open-data model of a complete draft, keys in catalogue order. */
function validate(draft: Draft, context: ModelContext, place: Place): Report | null {
  const candidate = {
    schemaVersion,
    agency: draft.agency,
    year: draft.year,
    format: draft.format,
    title: draft.title,
    ...(draft.publishDate ? { publishDate: draft.publishDate } : {}),
    ...(draft.indexNumber ? { indexNumber: draft.indexNumber } : {}),
    activeDisclosure: draft.activeDisclosure,
    applications: inOrder(draft.format === '2021' ? applicationRows2021 : applicationRows2019, draft.applications),
    reviewLitigation: draft.reviewLitigation,
  };
  const result = fastReportSchema.safeParse(candidate);
  if (result.success) return result.data;
  // Every reading problem is reported before this point; this keeps a null model from ever being silent.
  for (const issue of result.error.issues) {
    const field = issue.path.join('.');
    context.report('model-invalid', { field, problem: `不符合要求（${issue.message}）` }, context.sourceMap.get(field) ?? place);
  }
  return null;
}

function inOrder<T>(catalogue: readonly { key: string }[], rows: Partial<Record<string, T>>): Partial<Record<string, T>> {
  const ordered: Partial<Record<string, T>> = {};
  for (const { key } of catalogue) if (key in rows) ordered[key] = rows[key];
  for (const key of Object.keys(rows)) if (!(key in ordered)) ordered[key] = rows[key];
  return ordered;
}
