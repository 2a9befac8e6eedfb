/**
 * One report through the pure stages: bytes → text → parsed → model →
 * checks. Nothing here touches the file system: the CLI and the build read
 * the bytes and decide what to do with the findings.
 */

import { VFile } from 'vfile';
import type { ReportLocation } from './read/location.js';
import { runChecks } from './check/index.js';
import { checkSite, siteSourceKeys, type SiteEntry } from './check/site.js';

export type { SiteEntry } from './check/site.js';
import { report } from './messages/index.js';
import { buildModel, type ModelResult } from './model/index.js';
import { parseReport, type ParsedReport } from './parse/index.js';
import { decode } from './read/decode.js';

/** A report after the per-report stages. */
export interface ProcessedReport {
  /** Where the file stands: the render stage places its page by it. */
  readonly location: ReportLocation;
  /** The file, with every finding as a message. */
  readonly file: VFile;
  /** Undefined when the file could not be read as text. */
  readonly parsed: ParsedReport | undefined;
  readonly model: ModelResult | undefined;
}

export { yearOfFileName, type ReportLocation } from './read/location.js';

/** Run the per-report stages over one file's bytes. */
export function processReport(location: ReportLocation, bytes: Uint8Array): ProcessedReport {
  const file = new VFile({ path: location.path });
  const decoded = decode(bytes);
  if (!decoded.ok) {
    const reason =
      decoded.reason === 'binary'
        ? '这是二进制文件，不是文本（a binary file, not text）'
        : decoded.reason === 'invalid-utf-8'
          ? 'UTF-8 文件中有无效的字节（invalid UTF-8 bytes）'
          : '无法识别的文字编码（not UTF-8, GB18030 or UTF-16）';
    report(file, 'file-unreadable', { reason }, { line: decoded.line, column: decoded.column, endLine: decoded.line, endColumn: decoded.column });
    return { location, file, parsed: undefined, model: undefined };
  }
  file.value = decoded.text;
  if (decoded.encoding !== 'utf-8') {
    report(file, 'file-encoding', { encoding: decoded.encoding.toUpperCase() }, { line: 1, column: 1, endLine: 1, endColumn: 1 });
  }
  if (decoded.text.trim() === '') {
    report(file, 'empty-file', {}, { line: 1, column: 1, endLine: 1, endColumn: 1 });
    return { location, file, parsed: undefined, model: undefined };
  }
  const parsed = parseReport(decoded.text);
  const model = buildModel(parsed, file, { pathYear: location.pathYear, folderAgency: location.folderAgency });
  if (model.draft) runChecks({ draft: model.draft, sourceMap: model.sourceMap, parsed }, file);
  return { location, file, parsed, model };
}

/** A report whose bytes could not be read at all (`reason`: the system's error code). */
export function unreadableReport(location: ReportLocation, reason: string): ProcessedReport {
  const file = new VFile({ path: location.path });
  report(file, 'file-unreadable', { reason }, { line: 1, column: 1, endLine: 1, endColumn: 1 });
  return { location, file, parsed: undefined, model: undefined };
}

/** The site-wide step, run once every report has been processed. */
export function checkAcrossReports(reports: readonly ProcessedReport[]): void {
  checkSite(reports.flatMap((processed) => siteEntryOf(processed) ?? []));
}

/**
 * The little the site-wide checks need of a report, so that a build over
 * many reports can keep this instead of the whole processed report.
 * Undefined when the report has no draft model (no agency or year).
 */
export function siteEntryOf({ file, model, parsed }: ProcessedReport): SiteEntry | undefined {
  if (!model?.draft) return undefined;
  return {
    file,
    agency: model.draft.agency,
    year: model.draft.year,
    carriedOver: model.draft.applications['carriedOver'],
    carriedForward: model.draft.applications['carriedForward'],
    sourceMap: new Map(siteSourceKeys.flatMap((key) => {
      const place = model.sourceMap.get(key);
      return place ? [[key, place] as const] : [];
    })),
    carryOverNote: model.carryOverNote,
    titleLine: parsed?.title?.place.line ?? 1,
  };
}
