import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { build } from '../src/build.js';
import { buildDefaults } from '../src/options.js';
import { toolFingerprint } from '../src/read/fingerprint.js';
import { outputMarker } from '../src/write/output.js';
import { fixture, run, snapshot, twoAgencies, projectsRemovedAfterAll } from './helpers/project.js';
import { shardOf } from '../src/cache/index.js';

const project = projectsRemovedAfterAll();

const options = (cwd: string, more: Partial<Parameters<typeof build>[0]> = {}) => ({ ...buildDefaults, cwd, ...more });

/** The output of a clean build (no cache) of the same project, into another folder. */
async function cleanBuild(dir: string, tool?: string): Promise<Map<string, Buffer>> {
  rmSync(join(dir, 'clean'), { recursive: true, force: true });
  const result = await build(options(dir, { out: 'clean', cache: false }), { tool });
  expect(result.ok).toBe(true);
  return snapshot(join(dir, 'clean'));
}

/** Expect the cached output to be byte for byte the clean build's. */
async function expectSameAsClean(dir: string, tool?: string): Promise<void> {
  const cached = snapshot(join(dir, 'dist'));
  const clean = await cleanBuild(dir, tool);
  expect([...cached.keys()]).toEqual([...clean.keys()]);
  for (const [path, bytes] of clean) expect(cached.get(path)!.equals(bytes), path).toBe(true);
}

const changdai = 'reports/changdai/2021.md';

