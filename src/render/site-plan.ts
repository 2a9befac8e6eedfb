/**
 * The site-wide pages planned from the reports' summaries: which pages there
 * are and what each shows, without rendering them (no templates loaded), so a
 * rebuild can tell which of them changed.
 */

import { agencyKey } from '../check/site.js';
import type { AgencyListing } from '../../templates/home-page.js';
import type { ReportSummary } from './site.js';
import { agencyPagePath, homePath, hrefFrom } from './urls.js';

/** The reports of one agency, as the site lists them. */
export interface AgencyGroup {
  /** The name its newest report gives (an agency may be renamed over the years). */
  readonly name: string;
  /** Its folder's slug; undefined for reports at the top of the reports folder. */
  readonly slug: string | undefined;
  /** Newest first. */
  readonly reports: readonly ReportSummary[];
}

/** Made on first use: creating it loads ICU's collation data, some 25 ms that a no-change rebuild does not need. */
let collator: Intl.Collator | undefined;

/**
 * Group reports by agency: by folder when they are in one, else by the
 * agency's name. Groups in the collation order of their names (pinyin for
 * Chinese), reports newest first.
 */
export function groupByAgency(summaries: readonly ReportSummary[]): AgencyGroup[] {
  const groups = new Map<string, ReportSummary[]>();
  for (const summary of summaries) {
    const key = summary.slug === undefined ? `name:${agencyKey(summary.agency)}` : `folder:${summary.slug}`;
    groups.set(key, [...(groups.get(key) ?? []), summary]);
  }
  return [...groups]
    .map(([key, reports]) => {
      const sorted = [...reports].sort((a, b) => b.year - a.year || compare(a.source, b.source));
      return { key, group: { name: sorted[0]!.agency, slug: sorted[0]!.slug, reports: sorted } };
    })
    .sort((a, b) => (collator ??= new Intl.Collator('zh-CN')).compare(a.group.name, b.group.name) || compare(a.key, b.key))
    .map(({ group }) => group);
}

/** A site-wide page before it is rendered: its path, and the data it shows (its cache key is made of them), not yet rendered (`renderSitePage`). */
export interface PlannedPage {
  readonly path: string;
  /** Everything the page depends on besides the configuration and the templates. */
  readonly input: HomeInput | AgencyInput;
}

/** What the home page shows. */
export interface HomeInput {
  readonly kind: 'home';
  readonly agencies: readonly AgencyListing[];
}

/** What an agency's page shows. */
export interface AgencyInput {
  readonly kind: 'agency';
  readonly name: string;
  readonly years: AgencyListing['years'];
  readonly headline: AgencyListing['headline'];
}

/**
 * The home page and the agency pages, planned: a build renders only those
 * whose input changed since the output was last built.
 */
export function planSitePages(summaries: readonly ReportSummary[]): PlannedPage[] {
  const groups = groupByAgency(summaries);
  const listing = (group: AgencyGroup, page: string): AgencyListing => ({
    name: group.name,
    href: group.slug === undefined ? undefined : hrefFrom(page, agencyPagePath(group.slug)),
    years: group.reports.map((r) => ({ year: r.year, href: hrefFrom(page, r.page) })),
    headline: group.reports.map((r) => ({ year: r.year, href: hrefFrom(page, r.page), headline: r.headline })),
  });

  const agencies = groups.map((g) => listing(g, homePath));
  const pages: PlannedPage[] = [
    {
      path: homePath,
      input: { kind: 'home', agencies },
    },
  ];
  for (const group of groups) {
    if (group.slug === undefined) continue;
    const page = agencyPagePath(group.slug);
    const { years, headline } = listing(group, page);
    pages.push({
      path: page,
      input: { kind: 'agency', name: group.name, years, headline },
    });
  }
  return pages;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
