/**
 * One report → its page and its open-data JSON, plus the summary the
 * site-wide step needs. Depends only on its inputs, so it can run in any
 * order, in a worker, or be skipped when a cache holds its output.
 */

import type { ApplicantCounts, Report } from '../model/index.js';
import type { ProcessedReport } from '../process.js';
import { reportJson } from './data.js';
import { renderProse } from './prose.js';
import { reportPageHtml } from './report-html.js';
import { breadcrumbOf, reportPlace, siteLinks, type Headline, type OutputFile, type ReportSummary, type SiteContext } from './site.js';
import { agencyPagePath, hrefFrom } from './urls.js';

/** What rendering one report gives. */
export interface RenderedReport {
  /** The page and the JSON, by their paths in the output. */
  readonly files: readonly OutputFile[];
  readonly summary: ReportSummary;
}

/**
 * Render a report that has a validated model (`processed.model.report`).
 * It reports nothing: every finding, raw HTML included, is the check stage's.
 */
export function renderReportPage(processed: ProcessedReport, site: SiteContext): RenderedReport {
  const report = processed.model?.report;
  if (!report || !processed.parsed) throw new TypeError(`renderReportPage: ${processed.file.path} has no validated model; only reports without errors are rendered.`);
  const { slug, page, data } = reportPlace(processed.location.folderAgency, report.year, site);
  const headline = headlineOf(report);
  const html = reportPageHtml({
    config: site.config,
    links: { ...siteLinks(page), reportJson: hrefFrom(page, data) },
    breadcrumb: breadcrumbOf(site.config, page, [
      ...(slug === undefined ? [] : [{ label: report.agency, href: hrefFrom(page, agencyPagePath(slug)) }]),
      { label: `${report.year}年度报告` },
    ]),
    report,
    pubDate: report.publishDate === undefined ? undefined : isoDate(report.publishDate),
    description: `${report.title}：本年新收政府信息公开申请 ${headline.received} 件，办理 ${headline.processed} 件，结转下年度 ${headline.carriedForward} 件；行政复议 ${headline.reviews} 件，行政诉讼 ${headline.lawsuits} 件。`,
    prose: renderProse(processed.parsed),
  });
  return {
    files: [
      { path: page, content: html },
      { path: data, content: reportJson(report) },
    ],
    summary: { source: processed.file.path, agency: report.agency, slug, year: report.year, format: report.format, title: report.title, page, data, headline },
  };
}

/** The headline figures of a report: the 总计 column of section 三, and section 四's totals. */
export function headlineOf(report: Report): Headline {
  const rows = report.applications as Record<string, ApplicantCounts>;
  const { review, litigationDirect, litigationAfterReview } = report.reviewLitigation;
  return {
    received: rows['received']?.total ?? 0,
    processed: rows['totalProcessed']?.total ?? 0,
    carriedForward: rows['carriedForward']?.total ?? 0,
    reviews: review.total,
    lawsuits: litigationDirect.total + litigationAfterReview.total,
  };
}

const DATE = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/;

/** 发布日期 as `YYYY-MM-DD` (2022-01-20, 2022/1/20, 2022年1月20日), or undefined when it is not a date. */
export function isoDate(text: string): string | undefined {
  const match = DATE.exec(text.normalize('NFKC').trim());
  if (!match) return undefined;
  const [, year, month, day] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
