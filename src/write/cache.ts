/** Saving the report cache: whole, by rename, so a reader never sees half of it. */

import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ReportCache, SiteRecord } from '../cache/index.js';
import { reportCacheFile, siteRecordFile } from '../read/cache.js';

/** Save the report cache into `dir` (created when needed). A cache that cannot be saved only makes the next build slower. */
export function writeReportCache(dir: string, cache: ReportCache): boolean {
  return writeWhole(dir, reportCacheFile, cache);
}

/** Save the site record into `dir`. */
export function writeSiteRecord(dir: string, record: SiteRecord): boolean {
  return writeWhole(dir, siteRecordFile, record);
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
