/**
 * What the render stage knows of the site as a whole: its configuration,
 * the agency folders' slugs, and the small summary each report leaves for
 * the site-wide pages and data. Nothing here holds a whole report.
 */

import type { ReportFormat } from '../model/index.js';
import type { SiteConfig } from '../options.js';
import type { Crumb, LayoutInput } from '../../templates/layout.js';
import type { Headline } from '../../templates/tables/headline.js';
import { dataPaths, homePath, hrefFrom, reportDataPath, reportPagePath, slugify, stylesheetPath } from './urls.js';

export type { Headline } from '../../templates/tables/headline.js';

/** What every page of the site shares. */
export interface SiteContext {
  readonly config: SiteConfig;
  /** Agency folder name → its slug in the output (see `planSlugs`). */
  readonly slugs: ReadonlyMap<string, string>;
}

/** What the site-wide step needs to know of one report. */
export interface ReportSummary {
  /** The report file, as messages name it. */
  readonly source: string;
  readonly agency: string;
  /** The agency folder's slug; undefined for a report at the top of the reports folder. */
  readonly slug: string | undefined;
  readonly year: number;
  readonly format: ReportFormat;
  readonly title: string;
  /** Output paths of the report's page and of its open-data JSON. */
  readonly page: string;
  readonly data: string;
  readonly headline: Headline;
}

/** A file of the output: its path there and its content. */
export interface OutputFile {
  readonly path: string;
  readonly content: string;
}

/** The links every page has, relative to the page at `page`. */
export function siteLinks(page: string): LayoutInput['links'] {
  return {
    home: hrefFrom(page, homePath),
    stylesheet: hrefFrom(page, stylesheetPath),
    reportsJson: hrefFrom(page, dataPaths.reports),
    reportsCsv: hrefFrom(page, dataPaths.csv),
    schema: hrefFrom(page, dataPaths.schema),
  };
}

/** The breadcrumb from the portal (when configured) and the site's home page to `trail`. */
export function breadcrumbOf(config: SiteConfig, page: string, trail: readonly Crumb[]): Crumb[] {
  return [
    ...(config.portal ? [{ label: config.portal.name, href: config.portal.url }] : []),
    { label: config.columnName, href: page === homePath ? undefined : hrefFrom(page, homePath) },
    ...trail,
  ];
}

/** Where a report's page and data go: by its agency folder's slug and its year. */
export function reportPlace(folder: string | undefined, year: number, site: SiteContext): { slug: string | undefined; page: string; data: string } {
  const slug = folder === undefined ? undefined : (site.slugs.get(folder) ?? slugify(folder));
  return { slug, page: reportPagePath(slug, year), data: reportDataPath(slug, year) };
}
