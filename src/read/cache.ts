/**
 * Reading what earlier builds left: the report cache under the cache
 * folder and the output manifest in the output's marker file. Anything
 * missing, unreadable, of another format or made by another version of the
 * tool reads as nothing: the build then does everything afresh.
 */

import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { cacheFormat, type OutputManifest, type ReportCache, type SiteRecord } from '../cache/index.js';
import { outputMarker } from '../write/output.js';

/** The report cache's file in the cache folder. */
export const reportCacheFile = 'reports.json';
/** The site record's file in the cache folder (see `SiteRecord`). */
export const siteRecordFile = 'site.json';

/** The site record in `dir`, when it is there and of this format. */
export function readSiteRecord(dir: string): SiteRecord | undefined {
  const record = readJson(join(dir, siteRecordFile)) as Partial<SiteRecord> | undefined;
  if (record?.format !== cacheFormat || typeof record.sources !== 'object' || record.sources === null || typeof record.messages !== 'object' || !record.marker || !record.counts) return undefined;
  return record as SiteRecord;
}

/** The report cache in `dir`, when it is there and was made by the tool with fingerprint `tool`. */
export function readReportCache(dir: string, tool: string): ReportCache | undefined {
  const cache = readJson(join(dir, reportCacheFile)) as Partial<ReportCache> | undefined;
  if (cache?.format !== cacheFormat || cache.tool !== tool || typeof cache.savedAt !== 'number' || typeof cache.reports !== 'object' || cache.reports === null) return undefined;
  return cache as ReportCache;
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
    const s = statSync(path);
    return { size: s.size, mtimeMs: s.mtimeMs, ctimeMs: s.ctimeMs, ino: s.ino };
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
