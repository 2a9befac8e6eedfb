/**
 * `nianbao build`: the stages in order. Each report is read, processed and
 * checked on its own, or, when the report cache holds the same bytes, its
 * findings and summary are taken from there; only its findings, its
 * site-wide check entry and its summary are kept. Then the site-wide step:
 * the checks across reports, and, when nothing failed, the home and agency
 * pages and the aggregate data, built from the summaries. Nothing reaches
 * the output before every report has passed.
 *
 * The output is replaced as a whole (a staging folder swapped in) when there
 * is no trustworthy manifest in it; otherwise only the files whose inputs
 * changed are rendered, written beside it and moved in one by one (see
 * `Staging.commitChanges`). Library code: it returns what happened and
 * prints nothing.
 */

import { join, resolve } from 'node:path';
import type { VFile } from 'vfile';
import {
  cacheFormat,
  hashBytes,
  keyOf,
  manifestText,
  pageKey,
  publishedDataHash,
  recordSources,
  restoreFile,
  restoreSiteEntry,
  stableJson,
  statusMatches,
  storeMessages,
  type CachedReport,
  type OutputManifest,
  type StoredMessage,
  writingMarkerText,
} from './cache/index.js';
import type { AggregateStream } from './build/aggregate.js';
import type { JobOutcome, ReportJob } from './build/job.js';
import type { JobRunner, WorkerSetup } from './build/pool.js';
import { countFindings, report as reportOn } from './messages/index.js';
import type { Report } from './model/index.js';
import type { BuildOptions } from './options.js';
import { checkSite } from './check/site.js';
import type { SiteEntry } from './process.js';
import { readAssets } from './read/assets.js';
import { fileStatus, readManifest, readReportCache, readSiteRecord } from './read/cache.js';
import { readSiteConfigFile } from './read/config.js';
import { toolFingerprint } from './read/fingerprint.js';
import { findReports, InputError } from './read/files.js';
import { reportPlace, type ReportSummary, type SiteContext } from './render/site.js';
import { planSitePages, type PlannedPage } from './render/site-plan.js';
import { dataPaths, planSlugs } from './render/urls.js';
import { rebuildFromRecord } from './rebuild.js';
import { writeReportCache, writeSiteRecord } from './write/cache.js';
import { checkOutputFolder, markerText, outputMarker, Staging } from './write/output.js';

/** What a build did. */
export interface BuildResult {
  /** Whether the output folder was replaced. */
  readonly ok: boolean;
  /** Every report file with its findings. */
  readonly files: readonly { readonly file: VFile }[];
  readonly errorCount: number;
  readonly warningCount: number;
  /** Counts of what was built (zero when the build failed). */
  readonly reports: number;
  readonly pages: number;
  readonly dataFiles: number;
  /** How many files were written or removed in the output: 0 when nothing changed. */
  readonly changed: number;
  /** How many reports were processed rather than taken from the cache. */
  readonly processed: number;
  /** The output folder, as given. */
  readonly out: string;
}

/** What the caller may add to a build besides its options. */
export interface BuildHooks {
  /** Told as reports are done, for a progress display. */
  readonly progress?: (done: number, total: number) => void;
  /** The tool's fingerprint; by default that of the installed code. Tests pass their own to stand for another version. */
  readonly tool?: string;
}

type Stages = typeof import('./stages.js');
let loaded: Stages | undefined;
/** The processing and rendering stages, loaded on first use (see `stages.ts`). */
async function stages(): Promise<Stages> {
  return (loaded ??= await import('./stages.js'));
}

