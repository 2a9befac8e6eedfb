/**
 * Issue 4, paths and output safety: agency folders with names that are
 * unsafe in URLs or on disk, and links leading out of reports/, never make
 * the build write outside its output folder or produce a broken link; and
 * the same reports give the same bytes wherever the project lives.
 */

import { mkdirSync, mkdtempSync, readFileSync, readdirSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, posix } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture, makeProject, run, snapshot } from './helpers/project.js';

const changdai = readFileSync(fixture('corpus/changdai-2021.md'), 'utf8');
const huaian = readFileSync(fixture('corpus/huaian-2024.md'), 'utf8');

/** Agency folder names an IT admin might meet: spaces, Chinese, dots, URL-unsafe characters. */
const hostileFolders = ['淮安市 人民政府', 'x..', 'a..b', '%2e%2e', 'q?x=1#frag', '<script>', 'CON', 'data', '2021', '  '];

function hostileProject() {
  const project = makeProject({});
  hostileFolders.forEach((folder, i) => {
    const agency = `测试${i}镇人民政府`;
    project.add({ [`reports/${folder}/2021.md`]: changdai.replace('常袋镇人民政府', agency) });
  });
  // Names starting with a dot are hidden (.git, .DS_Store) and are not reports.
  project.add({ 'reports/.hidden/2021.md': changdai.replace('常袋镇人民政府', '隐藏镇人民政府'), 'reports/..x/2021.md': changdai.replace('常袋镇人民政府', '点点镇人民政府') });
  // Links that lead out of reports/: a folder and a report elsewhere on the machine.
  const outside = mkdtempSync(join(tmpdir(), 'nianbao-outside-'));
  mkdirSync(join(outside, 'agency'));
  writeFileSync(join(outside, 'agency', '2024.md'), huaian);
  writeFileSync(join(outside, '2024.md'), huaian);
  symlinkSync(join(outside, 'agency'), join(project.dir, 'reports', 'linked-folder'));
  mkdirSync(join(project.dir, 'reports', 'linked-file'));
  symlinkSync(join(outside, '2024.md'), join(project.dir, 'reports', 'linked-file', '2024.md'));
  return { ...project, outside };
}

/** Every file below `dir` (following nothing), as `/`-separated paths. */
function tree(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? tree(join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`],
  );
}

describe('a build over hostile agency folder names and links out of reports/', () => {
  let project: ReturnType<typeof hostileProject>;
  let before: string[];
  let outsideBefore: string[];
  let result: Awaited<ReturnType<typeof run>>;
  let out: string;

  beforeAll(async () => {
    project = hostileProject();
    before = tree(project.dir).filter((p) => !p.startsWith('dist/'));
    outsideBefore = tree(project.outside);
    result = await run(['build'], project.dir);
    out = join(project.dir, 'dist');
  });
  afterAll(() => project.remove());

  it('should build every agency folder and skip hidden folders and links that leave reports/', () => {
    // Nothing but progress lines, which a build printing after a second on a busy machine is entitled to.
    expect(result.stderr.replace(/^\d+\/\d+ 份年报 · .*\n/gm, '')).toBe('');
    expect(result.code).toBe(0);
    const { reports } = JSON.parse(readFileSync(join(out, 'data/reports.json'), 'utf8')) as { reports: { agency: string }[] };
    expect(reports.map((r) => r.agency).sort()).toEqual(hostileFolders.map((_, i) => `测试${i}镇人民政府`).sort());
  });

  it('should write nothing outside the output folder', () => {
    // The output folder and the report cache (.cache/nianbao), nothing else.
    expect(tree(project.dir).filter((p) => !p.startsWith('dist/') && !p.startsWith('.cache/'))).toEqual(before);
    expect(tree(project.outside)).toEqual(outsideBefore);
    const root = realpathSync(out);
    for (const path of tree(out)) expect(realpathSync(join(out, path)).startsWith(`${root}/`), path).toBe(true);
  });

  it('should give every folder a plain, safe name and every page well-formed links that resolve to a file of the site', () => {
    const files = new Set(tree(out));
    for (const path of files) {
      if (path === '.nianbao-output') continue; // The marker that lets a later build replace this folder.
      for (const segment of path.split('/')) {
        expect(segment, path).toMatch(/^[\p{L}\p{N}][\p{L}\p{N}._-]*$/u);
        expect(segment, path).not.toMatch(/^(con|prn|aux|nul)$/i);
      }
      if (!path.endsWith('.html')) continue;
      const html = readFileSync(join(out, path), 'utf8');
      for (const [, attribute, href] of html.matchAll(/\b(href|src)="([^"]*)"/g)) {
        if (href!.startsWith('#') || /^(https?:|mailto:)/.test(href!)) continue;
        expect(href, `${attribute} in ${path}`).toMatch(/^[A-Za-z0-9\-._~%/]+(#[A-Za-z0-9\-._~%]*)?$/);
        const target = posix.normalize(posix.join(posix.dirname(path), decodeURIComponent(href!.replace(/#.*$/, ''))));
        expect(target.startsWith('../'), `${href} in ${path}`).toBe(false);
        expect(files.has(target), `${href} in ${path} → ${target}`).toBe(true);
      }
    }
  });
});

describe('determinism', () => {
  it('should give byte-identical output for the same reports built in two different places', async () => {
    const builds = [];
    for (let i = 0; i < 2; i++) {
      const project = makeProject({});
      project.add({ 'reports/changdai/2021.md': changdai, 'reports/淮安市人民政府/2024.md': huaian });
      const { code } = await run(['build', '--out', i === 0 ? 'dist' : 'public/site'], project.dir);
      expect(code).toBe(0);
      builds.push(snapshot(join(project.dir, i === 0 ? 'dist' : 'public/site')));
      project.remove();
    }
    const [a, b] = builds as [Map<string, Buffer>, Map<string, Buffer>];
    expect([...b.keys()]).toEqual([...a.keys()]);
    for (const [path, bytes] of a) expect(b.get(path)!.equals(bytes), path).toBe(true);
    // Nothing in the output names where it was built.
    for (const bytes of a.values()) expect(bytes.toString('utf8')).not.toMatch(/nianbao-project-|\/tmp\//);
  });
});

