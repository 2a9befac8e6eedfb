/**
 * The tool's fingerprint: what the cache is keyed by besides each report's
 * bytes. It hashes the package's version and every file of its code and
 * templates as installed (the compiled `out/src`, `out/templates`, the
 * stylesheet), the lock file and the installed version of every
 * dependency, so an upgrade (of nianbao or of a library it renders with), a
 * local edit of a template or a rebuilt compiler output all invalidate
 * every cached result. Reading some
 * seventy small files costs a few milliseconds.
 */

import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folder that holds `src/` and `templates/` of the running code (the repository, or `out/` when compiled). */
const codeRoot = fileURLToPath(new URL('../..', import.meta.url));
/** The package root, where `package.json` and `templates/site.css` are. */
const packageRoots = [fileURLToPath(new URL('../..', import.meta.url)), fileURLToPath(new URL('../../..', import.meta.url))];

/** The fingerprint of the installed tool: a hex digest. */
export function toolFingerprint(root = codeRoot, packages: readonly string[] = packageRoots): string {
  const hash = createHash('sha256');
  const pkg = packages.map((r) => tryRead(join(r, 'package.json'))).find((b) => b !== undefined);
  hash.update(`package.json\0${pkg === undefined ? '' : (JSON.parse(pkg.toString('utf8')) as { version?: string }).version ?? ''}\0`);
  for (const folder of ['src', 'templates']) addFolder(hash, root, folder);
  // The libraries that parse and render are part of the tool too: an upgrade of
  // micromark or hast-util-to-html can change a page while the code stays the same.
  const lock = packages.map((r) => tryRead(join(r, 'package-lock.json'))).find((b) => b !== undefined);
  if (lock) hash.update('package-lock.json\0').update(lock);
  hash.update(`dependencies\0${dependencyVersions(packages).join('\0')}\0`);
  const css = packages.map((r) => tryRead(join(r, 'templates', 'site.css'))).find((b) => b !== undefined);
  if (css) hash.update('site.css\0').update(css);
  return hash.digest('hex').slice(0, 32);
}

function addFolder(hash: ReturnType<typeof createHash>, root: string, relativePath: string): void {
  let entries;
  try {
    entries = readdirSync(join(root, relativePath), { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const path = `${relativePath}/${entry.name}`;
    if (entry.isDirectory()) addFolder(hash, root, path);
    else if (entry.isFile() && /\.(js|ts|css|json)$/.test(entry.name)) {
      hash.update(`${path}\0`);
      hash.update(readFileSync(join(root, path)));
      hash.update('\0');
    }
  }
}

/** `name@version` of every dependency as installed (read from its package.json), sorted. */
function dependencyVersions(packages: readonly string[]): string[] {
  const pkg = packages.map((r) => tryRead(join(r, 'package.json'))).find((b) => b !== undefined);
  const dependencies = pkg ? Object.keys((JSON.parse(pkg.toString('utf8')) as { dependencies?: Record<string, string> }).dependencies ?? {}) : [];
  return dependencies.sort().map((name) => {
    for (const root of packages) {
      const installed = tryRead(join(root, 'node_modules', name, 'package.json'));
      if (installed) return `${name}@${(JSON.parse(installed.toString('utf8')) as { version?: string }).version ?? ''}`;
    }
    return `${name}@?`;
  });
}

function tryRead(path: string): Buffer | undefined {
  try {
    return readFileSync(path);
  } catch {
    return undefined;
  }
}
