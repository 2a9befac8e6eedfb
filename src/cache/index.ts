/**
 * What the build remembers between runs, as plain data, and the keys that
 * decide whether a remembered result may be used. Pure: the read and write
 * stages load and save it (`read/cache.ts`, `write/cache.ts`).
 *
 * Two records:
 * - the report cache (`.cache/nianbao/reports/<shard>.json`): per report
 *   file, a content hash of its bytes and what processing them gave (its
 *   findings, its site-wide check entry, its summary). Valid only for the
 *   tool fingerprint it was made by. Used when the file's size, times and
 *   inode are those recorded (like make), or when its bytes hash the same.
 *   Split into `shardCount` shards by path (`shardOf`), each saved whole with
 *   its own time: a rebuild after one report changed reads and rewrites one
 *   shard of some forty reports, not a file of every report's results.
 * - the output manifest (in the output's marker file `.nianbao-output`):
 *   per output file, the key of the inputs it was built from. A file is
 *   rewritten only when its key changes. A manifest whose state is not
 *   `complete` (a build stopped while moving files in) is not trusted: the
 *   next build rebuilds the whole output.
 */

import { createHash } from 'node:crypto';
import { VFile } from 'vfile';
import { source } from '../messages/index.js';
import type { ApplicantCounts, Report, ReportFormat } from '../model/index.js';
import type { Place } from '../parse/types.js';
import type { ProcessedReport, ReportLocation, SiteEntry } from '../process.js';
import type { SiteConfig } from '../options.js';
import type { Headline } from '../render/site.js';

/** A finding as stored: enough to show it again exactly as the first time. */
export interface StoredMessage {
  readonly reason: string;
  readonly ruleId: string | undefined;
  readonly fatal: boolean | undefined;
  readonly place: Place | undefined;
}

/** What processing one report gave, as stored. */
export interface StoredResult {
  readonly messages: readonly StoredMessage[];
  /** Its site-wide check entry, without its file. */
  readonly site: (Omit<SiteEntry, 'file' | 'sourceMap'> & { readonly sourceMap: readonly (readonly [string, Place])[] }) | undefined;
  /** What the site pages need, when it has no errors. */
  readonly summary: StoredSummary | undefined;
}

/** The parts of a report's summary that do not depend on the rest of the site. */
export interface StoredSummary {
  readonly agency: string;
  readonly year: number;
  readonly format: ReportFormat;
  readonly title: string;
  readonly headline: Headline;
  /** Where its title is, for a `page-conflict` finding. */
  readonly titlePlace: Place | undefined;
}

/** One report file in the report cache. */
export interface CachedReport {
  /** Content hash of the file's bytes. */
  readonly hash: string;
  readonly folderAgency: string | undefined;
  readonly pathYear: number | undefined;
  /** The file's status when it was hashed: when all match, the bytes are not read again. */
  readonly size: number;
  readonly mtimeMs: number;
  readonly ctimeMs: number;
  readonly ino: number;
  readonly result: StoredResult;
}

/** The report cache. */
export interface ReportCache {
  readonly format: typeof cacheFormat;
  /** The tool fingerprint it was made by. */
  readonly tool: string;
  /** When it was saved (ms since the epoch): a file changed within `racyWindowMs` before that is hashed again. */
  readonly savedAt: number;
  /** By the report's path as messages show it. */
  readonly reports: Readonly<Record<string, CachedReport>>;
}

/** One shard of the report cache, as saved: the reports whose paths fall in it (`shardOf`). */
export interface ReportCacheShard {
  readonly format: typeof cacheFormat;
  readonly tool: string;
  /** When this shard was saved: its entries' racy window is counted from here. */
  readonly savedAt: number;
  readonly reports: Readonly<Record<string, CachedReport>>;
}

/** Bumped whenever the shape of the cache or the manifest changes. */
export const cacheFormat = 2;

/** How many shards the report cache is split into: about forty reports each at 10,000 reports. */
export const shardCount = 256;