/** Build the site. Throws `InputError`/`OutputError` for bad input; a report's errors are in the result. */
export async function build(options: BuildOptions, hooks: BuildHooks = {}): Promise<BuildResult> {
  const tool = hooks.tool ?? toolFingerprint();
  const cacheDir = resolve(options.cwd, options.cacheDir);
  const record = options.cache ? readSiteRecord(cacheDir) : undefined;
  const configFile = await readSiteConfigFile(options.config, options.cwd, record?.tool === tool ? record.configFile : undefined);
  const { config } = configFile;
  const out = resolve(options.cwd, options.out);
  await checkOutputFolder(out, { cwd: options.cwd, reports: resolve(options.cwd, options.reports) });
  const found = await findReports([options.reports], options.cwd);
  if (found.length === 0) throw new InputError(`在 ${options.reports} 中没有找到年报文件（*.md）。No report files found in ${options.reports}.`);
  const assets = await readAssets();
  // The slugs are planned when a page is placed: a rebuild that places none does not slugify 1,700 folder names.
  let slugs: ReadonlyMap<string, string> | undefined;
  const site: SiteContext = { config, get slugs() { return (slugs ??= planSlugs(found.flatMap((f) => (f.folderAgency === undefined ? [] : [f.folderAgency])))); } };

  // Every page shows the configuration: it is part of every page's key.
  const configKey = keyOf(stableJson(config));
  if (record) {
    const quick = await rebuildFromRecord({ options, out, cacheDir, tool, configKey, configFile, site, found, record, stages });
    if (quick) return quick;
  }

  const cache = options.cache ? readReportCache(cacheDir, tool) : undefined;
  const previous = options.cache ? readManifest(out) : undefined;
  // Only a manifest of a finished build by this very tool says what the output holds.
  const manifest = previous?.state === 'complete' && previous.tool === tool ? previous : undefined;

  const staging = await Staging.open(out);
  let runner: JobRunner | undefined;
  let stream: AggregateStream | undefined;
  try {
    const files: { file: VFile }[] = [];
    const entries: SiteEntry[] = [];
    const summaries: ReportSummary[] = [];
    const pageOwners = new Map<string, string>();
    const nextCache: Record<string, CachedReport> = {};
    let cacheChanged = cache === undefined || Object.keys(cache.reports).length !== found.length;
    let processedCount = 0;
    const outputKeys: Record<string, string> = {};
    const dataHashes: Record<string, string> = {};
    let written = 0;
    const keys = { tool, configKey };
    const setup: WorkerSetup = { site, tool, configKey, stagingDir: staging.dir, manifest };
    /**
     * Jobs in the order of their pages, with a new aggregate stream expecting
     * their fragments in that order; the jobs as they were when a place
     * cannot be told beforehand.
     */
    const streamInPageOrder = async (list: ReportJob[], placeOf: (job: ReportJob) => { page: string; data: string } | undefined): Promise<ReportJob[]> => {
      const planned = inPageOrder(list, placeOf);
      if (!planned) return list;
      stream?.abandon();
      stream = new (await stages()).AggregateStream(staging, planned.data);
      return planned.jobs;
    };
    /** The runner for `count` jobs: the workers once started, else workers when they pay, else this thread. */
    const runnerFor = async (count: number): Promise<JobRunner> => {
      if (runner) return runner;
      const { inThread, workerContext, workerCount, workerPool } = await stages();
      const size = workerCount(count, options.jobs);
      if (size === 0) return inThread(workerContext(setup));
      return (runner = workerPool(size, setup));
    };

    // Each report: its cached result when its file is as the cache saw it; otherwise a job reads
    // and processes it and, having no errors, renders its page and data into the staging folder.
    const outcomes: JobOutcome[] = new Array(found.length);
    let jobs: ReportJob[] = [];
    for (const [index, location] of found.entries()) {
      const known = cache?.reports[location.path];
      const status = fileStatus(location.absolute);
      if (known && status && statusMatches(known, location, status, cache!.savedAt)) {
        outcomes[index] = { index, entry: known, result: known.result, hash: known.hash, processed: false, page: undefined };
      } else jobs.push({ index, location, status, known, render: false, aggregate: false });
    }
    let done = found.length - jobs.length;
    hooks.progress?.(done, found.length);
    if (jobs.length > 0) {
      cacheChanged = true;
      // Every report processed afresh into an empty output: the aggregate data can be written as they come.
      if (jobs.length === found.length && !manifest) {
        jobs = await streamInPageOrder(jobs, (job) => (job.location.pathYear === undefined ? undefined : reportPlace(job.location.folderAgency, job.location.pathYear, site)));
      }
      const position = new Map(jobs.map((job, at) => [job.index, at]));
      await (await runnerFor(jobs.length)).run(jobs, ({ aggregate, ...outcome }) => {
        // The fragment is written now and not kept: at 10,000 reports they add up to some 230 MB.
        stream?.add(position.get(outcome.index)!, aggregate);
        outcomes[outcome.index] = outcome;
        hooks.progress?.(++done, found.length);
      });
    }

    // In the order of the reports: findings, site-wide entries, and each page's owner and key.
    const renders: ReportJob[] = [];
    const pending = new Map<number, { page: string; data: string }>();
    for (const [index, location] of found.entries()) {
      const { entry, result, hash, processed, page: rendered } = outcomes[index]!;
      if (entry) nextCache[location.path] = entry;
      if (processed) processedCount++;
      const file = restoreFile(location.path, result.messages);
      files.push({ file });
      const siteEntry = restoreSiteEntry(result.site, file);
      if (siteEntry) entries.push(siteEntry);
      if (file.messages.some((m) => m.fatal)) continue;
      const stored = result.summary;
      // Every way of having no model reports an error; a report must never drop out of the site unexplained.
      if (!stored || hash === undefined) throw new Error(`${location.path}: no model and no error to say why (a bug in nianbao).`);

      const { slug, page, data } = reportPlace(location.folderAgency, stored.year, site);
      const owner = pageOwners.get(page);
      if (owner !== undefined) {
        reportOn(file, 'page-conflict', { page, other: owner }, stored.titlePlace);
        continue;
      }
      pageOwners.set(page, location.path);

      const key = pageKey(keys, hash, location, slug);
      const published = publishedDataHash(manifest, { page, data }, key);
      if (rendered?.key === key) {
        staging.adopt(rendered.paths);
        written += rendered.paths.length;
        dataHashes[data] = rendered.dataHash;
      } else if (published !== undefined) {
        dataHashes[data] = published;
      } else {
        renders.push({ index, location, status: fileStatus(location.absolute), known: entry, render: true, aggregate: false });
        pending.set(index, { page, data });
      }
      outputKeys[page] = key;
      outputKeys[data] = key;
      summaries.push({ source: location.path, agency: stored.agency, slug, year: stored.year, format: stored.format, title: stored.title, page, data, headline: stored.headline });
    }
    checkSite(entries);
    const { errorCount, warningCount } = countFindings(files);
    if (errorCount > 0 || (options.strict && warningCount > 0)) {
      stream?.abandon();
      await staging.discard();
      return { ok: false, files, errorCount, warningCount, reports: 0, pages: 0, dataFiles: 0, changed: 0, processed: processedCount, out: options.out };
    }

    // Pages the cache's results stand for but the output lacks (or holds from other inputs): rendered now that every report passed.
    if (renders.length > 0) {
      // Every page to render again (a new configuration, or an output deleted): the aggregate data can be written as they come.
      const render = renders.length === summaries.length ? await streamInPageOrder(renders, (job) => pending.get(job.index)) : renders;
      const position = new Map(render.map((job, at) => [job.index, at]));
      await (await runnerFor(render.length)).run(render, (outcome) => {
        stream?.add(position.get(outcome.index)!, outcome.aggregate);
        const { page, data } = pending.get(outcome.index)!;
        const location = found[outcome.index]!;
        if (!outcome.page) throw new Error(`${location.path}: rendering gave no page (a bug in nianbao, or the file changed during the build).`);
        if (outcome.entry) nextCache[location.path] = outcome.entry;
        processedCount++;
        staging.adopt(outcome.page.paths);
        written += outcome.page.paths.length;
        dataHashes[data] = outcome.page.dataHash;
        outputKeys[page] = outcome.page.key;
        outputKeys[data] = outcome.page.key;
      });
      cacheChanged = true;
    }

    // The site pages: rendered only when what they show changed.
    const siteKey = keyOf('site', tool, configKey, JSON.stringify(summaries));
    let sitePageKeys: Record<string, string>;
    if (manifest?.site?.key === siteKey) sitePageKeys = { ...manifest.site.pages };
    else {
      sitePageKeys = {};
      const changedPages: PlannedPage[] = [];
      for (const page of planSitePages(summaries)) {
        // The plan builds its inputs in a fixed key order: plain JSON is stable here.
        const key = keyOf('page', tool, configKey, JSON.stringify(page.input));
        sitePageKeys[page.path] = key;
        if (manifest?.files[page.path] !== key) changedPages.push(page);
      }
      await (await runnerFor(changedPages.length)).renderPages(changedPages, (path) => {
        staging.adopt([path]);
        written++;
      });
    }
    Object.assign(outputKeys, sitePageKeys);

    // The aggregate data depend only on each report's JSON, in the order of their pages.
    const ordered = [...summaries].sort((a, b) => (a.page < b.page ? -1 : a.page > b.page ? 1 : 0));
    const dataKey = keyOf('data', tool, ...ordered.flatMap((s) => [s.data, dataHashes[s.data]]));
    for (const path of [dataPaths.reports, dataPaths.csv]) outputKeys[path] = dataKey;
    if (manifest?.files[dataPaths.reports] !== dataKey || manifest.files[dataPaths.csv] !== dataKey) {
      if (!stream?.finish(ordered)) writeAggregateData(staging, ordered, await stages());
      written += 2;
    } else stream?.abandon();
    const schemaKey = keyOf('schema', tool);
    outputKeys[dataPaths.schema] = schemaKey;
    if (manifest?.files[dataPaths.schema] !== schemaKey) {
      staging.writeSync(dataPaths.schema, (await stages()).schemaJson());
      written++;
    }
    for (const asset of assets) {
      const key = keyOf('asset', tool, hashBytes(asset.content));
      outputKeys[asset.path] = key;
      if (manifest?.files[asset.path] === key) continue;
      staging.writeSync(asset.path, asset.content);
      written++;
    }

    // Saved only after a build that succeeded: a failed build leaves nothing behind but its findings.
    if (options.cache && cacheChanged) writeReportCache(cacheDir, { format: cacheFormat, tool, savedAt: Date.now(), reports: nextCache }, cache);
    const next = (): OutputManifest => ({
      note: markerText,
      format: cacheFormat,
      state: 'complete',
      tool,
      files: sorted(outputKeys),
      data: sorted(dataHashes),
      site: { key: siteKey, pages: sorted(sitePageKeys) },
    });
    let changed = written;
    if (manifest) {
      const removed = Object.keys(manifest.files).filter((path) => !(path in outputKeys));
      changed += removed.length;
      if (changed > 0 || manifest.site?.key !== siteKey || !sameRecord(manifest.files, outputKeys) || !sameRecord(manifest.data, dataHashes)) {
        const done = next();
        staging.commitChanges(writingMarkerText(markerText, tool), manifestText(done), removed);
      } else await staging.discard();
    } else await staging.commit(manifestText(next()));

    const counts = { reports: summaries.length, pages: summaries.length + Object.keys(sitePageKeys).length, dataFiles: summaries.length + Object.keys(dataPaths).length };
    const marker = fileStatus(join(out, outputMarker));
    if (options.cache && marker) {
      const sources = recordSources(found, (location) => {
        const status = nextCache[location.path] ?? fileStatus(location.absolute);
        return status && { status, hash: nextCache[location.path]?.hash };
      });
      const messages: Record<string, StoredMessage[]> = {};
      for (const { file } of files) if (file.messages.length > 0) messages[file.path] = storeMessages(file);
      writeSiteRecord(cacheDir, { format: cacheFormat, tool, config: configKey, configFile, out, marker, savedAt: Date.now(), sources, messages, counts });
    }

    return {
      ok: true,
      files,
      errorCount,
      warningCount,
      ...counts,
      changed,
      processed: processedCount,
      out: options.out,
    };
  } catch (error) {
    stream?.abandon();
    await staging.discard().catch(() => undefined);
    throw error;
  } finally {
    await runner?.close();
  }
}

