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
  recordSources,
  restoreFile,
  restoreSiteEntry,
  sameLocation,
  stableJson,
  statusMatches,
  storeMessages,
  storeResult,
  type CachedReport,
  type OutputManifest,
  type StoredMessage,
  writingMarkerText,
} from './cache/index.js';
import { countFindings, report as reportOn } from './messages/index.js';
import type { Report } from './model/index.js';
import type { BuildOptions } from './options.js';
import { checkSite } from './check/site.js';
import type { ProcessedReport, SiteEntry } from './process.js';
import { readAssets } from './read/assets.js';
import { fileStatus, readManifest, readReportCache, readSiteRecord } from './read/cache.js';
import { readSiteConfigFile } from './read/config.js';
import { toolFingerprint } from './read/fingerprint.js';
import { findReports, InputError, readBytesSync } from './read/files.js';
import { reportPlace, type ReportSummary, type SiteContext } from './render/site.js';
import { planSitePages } from './render/site-plan.js';
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

    for (const [index, location] of found.entries()) {
      hooks.progress?.(index, found.length);
      const known = cache?.reports[location.path];
      const status = fileStatus(location.absolute);
      let entry = known && status && statusMatches(known, location, status, cache!.savedAt) ? known : undefined;
      let processed: ProcessedReport | undefined;
      let bytes: Uint8Array | undefined;
      if (!entry) {
        cacheChanged = true;
        try {
          bytes = readBytesSync(location);
        } catch (cause) {
          const error = cause as NodeJS.ErrnoException;
          processed = (await stages()).unreadableReport(location, error.code ?? error.message);
        }
        if (bytes && status) {
          const hash = hashBytes(bytes);
          if (known && known.hash === hash && sameLocation(known, location)) entry = { ...known, ...status };
          else {
            processed = (await stages()).processReport(location, bytes);
            processedCount++;
            entry = { hash, folderAgency: location.folderAgency, pathYear: location.pathYear, ...status, result: storeResult(processed, await stages()) };
          }
        } else if (bytes) {
          processed = (await stages()).processReport(location, bytes);
          processedCount++;
        }
      }
      if (entry) nextCache[location.path] = entry;

      const file = processed?.file ?? restoreFile(location.path, entry!.result.messages);
      // Only the findings are kept to the end: not the report's text (at 10,000 reports, 120 MB of it).
      file.value = '';
      files.push({ file });
      const siteEntry = processed ? (await stages()).siteEntryOf(processed) : restoreSiteEntry(entry!.result.site, file);
      if (siteEntry) entries.push(siteEntry);
      if (file.messages.some((m) => m.fatal)) continue;
      const stored = processed ? storeResult(processed, await stages()).summary : entry!.result.summary;
      // Every way of having no model reports an error; a report must never drop out of the site unexplained.
      if (!stored) throw new Error(`${location.path}: no model and no error to say why (a bug in nianbao).`);

      const { slug, page, data } = reportPlace(location.folderAgency, stored.year, site);
      const owner = pageOwners.get(page);
      if (owner !== undefined) {
        reportOn(file, 'page-conflict', { page, other: owner }, stored.titlePlace);
        continue;
      }
      pageOwners.set(page, location.path);

      // The page shows the report, the configuration and links that depend on its place.
      const key = keyOf('report', tool, configKey, entry?.hash ?? hashBytes(bytes ?? ''), location.path, location.folderAgency, location.pathYear, slug);
      let dataHash = manifest?.files[page] === key && manifest.files[data] === key ? manifest.data[data] : undefined;
      if (dataHash === undefined) {
        const { processReport, renderReportPage } = await stages();
        if (!processed) {
          processed = processReport(location, bytes ?? readBytesSync(location));
          processedCount++;
        }
        const rendered = renderReportPage(processed, site);
        for (const one of rendered.files) {
          staging.writeSync(one.path, one.content);
          written++;
          if (one.path === data) dataHash = hashBytes(one.content);
        }
      }
      outputKeys[page] = key;
      outputKeys[data] = key;
      dataHashes[data] = dataHash!;
      summaries.push({ source: location.path, agency: stored.agency, slug, year: stored.year, format: stored.format, title: stored.title, page, data, headline: stored.headline });
    }
    hooks.progress?.(found.length, found.length);
    checkSite(entries);
    const { errorCount, warningCount } = countFindings(files);
    if (errorCount > 0 || (options.strict && warningCount > 0)) {
      await staging.discard();
      return { ok: false, files, errorCount, warningCount, reports: 0, pages: 0, dataFiles: 0, changed: 0, processed: processedCount, out: options.out };
    }

    // The site pages: rendered only when what they show changed.
    const siteKey = keyOf('site', tool, configKey, JSON.stringify(summaries));
    let sitePageKeys: Record<string, string>;
    if (manifest?.site?.key === siteKey) sitePageKeys = { ...manifest.site.pages };
    else {
      sitePageKeys = {};
      for (const page of planSitePages(summaries)) {
        // The plan builds its inputs in a fixed key order: plain JSON is stable here.
        const key = keyOf('page', tool, configKey, JSON.stringify(page.input));
        sitePageKeys[page.path] = key;
        if (manifest?.files[page.path] === key) continue;
        staging.writeSync(page.path, (await stages()).renderSitePage(page, site));
        written++;
      }
    }
    Object.assign(outputKeys, sitePageKeys);

    // The aggregate data depend only on each report's JSON, in the order of their pages.
    const ordered = [...summaries].sort((a, b) => (a.page < b.page ? -1 : a.page > b.page ? 1 : 0));
    const dataKey = keyOf('data', tool, ...ordered.flatMap((s) => [s.data, dataHashes[s.data]]));
    for (const path of [dataPaths.reports, dataPaths.csv]) outputKeys[path] = dataKey;
    if (manifest?.files[dataPaths.reports] !== dataKey || manifest.files[dataPaths.csv] !== dataKey) {
      writeAggregateData(staging, ordered, await stages());
      written += 2;
    }
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
    await staging.discard().catch(() => undefined);
    throw error;
  }
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
    const report = JSON.parse(staging.readCurrent(summary.data)) as Report;
    json.write(reportsJson.entry(report, index));
    csv.write(reportCsv(report));
  }
  json.write(reportsJson.end(ordered.length));
  json.close();
  csv.close();
}