/**
 * The shard of the report cache that holds the report at `path`: two hex
 * digits of a hash of the path (FNV-1a: a few nanoseconds per path, and the
 * same on every machine).
 */
export function shardOf(path: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < path.length; i++) {
    hash ^= path.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (((hash ^ (hash >>> 16)) >>> 0) % shardCount).toString(16).padStart(2, '0');
}

/**
 * A file whose modification time is this close to the moment the cache was
 * saved could have changed again within the same clock tick without its
 * size changing: its status is not trusted and its bytes are hashed.
 */
export const racyWindowMs = 2000;

/** A file's status as the caches compare it. */
export interface FileStatus {
  readonly size: number;
  readonly mtimeMs: number;
  readonly ctimeMs: number;
  readonly ino: number;
}

/**
 * What a successful build leaves for the next one to tell, cheaply, what
 * changed: the tool, the configuration, the output folder and the status of
 * its marker, every source's place, status and content hash, and every
 * finding the build printed. Small (no per-report results), so a no-change
 * rebuild reads it, lists and stats the sources, and stops there; a rebuild
 * after a few reports changed starts from it (see `rebuild.ts`).
 */
export interface SiteRecord {
  readonly format: typeof cacheFormat;
  readonly tool: string;
  /** The key of the configuration (`keyOf(stableJson(config))`). */
  readonly config: string;
  /** The configuration itself and the text it was read from: the same tool need not validate the same text again. */
  readonly configFile: { readonly source: string; readonly config: SiteConfig };
  readonly out: string;
  readonly marker: FileStatus;
  readonly savedAt: number;
  /** Every source, in the order of their paths: its status, agency folder, the year its name states and the hash of the bytes it was built from. */
  readonly sources: RecordedSources;
  /** Source path → the findings the build reported on it, its own first, then the site-wide ones (files without findings are absent). */
  readonly messages: Readonly<Record<string, readonly StoredMessage[]>>;
  readonly counts: { readonly reports: number; readonly pages: number; readonly dataFiles: number };
}

/**
 * The sources as the site record keeps them: by column, for 10,000 of them
 * are read on every rebuild, and a few long arrays parse in a third of the
 * time of 10,000 small ones.
 */
export interface RecordedSources {
  readonly paths: readonly string[];
  /** Size, mtimeMs, ctimeMs and inode of each source, one source after another. */
  readonly status: readonly number[];
  readonly folders: readonly (string | null)[];
  readonly years: readonly (number | null)[];
  readonly hashes: readonly (string | null)[];
}

/** Record `found`, in order, with what `each` gives of each; a source that gives nothing is left out (and the record then fits no later build). */
export function recordSources<L extends ReportLocation>(found: readonly L[], each: (location: L) => { readonly status: FileStatus; readonly hash: string | undefined } | undefined): RecordedSources {
  const sources = { paths: [] as string[], status: [] as number[], folders: [] as (string | null)[], years: [] as (number | null)[], hashes: [] as (string | null)[] };
  for (const location of found) {
    const known = each(location);
    if (!known) continue;
    sources.paths.push(location.path);
    sources.status.push(known.status.size, known.status.mtimeMs, known.status.ctimeMs, known.status.ino);
    sources.folders.push(location.folderAgency ?? null);
    sources.years.push(location.pathYear ?? null);
    sources.hashes.push(known.hash ?? null);
  }
  return sources;
}

/** A source whose status is not the recorded one (or too recent to vouch for its bytes), with its status now. */
export interface ChangedSource<L> {
  readonly location: L;
  /** Its place in the record's sources. */
  readonly index: number;
  readonly status: FileStatus;
  /** The hash of the bytes the output was built from. */
  readonly recordedHash: string | null;
}

/**
 * Which sources changed since the build that saved `record`, or undefined
 * when the record cannot tell: another tool, configuration or output
 * folder, an output rebuilt since (its marker's status differs), or another
 * set of sources (added, removed, moved, a source gone). A source whose
 * status is that recorded is unchanged unless it changed within the racy
 * window of the record's saving; such a source is listed as changed, for
 * its bytes to decide. `found` is in the order of paths, as the record is.
 */