/**
 * Jobs in the order of the pages they make (`placeOf`: where a job's report
 * is expected to go), with the data path of each: the order of the
 * aggregate data. Undefined when a job's place cannot be told beforehand.
 */
function inPageOrder(jobs: readonly ReportJob[], placeOf: (job: ReportJob) => { page: string; data: string } | undefined): { jobs: ReportJob[]; data: string[] } | undefined {
  const placed: { job: ReportJob; page: string; data: string }[] = [];
  for (const job of jobs) {
    const place = placeOf(job);
    if (!place) return undefined;
    placed.push({ job, ...place });
  }
  placed.sort((a, b) => (a.page < b.page ? -1 : a.page > b.page ? 1 : 0));
  return { jobs: placed.map((p) => ({ ...p.job, aggregate: true })), data: placed.map((p) => p.data) };
}

function sameRecord(a: Readonly<Record<string, string>>, b: Readonly<Record<string, string>>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
}

function sorted(record: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/**
 * `data/reports.json` and `data/reports.csv`, one report at a time, read
 * back from the JSON beside its page (written in this build, or already
 * published): memory stays flat however many reports the site has.
 */
function writeAggregateData(staging: Staging, ordered: readonly ReportSummary[], { csvStart, reportCsv, reportsJson }: Stages): void {
  const json = staging.stream(dataPaths.reports);
  const csv = staging.stream(dataPaths.csv);
  json.write(reportsJson.start);
  csv.write(csvStart);
  for (const [index, summary] of ordered.entries()) {
    const text = staging.readCurrent(summary.data);
    json.write(reportsJson.join(reportsJson.body(text), index));
    csv.write(reportCsv(JSON.parse(text) as Report));
  }
  json.write(reportsJson.end(ordered.length));
  json.close();
  csv.close();
}
