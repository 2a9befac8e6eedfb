/**
 * A build spread over worker threads (`src/build/pool.ts`) must be the same
 * build as one in the main thread: the same bytes in the output, the same
 * findings, the same refusals, and the cache as safe.
 */

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeSite } from '../../bench/generate/index.js';
import { build } from '../../src/build.js';
import { workerContext, workerCount, workerPool } from '../../src/build/pool.js';
import { buildDefaults, defaultSiteConfig } from '../../src/options.js';
import { planSlugs } from '../../src/render/urls.js';
import { findReports } from '../../src/read/files.js';
import { fixture, projectsRemovedAfterAll, snapshot, twoAgencies } from '../helpers/project.js';

const project = projectsRemovedAfterAll();
const options = (cwd: string, more: Partial<Parameters<typeof build>[0]> = {}) => ({ ...buildDefaults, cwd, ...more });

/** A project of the two real reports and `n` synthetic ones in agency folders. */
function site(n: number): string {
  const { dir } = project(twoAgencies);
  writeSite(dir, n, 7);
  return dir;
}

function expectSameFiles(a: Map<string, Buffer>, b: Map<string, Buffer>): void {
  expect([...a.keys()]).toEqual([...b.keys()]);
  for (const [path, bytes] of a) expect(b.get(path)!.equals(bytes), path).toBe(true);
}

/** The findings of a build as text, in the order of the reports. */
function findings(result: Awaited<ReturnType<typeof build>>): string[] {
  return result.files.flatMap(({ file }) => file.messages.map((m) => `${file.path}:${m.line}:${m.column} ${m.ruleId} ${m.fatal} ${m.reason}`));
}