export function changedSince<L extends ReportLocation>(
  record: SiteRecord,
  now: { readonly tool: string; readonly config: string; readonly out: string; readonly marker: FileStatus | undefined },
  found: readonly L[],
  status: (location: L) => FileStatus | undefined,
): ChangedSource<L>[] | undefined {
  if (record.tool !== now.tool || record.config !== now.config || record.out !== now.out || !now.marker) return undefined;
  const m = record.marker;
  if (m.size !== now.marker.size || m.mtimeMs !== now.marker.mtimeMs || m.ino !== now.marker.ino) return undefined;
  const { paths, status: kept, folders, years, hashes } = record.sources;
  if (found.length !== paths.length) return undefined;
  const limit = record.savedAt - racyWindowMs;
  const changed: ChangedSource<L>[] = [];
  for (let i = 0; i < found.length; i++) {
    const location = found[i]!;
    if (location.path !== paths[i] || (location.folderAgency ?? null) !== folders[i] || (location.pathYear ?? null) !== years[i]) return undefined;
    const current = status(location);
    if (!current) return undefined;
    const same = kept[4 * i] === current.size && kept[4 * i + 1] === current.mtimeMs && kept[4 * i + 2] === current.ctimeMs && kept[4 * i + 3] === current.ino;
    if (!same || current.mtimeMs >= limit || current.ctimeMs >= limit) changed.push({ location, index: i, status: current, recordedHash: hashes[i] ?? null });
  }
  return changed;
}

/** The output manifest, kept in the output's marker file. */
export interface OutputManifest {
  readonly note: string;
  readonly format: typeof cacheFormat;
  /** `complete` once every file is in place; `writing` while files are being moved in. */
  readonly state: 'complete' | 'writing';
  readonly tool: string;
  /** Output path → the key of what it was built from. */
  readonly files: Readonly<Record<string, string>>;
  /** A report's data path → the hash of its JSON: the aggregate data depend only on these. */
  readonly data: Readonly<Record<string, string>>;
  /**
   * The home and agency pages: `key` covers everything they are made from
   * (the tool, the configuration and every report's summary); while it holds,
   * a rebuild takes `pages` (path → key) as they are instead of planning
   * every page again, which at 10,000 reports is most of a no-change rebuild.
   */
  readonly site?: { readonly key: string; readonly pages: Readonly<Record<string, string>> };
}

/** A short hex digest of the parts, each separated so that no two lists of parts collide. */
export function keyOf(...parts: readonly (string | number | undefined)[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part === undefined ? '\u0001' : `${String(part)}\u0000`);
  return hash.digest('hex').slice(0, 32);
}

/** The hash of a report's published JSON, when the output holds its page and data made with `key`; else undefined (they must be rendered). */
export function publishedDataHash(manifest: OutputManifest | undefined, place: { readonly page: string; readonly data: string }, key: string): string | undefined {
  return manifest?.files[place.page] === key && manifest.files[place.data] === key ? manifest.data[place.data] : undefined;
}

/**
 * The key of a report's page and data: what they are made of. The page
 * shows the report, the configuration and links that depend on its place.
 */
export function pageKey(build: { readonly tool: string; readonly configKey: string }, hash: string, location: ReportLocation, slug: string | undefined): string {
  return keyOf('report', build.tool, build.configKey, hash, location.path, location.folderAgency, location.pathYear, slug);
}

/** The content hash of a file's bytes. */
export function hashBytes(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex').slice(0, 32);
}

