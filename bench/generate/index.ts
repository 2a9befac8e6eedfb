/**
 * Synthetic reports for the benchmark: a province's portal holding every
 * agency's reports for six years, `reports/<agency>/<year>.md`.
 *
 * - Deterministic from a seed; each agency draws from its own stream, so the
 *   first reports of a 10,000-report site are the whole of a 1,000-report one.
 * - Valid: every relation of FORMAT.md §4–5 holds, and each year's 上年结转
 *   is the previous year's 结转下年度继续办理.
 * - Both formats (2019 and 2020 in format 2019, 2021 on in format 2021), both
 *   table styles, messy pastes (`randomLayout`), and about 6 KB each, most of
 *   it Chinese prose (`prose`).
 */

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Report } from '../../src/model/index.js';
import { writeReportMarkdown, type Layout } from '../../test/support/write-report.js';
import { province, type Agency } from './agencies.js';
import { figures, type Carry } from './figures.js';
import { randomLayout } from './layout.js';
import { prose } from './prose.js';
import { Random, seedOf } from './random.js';

/** The years every agency reports on. */
export const YEARS: readonly number[] = [2019, 2020, 2021, 2022, 2023, 2024];

/** One synthetic report. */
export interface SyntheticReport {
  /** Relative to the site's root: `reports/<agency>/<year>.md`. */
  readonly path: string;
  readonly agency: Agency;
  readonly year: number;
  /** The open-data model it must read back into. */
  readonly report: Report;
  readonly layout: Layout;
  /** The file's content (BOM and CRLF included when the layout asks for them). */
  readonly markdown: string;
}

/** The agencies of an `n`-report site, in site order. */
export function siteAgencies(n: number, seed: number): Agency[] {
  const agencies = Math.ceil(n / YEARS.length);
  return new Random(seedOf('agencies', seed)).shuffle(province(agencies)).slice(0, agencies);
}

/** The `n` reports of a site, agency by agency, each agency's years in order. */
export function* syntheticSite(n: number, seed: number): Generator<SyntheticReport> {
  let count = 0;
  for (const agency of siteAgencies(n, seed)) {
    for (const report of agencyReports(agency, seed)) {
      if (count++ >= n) return;
      yield report;
    }
  }
}

/** Every report of one agency. */
export function* agencyReports(agency: Agency, seed: number): Generator<SyntheticReport> {
  const rng = new Random(seedOf(seed, agency.slug));
  let carry: Carry | undefined;
  for (const year of YEARS) {
    const meta = rng.chance(0.4)
      ? {
          publishDate: `${year + 1}-01-${String(rng.int(10, 31)).padStart(2, '0')}`,
          indexNumber: `${agency.slug.toUpperCase()}/${year + 1}-${String(rng.int(1, 99999)).padStart(5, '0')}`,
        }
      : {};
    const result = figures(agency, year, carry, rng, meta);
    carry = result.carry;
    const layout = randomLayout(rng);
    // Title, headings and tables take 2.7–4.3 KB depending on the layout; prose makes up the rest.
    const skeleton = Buffer.byteLength(writeReportMarkdown(result.report, layout, { preamble: [], overview: [], problems: [], other: [] }));
    const text = prose(agency, result.report, rng, 3500 + rng.int(0, 3000) - skeleton);
    yield {
      path: `reports/${agency.slug}/${year}.md`,
      agency,
      year,
      report: result.report,
      layout,
      markdown: writeReportMarkdown(result.report, layout, text),
    };
  }
}

/** What `writeSite` wrote. */
export interface SiteStats {
  readonly reports: number;
  readonly agencies: number;
  readonly bytes: number;
}

/** Write an `n`-report site under `root` (`root/reports/<agency>/<year>.md`). */
export function writeSite(root: string, n: number, seed: number): SiteStats {
  const folders = new Set<string>();
  let reports = 0;
  let bytes = 0;
  for (const report of syntheticSite(n, seed)) {
    const path = join(root, report.path);
    const folder = join(root, 'reports', report.agency.slug);
    if (!folders.has(folder)) {
      mkdirSync(folder, { recursive: true });
      folders.add(folder);
    }
    const data = Buffer.from(report.markdown, 'utf8');
    writeFileSync(path, data);
    reports++;
    bytes += data.length;
  }
  return { reports, agencies: folders.size, bytes };
}