describe('a build on worker threads', () => {
  it('should write the same bytes and report the same findings as a build in the main thread', async () => {
    const dir = site(30);
    const threads = await build(options(dir, { out: 'threads', cache: false, jobs: 3 }));
    const main = await build(options(dir, { out: 'main', cache: false, jobs: 1 }));
    expect(threads.ok).toBe(true);
    expect(threads.reports).toBe(32);
    expect(threads.processed).toBe(32);
    expect(findings(threads)).toEqual(findings(main));
    expectSameFiles(snapshot(join(dir, 'threads')), snapshot(join(dir, 'main')));
  });

  it('should fail on a broken report with the same findings, and leave the output as it was', async () => {
    const dir = site(12);
    expect((await build(options(dir, { jobs: 2 }))).ok).toBe(true);
    const before = snapshot(join(dir, 'dist'));
    const path = join(dir, 'reports/changdai/2021.md');
    writeFileSync(path, readFileSync(path, 'utf8').replace('一、本年新收政府信息公开申请数量\t\t0\t0', '一、本年新收政府信息公开申请数量\t\t1\t0'));
    const threads = await build(options(dir, { jobs: 2 }));
    const main = await build(options(dir, { out: 'main', cache: false, jobs: 1 }));
    expect(threads.ok).toBe(false);
    expect(threads.errorCount).toBeGreaterThan(0);
    expect(findings(threads)).toEqual(findings(main));
    expectSameFiles(snapshot(join(dir, 'dist')), before);
  });

  it('should give the clean build’s output after reports changed, were added and removed, with the cache', async () => {
    const dir = site(20);
    expect((await build(options(dir, { jobs: 2 }))).ok).toBe(true);
    const [first, second] = (await findReports(['reports'], dir)).filter((f) => f.folderAgency !== 'changdai' && f.folderAgency !== '淮安市人民政府 v1.0');
    writeFileSync(first!.absolute, `${readFileSync(first!.absolute, 'utf8')}\n本年度另有一段说明。\n`);
    const original = readFileSync(second!.absolute);
    writeFileSync(second!.absolute, '');
    mkdirSync(join(dir, 'reports/新增机关'));
    writeFileSync(join(dir, 'reports/新增机关/2021.md'), readFileSync(fixture('corpus/changdai-2021.md'), 'utf8').replaceAll('常袋镇', '新增镇'));
    const broken = await build(options(dir, { jobs: 2 }));
    expect(broken.ok).toBe(false);
    expect(findings(broken).some((line) => line.includes('empty-file'))).toBe(true);
    writeFileSync(second!.absolute, original);
    const rebuilt = await build(options(dir, { jobs: 2 }));
    const clean = await build(options(dir, { out: 'clean', cache: false, jobs: 1 }));
    expect(findings(rebuilt).filter((line) => line.includes(' true '))).toEqual([]);
    expect(rebuilt.ok).toBe(true);
    expect(rebuilt.processed).toBeLessThan(clean.processed);
    expectSameFiles(snapshot(join(dir, 'dist')), snapshot(join(dir, 'clean')));
  });

  it('should write the same aggregate data when a file name does not tell the report’s year', async () => {
    const named = project(twoAgencies).dir;
    const unnamed = project({ 'reports/changdai/年报.md': fixture('corpus/changdai-2021.md'), 'reports/淮安市人民政府 v1.0/2024.md': fixture('corpus/huaian-2024.md') }).dir;
    expect((await build(options(named, { jobs: 2 }))).ok).toBe(true);
    expect((await build(options(unnamed, { jobs: 2 }))).ok).toBe(true);
    for (const path of ['dist/data/reports.json', 'dist/data/reports.csv']) {
      expect(readFileSync(join(unnamed, path), 'utf8')).toBe(readFileSync(join(named, path), 'utf8'));
    }
  });

  it('should report a page conflict found across workers, and leave the output as it was', async () => {
    const { dir } = project({ 'reports/2021.md': fixture('corpus/changdai-2021.md'), 'reports/moumou-2021.md': fixture('corpus/changdai-2021.md') });
    const threads = await build(options(dir, { jobs: 2 }));
    const main = await build(options(dir, { out: 'main', jobs: 1, cache: false }));
    expect(threads.ok).toBe(false);
    expect(findings(threads).filter((line) => line.includes('page-conflict'))).toHaveLength(1);
    expect(findings(threads)).toEqual(findings(main));
  });

  it('should fail with a clear message when a worker cannot write, not with a stack trace', async () => {
    const { dir } = project({ 'reports/2021.md': fixture('corpus/changdai-2021.md'), 'not-a-folder': 'x' });
    const [location] = await findReports(['reports'], dir);
    const setup = { site: { config: defaultSiteConfig(), slugs: new Map() }, tool: 't', configKey: 'c', stagingDir: join(dir, 'not-a-folder'), manifest: undefined };
    const pool = workerPool(1, setup);
    try {
      await expect(pool.run([{ index: 0, location: location!, status: undefined, known: undefined, render: false, aggregate: false }], () => undefined)).rejects.toThrow(/写入 2021\/index.html 失败 \(writing 2021\/index.html in .*not-a-folder\): ENOTDIR/);
    } finally {
      await pool.close();
    }
    expect(workerContext(setup).staging.dir).toBe(join(dir, 'not-a-folder'));
  });

  it('should run a worker’s batches in the main thread when the worker runs out of memory', async () => {
    const dir = site(6);
    const found = await findReports(['reports'], dir);
    const setup = { site: { config: defaultSiteConfig(), slugs: planSlugs(found.flatMap((f) => (f.folderAgency ? [f.folderAgency] : []))) }, tool: 't', configKey: 'c', stagingDir: join(dir, 'staging'), manifest: undefined };
    mkdirSync(setup.stagingDir);
    // An old generation far too small for the parser: every worker runs out of memory.
    const pool = workerPool(2, setup, { oldSpaceMb: 2 });
    const indexes: number[] = [];
    try {
      await pool.run(
        found.map((location, index) => ({ index, location, status: undefined, known: undefined, render: false, aggregate: false })),
        (outcome) => {
          expect(outcome.page?.paths).toHaveLength(2);
          indexes.push(outcome.index);
        },
      );
    } finally {
      await pool.close();
    }
    expect(indexes.sort((a, b) => a - b)).toEqual(found.map((_, index) => index));
  });

  it('should start workers only when there is enough work for them, or when asked', () => {
    expect(workerCount(10, undefined)).toBe(0);
    expect(workerCount(10, 2)).toBe(2);
    expect(workerCount(0, 2)).toBe(0);
    expect(workerCount(100_000, 1)).toBe(0);
  });
});
