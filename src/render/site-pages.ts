/**
 * The site-wide pages, from the reports' summaries only: the home page and a
 * page for every agency that has its own folder.
 */

import { agencyPage } from '../../templates/agency-page.js';
import { homePage } from '../../templates/home-page.js';
import { pageHtml } from './html.js';
import { breadcrumbOf, siteLinks, type OutputFile, type ReportSummary, type SiteContext } from './site.js';
import { planSitePages, type PlannedPage } from './site-plan.js';

export { groupByAgency, planSitePages, type AgencyGroup, type PlannedPage } from './site-plan.js';

/** A planned site page's HTML. */
export function renderSitePage(page: PlannedPage, site: SiteContext): string {
  const { config } = site;
  const { input } = page;
  if (input.kind === 'home') return pageHtml(homePage({ config, links: siteLinks(page.path), breadcrumb: breadcrumbOf(config, page.path, []), agencies: input.agencies }));
  return pageHtml(
    agencyPage({
      config,
      links: siteLinks(page.path),
      breadcrumb: breadcrumbOf(config, page.path, [{ label: input.name }]),
      agency: input.name,
      years: input.years,
      headline: input.headline,
    }),
  );
}

/** The home page and the agency pages. */
export function renderSitePages(summaries: readonly ReportSummary[], site: SiteContext): OutputFile[] {
  return planSitePages(summaries).map((page) => ({ path: page.path, content: renderSitePage(page, site) }));
}
