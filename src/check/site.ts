/**
 * Site-wide checks, run last, over every report of the site: `carry-over`
 * between consecutive years of one agency, and `duplicate-report`.
 */

import type { VFile } from 'vfile';
import { applicantColumns } from '../catalogue/index.js';
import { report } from '../messages/index.js';
import type { ApplicantCounts, SourceMap } from '../model/index.js';

/** The little a site-wide check needs to know of one report. */
export interface SiteEntry {
  readonly file: VFile;
  readonly agency: string;
  readonly year: number;
  readonly carriedOver: ApplicantCounts | undefined;
  readonly carriedForward: ApplicantCounts | undefined;
  /** At least the places of `siteSourceKeys`: the whole source map of a report is not needed. */
  readonly sourceMap: SourceMap;
  /** Set when the report acknowledges a known carry-over break (front matter 结转说明). */
  readonly carryOverNote: string | undefined;
  readonly titleLine: number;
}

/**
 * The source-map keys the site-wide checks read: the 上年结转 row and its
 * cells. A site keeps one entry per report until the end; the whole source
 * map is some 250 places.
 */
export const siteSourceKeys: readonly string[] = ['applications.carriedOver', ...applicantColumns.map((c) => `applications.carriedOver.${c.key}`)];

/** The identity of an agency across years: its name, NFKC, without white space. */
export function agencyKey(agency: string): string {
  return agency.normalize('NFKC').replace(/\s+/g, '');
}

/** Run the site-wide checks, reporting on each entry's file. */
export function checkSite(entries: readonly SiteEntry[]): void {
  const byAgencyYear = new Map<string, SiteEntry>();
  for (const entry of entries) {
    const key = `${agencyKey(entry.agency)}\u0000${entry.year}`;
    const first = byAgencyYear.get(key);
    if (!first) {
      byAgencyYear.set(key, entry);
      continue;
    }
    const place = { line: entry.titleLine, column: 1, endLine: entry.titleLine, endColumn: 1 };
    report(entry.file, 'duplicate-report', { agency: entry.agency, year: entry.year, other: first.file.path }, place);
    const firstPlace = { line: first.titleLine, column: 1, endLine: first.titleLine, endColumn: 1 };
    report(first.file, 'duplicate-report', { agency: first.agency, year: first.year, other: entry.file.path }, firstPlace);
  }
  for (const entry of byAgencyYear.values()) {
    const previous = byAgencyYear.get(`${agencyKey(entry.agency)}\u0000${entry.year - 1}`);
    if (!previous || !entry.carriedOver || !previous.carriedForward || entry.carryOverNote) continue;
    for (const column of applicantColumns) {
      const c = column.key;
      if (entry.carriedOver[c] === previous.carriedForward[c]) continue;
      const place = entry.sourceMap.get(`applications.carriedOver.${c}`) ?? entry.sourceMap.get('applications.carriedOver');
      report(
        entry.file,
        'carry-over',
        {
          column: column.label,
          year: entry.year,
          carriedOver: entry.carriedOver[c],
          previousYear: previous.year,
          carriedForward: previous.carriedForward[c],
          previousPath: previous.file.path,
        },
        place,
      );
    }
  }
}
