/**
 * A rebuild that starts from the site record (see `SiteRecord`) instead of
 * the whole report cache: the quick path of `nianbao build` when the output
 * is the one the last build left and only a few sources changed.
 *
 * - Nothing changed: the recorded findings are shown again and nothing is
 *   read or written.
 * - A few sources changed, and each still gives what the rest of the site
 *   sees of it (its site-wide check entry and its summary): only they are
 *   processed, only their pages rendered and moved in, and only their
 *   shards of the report cache, the site record and the manifest saved.
 *   The site-wide checks, the home and agency pages and the aggregate data
 *   depend on the rest of the site only through what did not change, so
 *   they are as the record and the manifest have them.
 *
 * Anything else (another tool, configuration or output, sources added,
 * removed or moved, a source whose summary, site entry or data changed, a
 * finding that fails the build, many changes) returns undefined, and the
 * build does everything the long way. So this path only ever has to be
 * right about the cases it takes, and it takes none that needs the rest of
 * the site.
 */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { VFile } from 'vfile';
import type { BuildResult } from './build.js';
import {
  changedSince,
  hashBytes,
  pageKey,
  restoreFile,
  sameLocation,
  storeResult,
  shardOf,
  type CachedReport,
  type ChangedSource,
  type SiteRecord,
  type StoredMessage,
  type StoredResult,
  writingMarkerText,
} from './cache/index.js';
import type { BuildOptions } from './options.js';
import type { ProcessedReport } from './process.js';
import { fileStatus, readReportCacheShards } from './read/cache.js';
import { readBytesSync, type FoundFile } from './read/files.js';
import { reportPlace, type SiteContext } from './render/site.js';
import { writeReportCacheShard, writeSiteRecord } from './write/cache.js';
import { markerText, outputMarker, Staging } from './write/output.js';

type Stages = typeof import('./stages.js');

/** What a rebuild from the record needs to know. */
export interface RecordedRebuild {
  readonly options: BuildOptions;
  /** The output folder, resolved. */
  readonly out: string;
  readonly cacheDir: string;
  readonly tool: string;
  /** The configuration's key, and what it was read from (saved again in the record). */
  readonly configKey: string;
  readonly configFile: SiteRecord['configFile'];
  readonly site: SiteContext;
  readonly found: readonly FoundFile[];
  readonly record: SiteRecord;
  /** The processing and rendering stages, loaded only when a report must be processed. */
  readonly stages: () => Promise<Stages>;
}

/**
 * How many changed sources this path takes at most. Beyond that the long
 * way, which reads the whole cache once, costs about as much.
 */
export const recordedRebuildLimit = 100;

