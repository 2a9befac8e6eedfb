/** The render stage: a processed report → its page and data; the summaries → the site-wide pages and data. */
export { renderReportPage, headlineOf, isoDate, type RenderedReport } from './report-page.js';
export { planSitePages, renderSitePage, renderSitePages, groupByAgency, type AgencyGroup, type PlannedPage } from './site-pages.js';
export { renderProse, type ReportProse, type SectionProse } from './prose.js';
export { urlKind, sanitizeLinks, type UrlKind } from './sanitize.js';
export { csvColumns, csvField, csvStart, reportCsv, reportJson, reportsJson, schemaJson } from './data.js';
export { pageHtml } from './html.js';
export * from './urls.js';
export * from './site.js';