// Every test of the cache twice: in the main thread, and with two worker threads (compared with clean builds in the main thread).
describe.each([1, 2])('the build cache, %i thread(s)', (jobs) => {
  const options = (cwd: string, more: Partial<Parameters<typeof build>[0]> = {}) => ({ ...buildDefaults, cwd, jobs, ...more });

  it('should rewrite nothing when nothing changed, and process no report again', async () => {
    const { dir } = project(twoAgencies);
    const first = await build(options(dir));
    expect(first.ok).toBe(true);
    expect(first.processed).toBe(2);
    expect(existsSync(join(dir, '.cache/nianbao/reports'))).toBe(true);
    const before = statSync(join(dir, 'dist/changdai/2021/index.html')).mtimeMs;
    const second = await build(options(dir));
    expect(second.ok).toBe(true);
    expect(second.changed).toBe(0);
    expect(second.warningCount).toBe(first.warningCount);
    expect(statSync(join(dir, 'dist/changdai/2021/index.html')).mtimeMs).toBe(before);
    await expectSameAsClean(dir);
  });

  it('should show a cached report’s warnings again, at the same places', async () => {
    const { dir } = project(twoAgencies);
    const first = await run(['build'], dir);
    const second = await run(['build'], dir);
    const findings = (text: string) => text.split('\n').filter((line) => /  (warning|error)  /.test(line));
    expect(findings(first.stdout).length).toBeGreaterThan(0);
    expect(findings(second.stdout)).toEqual(findings(first.stdout));
  });

  it('should give the clean build’s output after a report changed, even within the same second and at the same size', async () => {
    const { dir } = project(twoAgencies);
    expect((await build(options(dir))).ok).toBe(true);
    const path = join(dir, changdai);
    const text = readFileSync(path, 'utf8');
    // Same length in bytes, same modification time: only the content hash can tell.
    const mtime = statSync(path).mtime;
    writeFileSync(path, text.replace('常袋镇人民政府2021年', '常袋乡人民政府2021年'));
    utimesSync(path, mtime, mtime);
    const result = await build(options(dir));
    expect(result.ok).toBe(true);
    expect(result.processed).toBe(1);
    expect(readFileSync(join(dir, 'dist/changdai/2021/index.html'), 'utf8')).toContain('常袋乡人民政府');
    await expectSameAsClean(dir);

    // A figure changes: the report's JSON and the aggregate data follow.
    writeFileSync(path, readFileSync(path, 'utf8') + '\n\n补充说明一句。\n');
    expect((await build(options(dir))).ok).toBe(true);
    await expectSameAsClean(dir);
  });

  it('should remove the pages of a report that was deleted, and add those of a new one', async () => {
    const { dir, add } = project(twoAgencies);
    expect((await build(options(dir))).ok).toBe(true);
    rmSync(join(dir, changdai));
    add({ 'reports/other/2021.md': fixture('corpus/changdai-2021.md') });
    expect((await build(options(dir))).ok).toBe(true);
    expect(existsSync(join(dir, 'dist/changdai'))).toBe(false);
    expect(existsSync(join(dir, 'dist/other/2021/index.html'))).toBe(true);
    await expectSameAsClean(dir);
  });

  it('should give the clean build’s output after the configuration changed', async () => {
    const { dir } = project({ ...twoAgencies, 'nianbao.config.json': JSON.stringify({ siteName: '甲县政府信息公开' }) });
    expect((await build(options(dir))).ok).toBe(true);
    writeFileSync(join(dir, 'nianbao.config.json'), JSON.stringify({ siteName: '乙县政府信息公开', siteIdCode: '3200000000' }));
    const result = await build(options(dir));
    expect(result.ok).toBe(true);
    expect(readFileSync(join(dir, 'dist/changdai/2021/index.html'), 'utf8')).toContain('乙县政府信息公开');
    await expectSameAsClean(dir);
  });

  it('should rebuild everything after the tool or its templates changed (another fingerprint)', async () => {
    const { dir } = project(twoAgencies);
    expect((await build(options(dir), { tool: 'version-a' })).ok).toBe(true);
    const result = await build(options(dir), { tool: 'version-b' });
    expect(result.ok).toBe(true);
    expect(result.processed).toBe(2);
    expect(JSON.parse(readFileSync(join(dir, 'dist', outputMarker), 'utf8')).tool).toBe('version-b');
    await expectSameAsClean(dir, 'version-b');
  });

  it('should fingerprint every file of the code and the templates', () => {
    const root = mkdtempSync(join(tmpdir(), 'nianbao-fingerprint-'));
    try {
      cpSync(fileURLToPathSafe(new URL('../templates', import.meta.url)), join(root, 'templates'), { recursive: true });
      writeFileSync(join(root, 'src.js'), '');
      const before = toolFingerprint(root);
      expect(toolFingerprint(root)).toBe(before);
      const layout = join(root, 'templates/layout.ts');
      writeFileSync(layout, `${readFileSync(layout, 'utf8')}\n// a change\n`);
      expect(toolFingerprint(root)).not.toBe(before);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('should fingerprint the lock file and the installed version of every dependency', () => {
    const root = mkdtempSync(join(tmpdir(), 'nianbao-fingerprint-deps-'));
    try {
      writeFileSync(join(root, 'package.json'), JSON.stringify({ version: '1.0.0', dependencies: { 'hast-util-to-html': '^9' } }));
      mkdirSync(join(root, 'node_modules/hast-util-to-html'), { recursive: true });
      const installed = (version: string) => writeFileSync(join(root, 'node_modules/hast-util-to-html/package.json'), JSON.stringify({ version }));
      installed('9.0.6');
      const before = toolFingerprint(root, [root]);
      expect(toolFingerprint(root, [root])).toBe(before);
      installed('9.0.7');
      const upgraded = toolFingerprint(root, [root]);
      expect(upgraded).not.toBe(before);
      writeFileSync(join(root, 'package-lock.json'), '{"lockfileVersion":3}');
      expect(toolFingerprint(root, [root])).not.toBe(upgraded);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('should repair an output left half-written by a build that stopped while moving files in', async () => {
    const { dir } = project(twoAgencies);
    expect((await build(options(dir))).ok).toBe(true);
    // What a crash between the first and the last rename leaves: the marker says `writing`, a file is stale.
    const marker = join(dir, 'dist', outputMarker);
    writeFileSync(marker, readFileSync(marker, 'utf8').replace('"state": "complete"', '"state": "writing"'));
    writeFileSync(join(dir, 'dist/changdai/2021/index.html'), 'half');
    rmSync(join(dir, 'dist/data/reports.csv'));
    const result = await build(options(dir));
    expect(result.ok).toBe(true);
    await expectSameAsClean(dir);
  });

  it('should leave the output byte for byte as it was when a cached rebuild fails', async () => {
    const { dir, add } = project(twoAgencies);
    expect((await build(options(dir))).ok).toBe(true);
    const before = snapshot(join(dir, 'dist'));
    add({ 'reports/changdai/2022.md': fixture('inconsistent/2022.md') });
    const result = await build(options(dir));
    expect(result.ok).toBe(false);
    const after = snapshot(join(dir, 'dist'));
    expect([...after.keys()]).toEqual([...before.keys()]);
    for (const [path, bytes] of before) expect(after.get(path)!.equals(bytes), path).toBe(true);
  });

  it('should neither read nor write the cache with --no-cache', async () => {
    const { dir } = project(twoAgencies);
    const result = await run(['build', '--no-cache'], dir);
    expect(result.code).toBe(0);
    expect(existsSync(join(dir, '.cache'))).toBe(false);
    expect((await build(options(dir))).processed).toBe(2);
    expect((await build(options(dir, { cache: false }))).processed).toBe(2);
    await expectSameAsClean(dir);
  });
});

function fileURLToPathSafe(url: URL): string {
  return decodeURIComponent(url.pathname);
}

/** A first build whose record is saved 10 s after the sources were written, out of the racy window. */
async function builtAndSettled(more: Partial<Parameters<typeof build>[0]> = {}, files: Record<string, URL | string> = twoAgencies) {
  const p = project(files);
  await settled(() => build(options(p.dir, more)));
  return p.dir;
}

/** Run a build as if 10 s later, so that what it saves is out of the racy window of what was written before it. */
async function settled(run: () => ReturnType<typeof build>) {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(Date.now() + 10_000);
  try {
    const result = await run();
    expect(result.ok).toBe(true);
    return result;
  } finally {
    vi.useRealTimers();
  }
}

describe('the site record: telling that nothing changed without opening the report cache', () => {

  it('should find nothing changed from the record alone, writing nothing and reading no report', async () => {
    const dir = await builtAndSettled();
    rmSync(join(dir, '.cache/nianbao/reports'), { recursive: true });
    const before = snapshot(join(dir, 'dist'));
    const again = await build(options(dir));
    expect(again).toMatchObject({ ok: true, changed: 0, processed: 0, reports: 2, errorCount: 0, warningCount: 1 });
    expect(again.files.find((f) => f.file.path === changdai)!.file.messages.map((m) => [m.ruleId, m.line])).toEqual([['fee-statement', 73]]);
    // Had it looked further, it would have found the report cache gone and saved it again.
    expect(existsSync(join(dir, '.cache/nianbao/reports'))).toBe(false);
    const after = snapshot(join(dir, 'dist'));
    for (const [path, bytes] of before) expect(after.get(path)!.equals(bytes), path).toBe(true);
  });

  it('should not trust the record once another build replaced the output', async () => {
    const dir = await builtAndSettled();
    expect((await build(options(dir, { cache: false }))).ok).toBe(true);
    rmSync(join(dir, '.cache/nianbao/reports'), { recursive: true });
    const again = await build(options(dir));
    expect(again.ok).toBe(true);
    expect(again.processed).toBe(2);
    await expectSameAsClean(dir);
  });

  it('should not trust the record for another configuration, or when a report is added', async () => {
    const dir = await builtAndSettled();
    writeFileSync(join(dir, 'nianbao.config.json'), JSON.stringify({ siteName: '某县政府信息公开年报' }));
    const configured = await build(options(dir));
    expect(configured.changed).toBeGreaterThan(0);
    await expectSameAsClean(dir);
    cpSync(fixture('corpus/changdai-2021.md'), join(dir, 'reports/changdai/2022.md'));
    writeFileSync(join(dir, 'reports/changdai/2022.md'), readFileSync(join(dir, 'reports/changdai/2022.md'), 'utf8').replace('2021年', '2022年'));
    const added = await build(options(dir));
    expect(added).toMatchObject({ ok: true, reports: 3 });
    await expectSameAsClean(dir);
  });

  it('should still fail on the recorded warnings with --strict, leaving the output as it was', async () => {
    const dir = await builtAndSettled();
    const before = snapshot(join(dir, 'dist'));
    const strict = await build(options(dir, { strict: true }));
    expect(strict).toMatchObject({ ok: false, errorCount: 0, warningCount: 1, changed: 0 });
    const after = snapshot(join(dir, 'dist'));
    for (const [path, bytes] of before) expect(after.get(path)!.equals(bytes), path).toBe(true);
  });
});

describe('the rebuild from the record: only what changed is read, processed and saved', () => {
  const shards = (dir: string) => join(dir, '.cache/nianbao/reports');
  const shardFileOf = (dir: string, path: string) => join(shards(dir), `${shardOf(path)}.json`);

  it('should give the clean build’s output after one report’s prose changed, processing and reading only that report', async () => {
    const dir = await builtAndSettled();
    const path = join(dir, changdai);
    writeFileSync(path, `${readFileSync(path, 'utf8')}\n\n本报告已于第1次修订时更新。\n`);
    // Only the changed report's shard is left: the long way would process the other report again.
    const mine = readFileSync(shardFileOf(dir, changdai));
    rmSync(shards(dir), { recursive: true });
    mkdirSync(shards(dir), { recursive: true });
    writeFileSync(shardFileOf(dir, changdai), mine);
    const before = statSync(join(dir, 'dist/index.html')).mtimeMs;
    const result = await build(options(dir));
    expect(result).toMatchObject({ ok: true, processed: 1, changed: 1, warningCount: 1 });
    expect(readFileSync(join(dir, 'dist/changdai/2021/index.html'), 'utf8')).toContain('本报告已于第1次修订时更新。');
    expect(statSync(join(dir, 'dist/index.html')).mtimeMs).toBe(before);
    expect(result.files.find((f) => f.file.path === changdai)!.file.messages.map((m) => [m.ruleId, m.line])).toEqual([['fee-statement', 73]]);
    await expectSameAsClean(dir);
  });

  it('should give the clean build’s output when a report’s title (its summary) changed', async () => {
    const dir = await builtAndSettled();
    const path = join(dir, changdai);
    writeFileSync(path, readFileSync(path, 'utf8').replace('常袋镇人民政府2021年', '常袋乡人民政府2021年'));
    expect((await build(options(dir))).ok).toBe(true);
    expect(readFileSync(join(dir, 'dist/index.html'), 'utf8')).toContain('常袋乡人民政府');
    await expectSameAsClean(dir);
  });

  it('should give the clean build’s output when a report’s data changed but not its summary', async () => {
    const dir = await builtAndSettled();
    const path = join(dir, changdai);
    const text = readFileSync(path, 'utf8');
    expect(text).toContain('行政许可\t0');
    writeFileSync(path, text.replace('行政许可\t0', '行政许可\t5'));
    expect((await build(options(dir))).ok).toBe(true);
    expect(readFileSync(join(dir, 'dist/data/reports.csv'), 'utf8')).toMatch(/常袋镇人民政府,2021,2021,activeDisclosure,licensing,\w+,5\r?\n/);
    await expectSameAsClean(dir);
  });

  it('should not trust a cache entry newer than the output (a build that saved the cache and stopped before moving its output in)', async () => {
    const dir = await builtAndSettled();
    const path = join(dir, changdai);
    const changed = readFileSync(path, 'utf8').replace('常袋镇人民政府2021年', '常袋乡人民政府2021年');
    // What the stopped build saved: the report cache of the changed report, made in a copy of the project.
    const copy = `${dir}-copy`;
    cpSync(dir, copy, { recursive: true });
    try {
      writeFileSync(join(copy, changdai), changed);
      expect((await build(options(copy))).ok).toBe(true);
      cpSync(shardFileOf(copy, changdai), shardFileOf(dir, changdai));
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
    writeFileSync(path, changed);
    expect((await build(options(dir))).ok).toBe(true);
    expect(readFileSync(join(dir, 'dist/index.html'), 'utf8')).toContain('常袋乡人民政府');
    await expectSameAsClean(dir);
  });

  it('should leave the output, the report cache and the record as they were when a changed report now has an error', async () => {
    const dir = await builtAndSettled();
    const before = snapshot(join(dir, 'dist'));
    const cacheBefore = snapshot(join(dir, '.cache'));
    const path = join(dir, changdai);
    writeFileSync(path, readFileSync(path, 'utf8').replace('一、本年新收政府信息公开申请数量\t\t0', '一、本年新收政府信息公开申请数量\t\t7'));
    const result = await build(options(dir));
    expect(result.ok).toBe(false);
    expect(result.errorCount).toBeGreaterThan(0);
    const after = snapshot(join(dir, 'dist'));
    expect([...after.keys()]).toEqual([...before.keys()]);
    for (const [file, bytes] of before) expect(after.get(file)!.equals(bytes), file).toBe(true);
    const cacheAfter = snapshot(join(dir, '.cache'));
    expect([...cacheAfter.keys()]).toEqual([...cacheBefore.keys()]);
    for (const [file, bytes] of cacheBefore) expect(cacheAfter.get(file)!.equals(bytes), file).toBe(true);
  });

  it('should still fail on a changed report’s new warning with --strict', async () => {
    const dir = await builtAndSettled({}, { 'reports/淮安市人民政府 v1.0/2024.md': fixture('corpus/huaian-2024.md') });
    const path = join(dir, 'reports/淮安市人民政府 v1.0/2024.md');
    writeFileSync(path, `${readFileSync(path, 'utf8')}\n\n<b>粗体</b>\n`);
    const result = await build(options(dir, { strict: true }));
    expect(result).toMatchObject({ ok: false, errorCount: 0 });
    expect(result.files[0]!.file.messages.map((m) => m.ruleId)).toContain('raw-html');
  });

  it('should give the clean build’s output when a report moved to another folder (as many reports as before)', async () => {
    const dir = await builtAndSettled();
    mkdirSync(join(dir, 'reports/常袋镇'), { recursive: true });
    cpSync(join(dir, changdai), join(dir, 'reports/常袋镇/2021.md'), { preserveTimestamps: true });
    rmSync(join(dir, 'reports/changdai'), { recursive: true });
    const result = await build(options(dir));
    expect(result).toMatchObject({ ok: true, reports: 2 });
    expect(existsSync(join(dir, 'dist/changdai'))).toBe(false);
    expect(existsSync(join(dir, 'dist/常袋镇/2021/index.html'))).toBe(true);
    await expectSameAsClean(dir);
  });

  it('should rewrite only the changed report’s shard of the report cache', async () => {
    const dir = await builtAndSettled();
    const other = 'reports/淮安市人民政府 v1.0/2024.md';
    expect(shardOf(other)).not.toBe(shardOf(changdai));
    const otherBefore = statSync(shardFileOf(dir, other)).mtimeMs;
    const mineBefore = readFileSync(shardFileOf(dir, changdai), 'utf8');
    const path = join(dir, changdai);
    writeFileSync(path, `${readFileSync(path, 'utf8')}\n\n补充一句。\n`);
    expect((await build(options(dir))).ok).toBe(true);
    expect(statSync(shardFileOf(dir, other)).mtimeMs).toBe(otherBefore);
    expect(readFileSync(shardFileOf(dir, changdai), 'utf8')).not.toBe(mineBefore);
    // And the next build after it finds nothing changed (the sources' bytes vouch for those too recent to trust by status).
    expect(await settled(() => build(options(dir)))).toMatchObject({ changed: 0, processed: 0 });
  });

  it('should repair an output whose marker says a rebuild stopped while moving files in', async () => {
    const dir = await builtAndSettled();
    const path = join(dir, changdai);
    writeFileSync(path, `${readFileSync(path, 'utf8')}\n\n补充一句。\n`);
    expect((await build(options(dir))).ok).toBe(true);
    // The marker as the quick path writes it before its first rename, and a file it did not get to.
    const marker = JSON.parse(readFileSync(join(dir, 'dist', outputMarker), 'utf8'));
    writeFileSync(join(dir, 'dist', outputMarker), `${JSON.stringify({ ...marker, state: 'writing', files: {}, data: {} }, null, 1)}\n`);
    writeFileSync(join(dir, 'dist/changdai/2021/index.html'), 'half');
    expect((await build(options(dir))).ok).toBe(true);
    await expectSameAsClean(dir);
  });
});
