/**
 * The processing and rendering stages, as the build loads them: only when a
 * report must be processed or a file rendered, so that a rebuild with
 * nothing to do loads neither the Markdown parser, the schema nor the
 * templates (together some 300 ms of a process that should take less).
 */

export { processReport, siteEntryOf, unreadableReport } from './process.js';
export { headlineOf, renderReportPage } from './render/report-page.js';
export { renderSitePage } from './render/site-pages.js';
export { csvStart, reportCsv, reportsJson, schemaJson } from './render/data.js';
export { inThread, workerContext, workerCount, workerPool } from './build/pool.js';
export { AggregateStream } from './build/aggregate.js';
