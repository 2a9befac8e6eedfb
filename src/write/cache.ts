/** Saving the report cache: whole, by rename, so a reader never sees half of it. */

import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ReportCache } from '../cache/index.js';
import { reportCacheFile } from '../read/cache.js';

/** Save the report cache into `dir` (created when needed). A cache that cannot be saved only makes the next build slower. */
export function writeReportCache(dir: string, cache: ReportCache): boolean {
  try {
    mkdirSync(dir, { recursive: true });
    const file = join(dir, reportCacheFile);
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify(cache));
    renameSync(temporary, file);
    return true;
  } catch {
    return false;
  }
}