/** Rebuild from the record when it can tell everything that changed (see above); undefined when the build must take the long way. */
export async function rebuildFromRecord(input: RecordedRebuild): Promise<BuildResult | undefined> {
  const { options, out, cacheDir, tool, configKey, record, found } = input;
  const marker = fileStatus(join(out, outputMarker));
  const changed = changedSince(record, { tool, config: configKey, out, marker }, found, (location) => fileStatus(location.absolute));
  if (!changed || changed.length > recordedRebuildLimit) return undefined;
  const counted = countStored(record.messages);
  const failed = counted.errorCount > 0 || (options.strict && counted.warningCount > 0);
  if (changed.length === 0) {
    // The build that saved the record succeeded, so only --strict can fail it now.
    const counts = failed ? { reports: 0, pages: 0, dataFiles: 0 } : record.counts;
    return { ok: !failed, files: storedFiles(found, record.messages), ...counted, ...counts, changed: 0, processed: 0, out: options.out };
  }
  if (failed) return undefined;

  const shards = readReportCacheShards(cacheDir, tool, changed.map((c) => c.location.path));
  const updates: Update[] = [];
  for (const source of changed) {
    const update = await updateOf(source, input, shards.get(shardOf(source.location.path))?.reports[source.location.path]);
    if (!update) return undefined;
    updates.push(update);
  }

  // Nothing is written before every changed report is known to fit.
  const rerendered = updates.filter((u) => u.page !== undefined);
  if (rerendered.length > 0) {
    // The marker is the manifest the recorded build wrote (its status is the recorded one): only the keys of the changed pages change in it.
    const manifest = patchManifest(readText(join(out, outputMarker)), rerendered.flatMap((u) => [u.page!, u.data]));
    if (manifest === undefined) return undefined;
    const staging = await Staging.open(out);
    try {
      for (const update of rerendered) staging.writeSync(update.page!.path, update.page!.content);
      staging.commitChanges(writingMarkerText(markerText, tool), manifest, []);
    } catch (error) {
      await staging.discard().catch(() => undefined);
      throw error;
    }
  }

  for (const [name, shard] of shards) {
    const mine = updates.filter((u) => shardOf(u.source.location.path) === name);
    if (mine.length === 0) continue;
    const reports: Record<string, CachedReport> = { ...shard.reports };
    for (const u of mine) reports[u.source.location.path] = u.entry;
    writeReportCacheShard(cacheDir, name, tool, reports);
  }
  const status = [...record.sources.status];
  const hashes = [...record.sources.hashes];
  const messages: Record<string, readonly StoredMessage[]> = { ...record.messages };
  for (const { source, entry, messages: now } of updates) {
    const { index, status: current } = source;
    status.splice(4 * index, 4, current.size, current.mtimeMs, current.ctimeMs, current.ino);
    hashes[index] = entry.hash;
    if (now.length > 0) messages[source.location.path] = now;
    else delete messages[source.location.path];
  }
  const markerNow = fileStatus(join(out, outputMarker));
  const sources = { ...record.sources, status, hashes };
  if (markerNow) writeSiteRecord(cacheDir, { ...record, configFile: input.configFile, marker: markerNow, savedAt: Date.now(), sources, messages });
  const recounted = countStored(messages);
  return {
    ok: true,
    files: storedFiles(found, messages),
    ...recounted,
    ...record.counts,
    changed: rerendered.length,
    processed: updates.filter((u) => u.processed).length,
    out: options.out,
  };
}

/** An output file whose key in the manifest changes from `from` to `to`. */
export interface Rekeyed {
  readonly path: string;
  readonly from: string;
  readonly to: string;
}

/** What a changed source gives: its new cache entry, its findings, and its page to move in (none when the output already has it). */
interface Update {
  readonly source: ChangedSource<FoundFile>;
  readonly entry: CachedReport;
  readonly messages: readonly StoredMessage[];
  /** Its page, when its bytes are not those the output was built from. */
  readonly page: (Rekeyed & { readonly content: string }) | undefined;
  /** Its JSON: the same bytes, under the new key. */
  readonly data: Rekeyed;
  readonly processed: boolean;
}

/**
 * One changed source: read, and processed when its bytes changed. Undefined
 * when the rest of the site could see the change (or the cache does not
 * hold what the output was built from), for the long way to handle.
 */
