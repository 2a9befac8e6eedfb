/** Saving the report cache's shards and the site record: each file whole, by rename, so a reader never sees half of one. */

import { mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cacheFormat, shardOf, type CachedReport, type ReportCache, type SiteRecord } from '../cache/index.js';
import { reportCacheFolder, shardFile, siteRecordFile } from '../read/cache.js';

/** The report cache's single file before it was split into shards: removed when the shards are saved. */
const formerReportCacheFile = 'reports.json';

/**
 * Save the report cache into `dir` (created when needed). Only the shards
 * whose entries are not, one for one, the very entries of `previous` (the
 * cache as it was read) are written; shards left with no report are removed.
 * A cache that cannot be saved only makes the next build slower.
 */
export function writeReportCache(dir: string, cache: ReportCache, previous?: ReportCache): boolean {
  const next = byShard(cache.reports);
  const before = previous ? byShard(previous.reports) : new Map<string, Record<string, CachedReport>>();
  const folder = join(dir, reportCacheFolder);
  let ok = true;
  try {
    mkdirSync(folder, { recursive: true });
    rmSync(join(dir, formerReportCacheFile), { force: true });
    for (const name of readdirSync(folder)) if (shardFile(name) && !next.has(name.slice(0, 2))) rmSync(join(folder, name), { force: true });
  } catch {
    return false;
  }
  for (const [name, reports] of next) {
    if (sameEntries(reports, before.get(name))) continue;
    ok = writeReportCacheShard(dir, name, cache.tool, reports) && ok;
  }
  return ok;
}

/** Save one shard of the report cache (`name` as `shardOf` gives it), saved now. */
export function writeReportCacheShard(dir: string, name: string, tool: string, reports: Readonly<Record<string, CachedReport>>): boolean {
  return writeWhole(join(dir, reportCacheFolder), `${name}.json`, { format: cacheFormat, tool, savedAt: Date.now(), reports });
}

/** Save the site record into `dir`. */
export function writeSiteRecord(dir: string, record: SiteRecord): boolean {
  return writeWhole(dir, siteRecordFile, record);
}

function byShard(reports: Readonly<Record<string, CachedReport>>): Map<string, Record<string, CachedReport>> {
  const shards = new Map<string, Record<string, CachedReport>>();
  for (const [path, entry] of Object.entries(reports)) {
    const name = shardOf(path);
    let shard = shards.get(name);
    if (!shard) shards.set(name, (shard = {}));
    shard[path] = entry;
  }
  return shards;
}

/** Whether two shards hold the same paths with the very same entry objects (an entry changed is always a new object). */
function sameEntries(a: Readonly<Record<string, CachedReport>>, b: Readonly<Record<string, CachedReport>> | undefined): boolean {
  if (!b) return false;
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
}

function writeWhole(dir: string, name: string, value: unknown): boolean {
  try {
    mkdirSync(dir, { recursive: true });
    const file = join(dir, name);
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify(value));
    renameSync(temporary, file);
    return true;
  } catch {
    return false;
  }
}
