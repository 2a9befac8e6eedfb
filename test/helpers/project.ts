/** Temporary project folders for build tests, and running the CLI in them. */

import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { afterAll } from 'vitest';
import { main } from '../../src/cli.js';

const fixtures = new URL('../fixtures/', import.meta.url);

/** A fixture file by its path under test/fixtures/. */
export function fixture(path: string): URL {
  return new URL(path, fixtures);
}

/** The two real reports, one per agency folder (one folder name with Chinese, a space and a dot). */
export const twoAgencies: Record<string, URL> = {
  'reports/changdai/2021.md': fixture('corpus/changdai-2021.md'),
  'reports/淮安市人民政府 v1.0/2024.md': fixture('corpus/huaian-2024.md'),
};

/** A temporary project folder holding `files` (path → fixture URL or text). */
export function makeProject(files: Record<string, URL | string>): { dir: string; add: (files: Record<string, URL | string>) => void; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-project-'));
  const add = (more: Record<string, URL | string>) => {
    for (const [path, source] of Object.entries(more)) {
      const target = join(dir, path);
      mkdirSync(dirname(target), { recursive: true });
      if (typeof source === 'string') writeFileSync(target, source);
      else copyFileSync(source, target);
    }
  };
  add(files);
  return { dir, add, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * `makeProject` for a test file: every project it makes is removed after the
 * file's tests. Call it at the top level of the test file.
 */
export function projectsRemovedAfterAll(): (files: Record<string, URL | string>) => ReturnType<typeof makeProject> {
  const projects: { remove: () => void }[] = [];
  afterAll(() => projects.forEach((p) => p.remove()));
  return (files) => {
    const p = makeProject(files);
    projects.push(p);
    return p;
  };
}

/** Run the CLI in `cwd`; resolves to its exit code and what it printed. */
export async function run(argv: readonly string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  // A clock that stands still: progress, shown only once a build has taken a second, stays out of the output however busy the machine.
  const code = await main(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cwd, color: false, now: () => 0 });
  return { code, stdout, stderr };
}

/** Every file under `dir`, by its `/`-separated path, with its bytes. */
export function snapshot(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const walk = (folder: string) => {
    for (const name of readdirSync(folder).sort()) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path);
      else files.set(relative(dir, path).split(sep).join('/'), readFileSync(path));
    }
  };
  walk(dir);
  return files;
}

/** The HTML pages of a snapshot. */
export function pagesOf(files: Map<string, Buffer>): [string, string][] {
  return [...files].filter(([path]) => path.endsWith('.html')).map(([path, bytes]) => [path, bytes.toString('utf8')]);
}
