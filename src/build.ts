/**
 * `nianbao build`: the stages in order. Each report is read, processed,
 * checked and rendered on its own (its page and JSON go straight to the
 * staging folder); only its findings, its site-wide check entry and its
 * summary are kept. Then the site-wide step: the checks across
 * reports, and, when nothing failed, the home and agency pages and the
 * aggregate data, built from the summaries. Only then is the staging folder
 * swapped in. Library code: it returns what happened and prints nothing.
 */

import { resolve } from 'node:path';
import type { VFile } from 'vfile';
import { countFindings, report as reportOn } from './messages/index.js';
import type { Report } from './model/index.js';
import type { BuildOptions } from './options.js';
import { checkSite } from './check/index.js';
import { processReport, siteEntryOf, unreadableReport, type SiteEntry } from './process.js';
import { readAssets } from './read/assets.js';
import { readSiteConfig } from './read/config.js';
import { findReports, InputError, readBytes } from './read/files.js';
import {
  csvStart,
  dataPaths,
  planSlugs,
  renderReportPage,
  renderSitePages,
  reportCsv,
  reportsJson,
  schemaJson,
  type ReportSummary,
  type SiteContext,
} from './render/index.js';
import { checkOutputFolder, Staging } from './write/output.js';

/** What a build did. */
export interface BuildResult {
  /** Whether the output folder was replaced. */
  readonly ok: boolean;
  /** Every report file with its findings. */
  readonly files: readonly { readonly file: VFile }[];
  readonly errorCount: number;
  readonly warningCount: number;
  /** Counts of what was written (zero when the build failed). */
  readonly reports: number;
  readonly pages: number;
  readonly dataFiles: number;
  /** The output folder, as given. */
  readonly out: string;
}

/** Build the site. Throws `InputError`/`OutputError` for bad input; a report's errors are in the result. */
export async function build(options: BuildOptions): Promise<BuildResult> {
  const config = await readSiteConfig(options.config, options.cwd);
  const out = resolve(options.cwd, options.out);
  await checkOutputFolder(out, { cwd: options.cwd, reports: resolve(options.cwd, options.reports) });
  const found = await findReports([options.reports], options.cwd);
  if (found.length === 0) throw new InputError(`在 ${options.reports} 中没有找到年报文件（*.md）。No report files found in ${options.reports}.`);
  const assets = await readAssets();
  const site: SiteContext = { config, slugs: planSlugs(found.flatMap((f) => (f.folderAgency === undefined ? [] : [f.folderAgency]))) };

  const staging = await Staging.open(out);
  try {
    // Kept per report: its file (for the findings), what the site-wide checks need, its summary.
    const files: { file: VFile }[] = [];
    const entries: SiteEntry[] = [];
    const summaries: ReportSummary[] = [];
    const pageOwners = new Map<string, string>();
    for (const location of found) {
      const bytes = await readBytes(location).catch((cause: unknown) => cause as NodeJS.ErrnoException);
      const one = bytes instanceof Error ? unreadableReport(location, bytes.code ?? bytes.message) : processReport(location, bytes);
      files.push({ file: one.file });
      const entry = siteEntryOf(one);
      if (entry) entries.push(entry);
      if (one.file.messages.some((m) => m.fatal)) continue;
      // Every way of having no model reports an error; a report must never drop out of the site unexplained.
      if (!one.model?.report) throw new Error(`${one.file.path}: no model and no error to say why (a bug in nianbao).`);
      const rendered = renderReportPage(one, site);
      const page = rendered.summary.page;
      const owner = pageOwners.get(page);
      if (owner !== undefined) {
        reportOn(one.file, 'page-conflict', { page, other: owner }, one.parsed?.title?.place);
        continue;
      }
      pageOwners.set(page, one.file.path);
      for (const file of rendered.files) await staging.write(file.path, file.content);
      summaries.push(rendered.summary);
    }
    checkSite(entries);

    const { errorCount, warningCount } = countFindings(files);
    if (errorCount > 0 || (options.strict && warningCount > 0)) {
      await staging.discard();
      return { ok: false, files, errorCount, warningCount, reports: 0, pages: 0, dataFiles: 0, out: options.out };
    }

    const sitePages = renderSitePages(summaries, site);
    for (const file of sitePages) await staging.write(file.path, file.content);
    await writeAggregateData(staging, summaries);
    for (const asset of assets) await staging.write(asset.path, asset.content);
    await staging.commit();
    return {
      ok: true,
      files,
      errorCount,
      warningCount,
      reports: summaries.length,
      pages: summaries.length + sitePages.length,
      dataFiles: summaries.length + Object.keys(dataPaths).length,
      out: options.out,
    };
  } catch (error) {
    await staging.discard().catch(() => undefined);
    throw error;
  }
}

/**
 * `data/reports.json` and `data/reports.csv`, one report at a time, read
 * back from the JSON already written beside its page: memory stays flat
 * however many reports the site has. Then the JSON Schema.
 */
async function writeAggregateData(staging: Staging, summaries: readonly ReportSummary[]): Promise<void> {
  const ordered = [...summaries].sort((a, b) => (a.page < b.page ? -1 : a.page > b.page ? 1 : 0));
  await staging.append(dataPaths.reports, reportsJson.start);
  await staging.append(dataPaths.csv, csvStart);
  for (const [index, summary] of ordered.entries()) {
    const report = JSON.parse(await staging.read(summary.data)) as Report;
    await staging.append(dataPaths.reports, reportsJson.entry(report, index));
    await staging.append(dataPaths.csv, reportCsv(report));
  }
  await staging.append(dataPaths.reports, reportsJson.end(ordered.length));
  await staging.write(dataPaths.schema, schemaJson());
}