async function updateOf(source: ChangedSource<FoundFile>, input: RecordedRebuild, known: CachedReport | undefined): Promise<Update | undefined> {
  const { location, status, recordedHash } = source;
  // The cache entry must be the result of the very bytes the output was built from: a build that
  // saved the cache and then stopped before moving its output in leaves newer entries.
  if (!known || known.hash !== recordedHash || !sameLocation(known, location)) return undefined;
  let bytes: Uint8Array;
  try {
    bytes = readBytesSync(location);
  } catch {
    return undefined;
  }
  const hash = hashBytes(bytes);
  let processed: ProcessedReport | undefined;
  let result: StoredResult = known.result;
  if (hash !== known.hash) {
    const stages = await input.stages();
    processed = stages.processReport(location, bytes);
    result = storeResult(processed, stages);
    if (result.messages.some((m) => m.fatal) || (input.options.strict && result.messages.length > 0)) return undefined;
    if (JSON.stringify(result.site) !== JSON.stringify(known.result.site) || JSON.stringify(result.summary) !== JSON.stringify(known.result.summary)) return undefined;
  }
  const summary = result.summary;
  if (!summary) return undefined;

  // Its findings: its own, then the site-wide ones, which stay as they were since its site entry did.
  const recorded = input.record.messages[location.path] ?? [];
  const before = known.result.messages;
  if (recorded.length < before.length || before.some((m, i) => JSON.stringify(m) !== JSON.stringify(recorded[i]))) return undefined;
  const messages = [...result.messages, ...recorded.slice(before.length)];

  // The keys its page and JSON have in the manifest, as the build that saved the record gave them, and the keys they get now.
  const { slug, page, data } = reportPlace(location.folderAgency, summary.year, input.site);
  const keyFor = (bytesHash: string) => pageKey(input, bytesHash, location, slug);
  const from = keyFor(known.hash);
  const to = keyFor(hash);
  let pageFile: Update['page'];
  if (hash !== known.hash) {
    const stages = await input.stages();
    processed ??= stages.processReport(location, bytes);
    const rendered = stages.renderReportPage(processed, input.site).files;
    const html = rendered.find((f) => f.path === page);
    const json = rendered.find((f) => f.path === data);
    // Another JSON changes the aggregate data: the long way rewrites them.
    if (!html || !json || rendered.length !== 2 || readText(join(input.out, data)) !== json.content) return undefined;
    pageFile = { path: page, from, to, content: html.content };
  }
  const entry: CachedReport = { hash, folderAgency: location.folderAgency, pathYear: location.pathYear, ...status, result };
  return { source, entry, messages, page: pageFile, data: { path: data, from, to }, processed: processed !== undefined };
}

/**
 * The manifest's text with the keys of `files` changed, each from its
 * `from` to its `to`; undefined unless the text is a complete manifest
 * holding each of them among its files. The manifest is a fixed-format
 * JSON text of some 20,000 lines at 10,000 reports: two lines change, and
 * parsing and writing it again would take longer than the rest of the rebuild.
 */
export function patchManifest(text: string | undefined, files: readonly Rekeyed[]): string | undefined {
  if (text === undefined || !text.includes('\n "state": "complete",\n')) return undefined;
  // Only within the files object, where each path is one line (JSON keys are unique): the data and site page keys are not files' keys.
  const start = text.indexOf('\n "files": {\n');
  const end = start < 0 ? -1 : text.indexOf('\n }', start);
  if (end < 0) return undefined;
  const edits: { at: number; length: number; line: string }[] = [];
  for (const { path, from, to } of files) {
    const line = `\n  ${JSON.stringify(path)}: ${JSON.stringify(from)}`;
    const at = text.indexOf(line, start);
    if (at < 0 || at > end || edits.some((e) => e.at === at)) return undefined;
    edits.push({ at, length: line.length, line: `\n  ${JSON.stringify(path)}: ${JSON.stringify(to)}` });
  }
  edits.sort((x, y) => x.at - y.at);
  const parts: string[] = [];
  let from = 0;
  for (const edit of edits) {
    parts.push(text.slice(from, edit.at), edit.line);
    from = edit.at + edit.length;
  }
  parts.push(text.slice(from));
  return parts.join('');
}

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** Counts of stored findings, as `countFindings` counts them. */
function countStored(messages: Readonly<Record<string, readonly StoredMessage[]>>): { errorCount: number; warningCount: number } {
  let errorCount = 0;
  let warningCount = 0;
  for (const list of Object.values(messages)) for (const m of list) m.fatal ? errorCount++ : warningCount++;
  return { errorCount, warningCount };
}

/**
 * Every report's file with its stored findings. Each file is made when it
 * is first looked at: a rebuild with no findings to show makes none of the
 * 10,000.
 */
function storedFiles(found: readonly { readonly path: string }[], messages: Readonly<Record<string, readonly StoredMessage[]>>): { readonly file: VFile }[] {
  return found.map(({ path }) => {
    let file: VFile | undefined;
    return {
      get file() {
        return (file ??= restoreFile(path, messages[path] ?? []));
      },
    };
  });
}
