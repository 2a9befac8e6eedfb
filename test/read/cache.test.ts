import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { racyWindowMs, shardOf, statusMatches, type CachedReport } from '../../src/cache/index.js';
import { readReportCache, readReportCacheShards } from '../../src/read/cache.js';
import { writeReportCache, writeReportCacheShard } from '../../src/write/cache.js';

const dir = mkdtempSync(join(tmpdir(), 'nianbao-cache-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const location = { path: 'reports/a/2021.md', folderAgency: 'a', pathYear: 2021 };
const entry = (mtimeMs: number): CachedReport => ({
  hash: 'h',
  folderAgency: 'a',
  pathYear: 2021,
  size: 10,
  mtimeMs,
  ctimeMs: mtimeMs,
  ino: 1,
  result: { messages: [], site: undefined, summary: undefined },
});

describe('the report cache’s shards', () => {
  it('should never vouch by status for an entry made within its shard’s racy window, even once saved again', () => {
    const now = Date.now();
    const recent = entry(now - racyWindowMs / 2);
    writeReportCacheShard(dir, shardOf(location.path), 'tool', { [location.path]: recent });
    const status = { size: 10, mtimeMs: recent.mtimeMs, ctimeMs: recent.ctimeMs, ino: 1 };
    const cache = readReportCache(dir, 'tool')!;
    expect(statusMatches(cache.reports[location.path]!, location, status, cache.savedAt)).toBe(false);
    // Saved again later as it was read (the quick rebuild rewrites a whole shard): still not by status.
    const shard = readReportCacheShards(dir, 'tool', [location.path]).get(shardOf(location.path))!;
    writeReportCacheShard(dir, shardOf(location.path), 'tool', shard.reports);
    const again = readReportCache(dir, 'tool')!;
    expect(again.reports[location.path]!.hash).toBe('h');
    expect(statusMatches(again.reports[location.path]!, location, status, again.savedAt + 10 * racyWindowMs)).toBe(false);
  });

  it('should vouch by status for an entry older than its shard’s racy window', () => {
    const old = entry(Date.now() - 10 * racyWindowMs);
    writeReportCacheShard(dir, shardOf(location.path), 'tool', { [location.path]: old });
    const cache = readReportCache(dir, 'tool')!;
    expect(statusMatches(cache.reports[location.path]!, location, { size: 10, mtimeMs: old.mtimeMs, ctimeMs: old.ctimeMs, ino: 1 }, cache.savedAt)).toBe(true);
    expect(readReportCache(dir, 'another tool')).toBeUndefined();
  });

  it('should rewrite only the shards whose entries changed, and remove those left empty', () => {
    const other = 'reports/b/2021.md';
    expect(shardOf(other)).not.toBe(shardOf(location.path));
    const first = { format: 2 as const, tool: 'tool', savedAt: Date.now(), reports: { [location.path]: entry(1), [other]: entry(2) } };
    writeReportCache(dir, first);
    const read = readReportCache(dir, 'tool')!;
    const before = readReportCacheShards(dir, 'tool', [other]).get(shardOf(other))!.savedAt;
    writeReportCache(dir, { ...read, reports: { [location.path]: entry(3), [other]: read.reports[other]! } }, read);
    expect(readReportCacheShards(dir, 'tool', [other]).get(shardOf(other))!.savedAt).toBe(before);
    expect(readReportCache(dir, 'tool')!.reports[location.path]!.mtimeMs).toBe(3);
    writeReportCache(dir, { ...read, reports: { [location.path]: entry(3) } }, readReportCache(dir, 'tool'));
    expect(readReportCacheShards(dir, 'tool', [other]).size).toBe(0);
  });
});
