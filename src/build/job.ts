/**
 * One report's share of a build: read it, process it (unless its bytes are
 * those the cache knows), and render its page and data into the staging
 * folder when they must be (re)written. The same function runs in the main
 * thread and in the worker threads of a large build (`pool.ts`); it keeps
 * nothing and returns only what the rest of the build needs, as plain data
 * that crosses to the main thread cheaply: the findings, the site-wide check
 * entry and the summary (the report cache's `StoredResult`), and what was
 * written.
 */

import { hashBytes, pageKey, publishedDataHash, sameLocation, storeResult, type CachedReport, type FileStatus, type OutputManifest, type StoredResult } from '../cache/index.js';
import { type ProcessedReport, processReport, siteEntryOf, unreadableReport } from '../process.js';
import type { FoundFile } from '../read/files.js';
import { readBytesSync } from '../read/files.js';
import { reportCsv } from '../render/data.js';
import { headlineOf, renderReportPage } from '../render/report-page.js';
import { reportPlace, type SiteContext } from '../render/site.js';
import type { StagingWriter } from '../write/output.js';
import { aggregateFragment, type AggregateFragment } from './aggregate.js';

/** What every job of one build shares. */
export interface JobContext {
  readonly site: SiteContext;
  /** The tool's fingerprint and the configuration's key: parts of every page's key. */
  readonly tool: string;
  readonly configKey: string;
  readonly staging: StagingWriter;
  /** The output's manifest, when it may be trusted: a page whose key it holds is not rendered again. */
  readonly manifest: OutputManifest | undefined;
}

/** One report to read, process and perhaps render. */
export interface ReportJob {
  /** Its place in the build's list of reports. */
  readonly index: number;
  readonly location: FoundFile;
  /** Its status before reading; undefined when it could not be stat'ed (it is then not cached). */
  readonly status: FileStatus | undefined;
  /** What the report cache holds for its path: used as it is when the bytes hash the same. */
  readonly known: CachedReport | undefined;
  /**
   * Render its page and data even when the cache's result is used: the
   * output lacks them or holds them from other inputs. A report that is
   * processed afresh is always rendered when it has no errors, since its
   * page's key is new.
   */
  readonly render: boolean;
  /** Bring back its share of the aggregate data when it is rendered (see `AggregateStream`). */
  readonly aggregate: boolean;
}

/** What a job gives back. */
export interface JobOutcome {
  readonly index: number;
  /** The report cache's entry for it; undefined when it could not be read or stat'ed. */
  readonly entry: CachedReport | undefined;
  /** Its findings, site-wide check entry and summary. */
  readonly result: StoredResult;
  /** The content hash of its bytes; undefined when they could not be read. */
  readonly hash: string | undefined;
  /** Whether it was processed (not taken from the cache). */
  readonly processed: boolean;
  /**
   * Its page and data, when the job rendered them or found them up to date in
   * the output: the key they are for, the hash of the data, and the paths
   * written into the staging folder (none when the output's were up to date).
   */
  readonly page: { readonly key: string; readonly dataHash: string; readonly paths: readonly string[] } | undefined;
  /** Its share of the aggregate data, when the job asked for it and rendered the report. */
  readonly aggregate?: AggregateFragment;
}

/** Run one job. Writes only into the staging folder; throws only on a bug or an unwritable staging folder. */
export function runJob(job: ReportJob, context: JobContext): JobOutcome {
  const { location, status, known } = job;
  let bytes: Uint8Array;
  try {
    bytes = readBytesSync(location);
  } catch (cause) {
    const error = cause as NodeJS.ErrnoException;
    const processed = unreadableReport(location, error.code ?? error.message);
    return { index: job.index, entry: undefined, result: storeResult(processed, stagesUsed), hash: undefined, processed: true, page: undefined };
  }
  const hash = hashBytes(bytes);
  let processed: ProcessedReport | undefined;
  let result: StoredResult;
  if (known && known.hash === hash && sameLocation(known, location)) result = known.result;
  else {
    processed = processReport(location, bytes);
    result = storeResult(processed, stagesUsed);
  }
  const entry: CachedReport | undefined = status && { hash, folderAgency: location.folderAgency, pathYear: location.pathYear, ...status, result };
  const outcome = { index: job.index, entry, result, hash, processed: processed !== undefined };

  const summary = result.summary;
  if (!(processed || job.render) || !summary || result.messages.some((m) => m.fatal)) return { ...outcome, page: undefined };
  const { slug, page, data } = reportPlace(location.folderAgency, summary.year, context.site);
  const key = pageKey(context, hash, location, slug);
  const published = publishedDataHash(context.manifest, { page, data }, key);
  if (published !== undefined) {
    return { ...outcome, page: { key, dataHash: published, paths: [] } };
  }
  processed ??= processReport(location, bytes);
  const paths: string[] = [];
  let dataHash = '';
  let aggregate: AggregateFragment | undefined;
  for (const file of renderReportPage(processed, context.site).files) {
    // A path already written belongs to another report of this build with the same page: the main thread reports `page-conflict`, and the build fails.
    if (!writeOnce(context.staging, file.path, file.content)) return { ...outcome, page: undefined };
    paths.push(file.path);
    if (file.path !== data) continue;
    dataHash = hashBytes(file.content);
    if (job.aggregate) aggregate = aggregateFragment(file.content, reportCsv(processed.model!.report!));
  }
  return { ...outcome, page: { key, dataHash, paths }, ...(aggregate ? { aggregate } : {}) };
}

/**
 * An outcome that holds nothing of the report it came from, for a job run
 * in the main thread (a worker's outcome is copied on its way anyway). V8
 * keeps a substring (the agency, the title, a message's quoted text) as a
 * slice of the string it was cut from, so a kept title would keep the whole
 * report's text alive, some 25 KB a report in the main thread.
 */
export function detached(outcome: JobOutcome): JobOutcome {
  if (!outcome.processed) return outcome;
  const result = structuredClone(outcome.result);
  return { ...outcome, result, entry: outcome.entry && { ...outcome.entry, result } };
}

/** The stages `storeResult` asks for. */
const stagesUsed = { siteEntryOf, headlineOf };

/** Write a file unless the path is already taken in this build; false when it was. */
function writeOnce(staging: StagingWriter, path: string, content: string): boolean {
  try {
    staging.writeSync(path, content);
    return true;
  } catch (error) {
    if (((error as Error).cause as NodeJS.ErrnoException | undefined)?.code === 'EEXIST') return false;
    throw error;
  }
}
