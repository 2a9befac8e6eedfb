/**
 * The site-wide pages, from the reports' summaries only: the home page and a
 * page for every agency that has its own folder.
 */

import { agencyKey } from '../check/site.js';
import { agencyPage } from '../../templates/agency-page.js';
import { homePage, type AgencyListing } from '../../templates/home-page.js';
import { pageHtml } from './html.js';
import { breadcrumbOf, siteLinks, type OutputFile, type ReportSummary, type SiteContext } from './site.js';
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

const collator = new Intl.Collator('zh-CN');

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
    .sort((a, b) => collator.compare(a.group.name, b.group.name) || compare(a.key, b.key))
    .map(({ group }) => group);
}

/** The home page and the agency pages. */
export function renderSitePages(summaries: readonly ReportSummary[], site: SiteContext): OutputFile[] {
  const { config } = site;
  const groups = groupByAgency(summaries);
  const listing = (group: AgencyGroup, page: string): AgencyListing => ({
    name: group.name,
    href: group.slug === undefined ? undefined : hrefFrom(page, agencyPagePath(group.slug)),
    years: group.reports.map((r) => ({ year: r.year, href: hrefFrom(page, r.page) })),
    headline: group.reports.map((r) => ({ year: r.year, href: hrefFrom(page, r.page), headline: r.headline })),
  });

  const files: OutputFile[] = [
    {
      path: homePath,
      content: pageHtml(
        homePage({
          config,
          links: siteLinks(homePath),
          breadcrumb: breadcrumbOf(config, homePath, []),
          agencies: groups.map((g) => listing(g, homePath)),
        }),
      ),
    },
  ];
  for (const group of groups) {
    if (group.slug === undefined) continue;
    const page = agencyPagePath(group.slug);
    const { years, headline } = listing(group, page);
    files.push({
      path: page,
      content: pageHtml(
        agencyPage({ config, links: siteLinks(page), breadcrumb: breadcrumbOf(config, page, [{ label: group.name }]), agency: group.name, years, headline }),
      ),
    });
  }
  return files;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