/** Whether a cached entry still describes the file at `location` with this status, without reading it. */
export function statusMatches(entry: CachedReport, location: ReportLocation, status: { size: number; mtimeMs: number; ctimeMs: number; ino: number }, savedAt: number): boolean {
  return (
    sameLocation(entry, location) &&
    entry.size === status.size &&
    entry.mtimeMs === status.mtimeMs &&
    entry.ctimeMs === status.ctimeMs &&
    entry.ino === status.ino &&
    status.mtimeMs < savedAt - racyWindowMs &&
    status.ctimeMs < savedAt - racyWindowMs
  );
}

/** Whether a cached entry was made for a report at the same place (the model reads the folder and the year from it). */
export function sameLocation(entry: CachedReport, location: ReportLocation): boolean {
  return entry.folderAgency === location.folderAgency && entry.pathYear === location.pathYear;
}

/** What the report cache keeps of a processed report (`siteEntryOf` and `headlineOf` are the stages' own). */
export function storeResult(
  processed: ProcessedReport,
  { siteEntryOf, headlineOf }: { readonly siteEntryOf: (processed: ProcessedReport) => SiteEntry | undefined; readonly headlineOf: (report: Report) => Headline },
): StoredResult {
  const report = processed.model?.report;
  return {
    messages: storeMessages(processed.file),
    site: storeSiteEntry(siteEntryOf(processed)),
    summary: report ? {
      agency: report.agency,
      year: report.year,
      format: report.format,
      title: report.title,
      headline: headlineOf(report),
      titlePlace: processed.parsed?.title?.place,
    } : undefined,
  };
}

/** The manifest as the marker file holds it: the note first, keys in a fixed order, so equal manifests are equal bytes. */
export function manifestText(manifest: OutputManifest): string {
  return `${JSON.stringify(manifest, null, 1)}\n`;
}

/**
 * The marker while files are being moved in: it only needs to say so, for
 * a manifest in that state is never trusted (the next build rebuilds the
 * whole output). Short, so that marking costs nothing beside the moves.
 */
export function writingMarkerText(note: string, tool: string): string {
  return manifestText({ note, format: cacheFormat, state: 'writing', tool, files: {}, data: {} });
}

/** A finding as stored. */
export function storeMessages(file: VFile): StoredMessage[] {
  return file.messages.map((m) => ({
    reason: m.reason,
    ruleId: m.ruleId,
    fatal: m.fatal ?? undefined,
    place:
      m.place && 'start' in m.place
        ? { line: m.place.start.line, column: m.place.start.column, endLine: m.place.end.line, endColumn: m.place.end.column }
        : m.line === undefined
          ? undefined
          : { line: m.line, column: m.column ?? 1, endLine: m.line, endColumn: m.column ?? 1 },
  }));
}

/** A report's file again, with its stored findings, as processing it would give. */
export function restoreFile(path: string, messages: readonly StoredMessage[]): VFile {
  const file = new VFile({ path });
  for (const m of messages) {
    const message = file.message(m.reason, {
      place: m.place && { start: { line: m.place.line, column: m.place.column }, end: { line: m.place.endLine, column: m.place.endColumn } },
      ruleId: m.ruleId,
      source,
    });
    message.fatal = m.fatal;
  }
  return file;
}

/** A site-wide check entry as stored. */
export function storeSiteEntry(entry: SiteEntry | undefined): StoredResult['site'] {
  if (!entry) return undefined;
  const { file: _file, sourceMap, ...rest } = entry;
  return { ...rest, sourceMap: [...sourceMap] };
}

/** A site-wide check entry again, on `file`. */
export function restoreSiteEntry(stored: StoredResult['site'], file: VFile): SiteEntry | undefined {
  if (!stored) return undefined;
  return {
    file,
    agency: stored.agency,
    year: stored.year,
    carriedOver: stored.carriedOver as ApplicantCounts | undefined,
    carriedForward: stored.carriedForward as ApplicantCounts | undefined,
    sourceMap: new Map(stored.sourceMap),
    carryOverNote: stored.carryOverNote,
    titleLine: stored.titleLine,
  };
}

/**
 * JSON with the keys of every object sorted, so that equal values give
 * equal text (the configuration's key, the site pages' keys).
 */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}
