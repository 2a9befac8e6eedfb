/**
 * Reading what earlier builds left: the report cache's shards under the
 * cache folder, the site record, and the output manifest in the output's
 * marker file. Anything missing, unreadable, of another format or made by
 * another version of the tool reads as nothing: the build then does that
 * part afresh.
 */

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { cacheFormat, racyWindowMs, shardOf, type CachedReport, type OutputManifest, type ReportCache, type ReportCacheShard, type SiteRecord } from '../cache/index.js';
import { outputMarker } from '../write/output.js';

/** The report cache's folder in the cache folder: one `<shard>.json` per shard. */
export const reportCacheFolder = 'reports';
/** The site record's file in the cache folder (see `SiteRecord`). */
export const siteRecordFile = 'site.json';

/** The site record in `dir`, when it is there and of this format. */
export function readSiteRecord(dir: string): SiteRecord | undefined {
  const record = readJson(join(dir, siteRecordFile)) as Partial<SiteRecord> | undefined;
  if (record?.format !== cacheFormat || typeof record.messages !== 'object' || record.messages === null || !record.marker || !record.counts || !record.configFile) return undefined;
  const sources = record.sources;
  const n = Array.isArray(sources?.paths) ? sources.paths.length : -1;
  if (!sources || n < 0 || sources.status?.length !== 4 * n || sources.folders?.length !== n || sources.years?.length !== n || sources.hashes?.length !== n) return undefined;
  return record as SiteRecord;
}

/**
 * The report cache in `dir`: every shard made by the tool with fingerprint
 * `tool`, as one record; undefined when there is none.
 *
 * Each shard was saved at its own time, so each entry's racy window counts
 * from its own shard's `savedAt`. An entry within it is given an impossible
 * status here (NaN), so that only its content hash can vouch for it; every
 * other entry is older than any shard's window, and the whole cache can
 * carry the latest `savedAt`.
 */
export function readReportCache(dir: string, tool: string): ReportCache | undefined {
  const folder = join(dir, reportCacheFolder);
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return undefined;
  }
  const reports: Record<string, CachedReport> = {};
  let savedAt: number | undefined;
  for (const name of names.sort()) {
    const shard = shardFile(name) && readShard(join(folder, name), tool);
    if (!shard) continue;
    Object.assign(reports, settled(shard));
    savedAt = Math.max(savedAt ?? 0, shard.savedAt);
  }
  return savedAt === undefined ? undefined : { format: cacheFormat, tool, savedAt, reports };
}

/**
 * The shards of the report cache that hold `paths` (each entry settled as
 * `readReportCache` does), by shard name; a shard missing or of another
 * tool is absent.
 */
export function readReportCacheShards(dir: string, tool: string, paths: Iterable<string>): Map<string, ReportCacheShard> {
  const shards = new Map<string, ReportCacheShard>();
  for (const path of paths) {
    const name = shardOf(path);
    if (shards.has(name)) continue;
    const shard = readShard(join(dir, reportCacheFolder, `${name}.json`), tool);
    if (shard) shards.set(name, { ...shard, reports: settled(shard) });
  }
  return shards;
}

/** Whether `name` is a shard's file name. */
export function shardFile(name: string): boolean {
  return /^[0-9a-f]{2}\.json$/.test(name);
}

function readShard(file: string, tool: string): ReportCacheShard | undefined {
  const shard = readJson(file) as Partial<ReportCacheShard> | undefined;
  if (shard?.format !== cacheFormat || shard.tool !== tool || typeof shard.savedAt !== 'number' || typeof shard.reports !== 'object' || shard.reports === null) return undefined;
  return shard as ReportCacheShard;
}

/** A shard's entries, those changed within its racy window given a status that matches no file. */
function settled(shard: ReportCacheShard): Record<string, CachedReport> {
  const limit = shard.savedAt - racyWindowMs;
  const reports: Record<string, CachedReport> = {};
  for (const [path, entry] of Object.entries(shard.reports)) {
    // NaN equals no status; saved, it reads back as null, which equals none either.
    const settled = typeof entry.mtimeMs === 'number' && typeof entry.ctimeMs === 'number' && entry.mtimeMs < limit && entry.ctimeMs < limit;
    reports[path] = settled ? entry : { ...entry, mtimeMs: Number.NaN, ctimeMs: Number.NaN };
  }
  return reports;
}

/** The manifest of the output folder `out`, whatever its state; undefined when there is none (a first build, or an older nianbao's output). */
export function readManifest(out: string): OutputManifest | undefined {
  const manifest = readJson(join(out, outputMarker)) as Partial<OutputManifest> | undefined;
  if (manifest?.format !== cacheFormat || typeof manifest.files !== 'object' || manifest.files === null || typeof manifest.data !== 'object' || manifest.data === null) return undefined;
  return manifest as OutputManifest;
}

/** A file's status as the report cache compares it. */
export function fileStatus(path: string): { size: number; mtimeMs: number; ctimeMs: number; ino: number } | undefined {
  try {
    const s = statSync(path, { throwIfNoEntry: false });
    return s && { size: s.size, mtimeMs: s.mtimeMs, ctimeMs: s.ctimeMs, ino: s.ino };
  } catch {
    return undefined;
  }
}

function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
}
