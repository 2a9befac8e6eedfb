/**
 * Finding report files: the only part of the read stage that touches the
 * file system. `reports/` holds `reports/<year>.md` (one agency) or
 * `reports/<agency>/<year>.md` (a portal hosting many agencies).
 */

import { readdirSync, readFileSync, realpathSync, statSync, type Dirent, type Stats } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, isAbsolute, relative, resolve, sep } from 'node:path';
import { yearOfFileName, type ReportLocation } from './location.js';

/** A report file found on disk. */
export interface FoundFile extends ReportLocation {
  readonly absolute: string;
}

/** A path given by the user that could not be used. */
export class InputError extends Error {
  override readonly name = 'InputError';
}

/**
 * Every Markdown report under the given files and folders, once each,
 * sorted by path. Relative paths are taken from `cwd`.
 * Folders are walked two levels deep (`<year>.md`, `<agency>/<year>.md`);
 * links that lead outside the folder they are in are not followed.
 */
export async function findReports(inputs: readonly string[], cwd = process.cwd()): Promise<FoundFile[]> {
  const found: FoundFile[] = [];
  for (const input of inputs) {
    const absolute = resolve(cwd, input);
    // Synchronous calls throughout: a rebuild waits for nothing else meanwhile, and awaiting the thread pool only left it idle.
    let info: Stats;
    try {
      info = statSync(absolute);
    } catch (cause) {
      throw new InputError(`找不到“${input}”（${(cause as NodeJS.ErrnoException).code ?? 'error'}）。No such file or folder: ${input}`, { cause });
    }
    if (info.isFile()) {
      found.push(locate(absolute, cwd, undefined));
      continue;
    }
    const root = realpathSync(absolute);
    const top = placeOf(absolute, cwd);
    // Directory entries carry their type (as lstat gives it): no lstat per file. Synchronous
    // listing: awaiting 1,700 agency folders one by one left the process idle a tenth of a second.
    for (const entry of sortedEntries(readdirSync(absolute, { withFileTypes: true }))) {
      const name = entry.name;
      if (name.startsWith('.')) continue;
      const path = top.absolute + name;
      if (entry.isSymbolicLink() && !inside(path, root)) continue;
      const target = entry.isSymbolicLink() ? statOrUndefined(path) : entry;
      if (target?.isFile() && isReportName(name)) found.push(fileIn(top, name, undefined, cwd));
      else if (target?.isDirectory()) {
        const folder = within(top, name);
        for (const childEntry of sortedEntries(readdirSync(path, { withFileTypes: true }))) {
          const child = childEntry.name;
          if (child.startsWith('.') || !isReportName(child)) continue;
          // Only a link needs its target looked at: 10,000 plain files need nothing more.
          if (childEntry.isSymbolicLink()) {
            const childPath = folder.absolute + child;
            if (!inside(childPath, root) || !statOrUndefined(childPath)?.isFile()) continue;
          } else if (!childEntry.isFile()) continue;
          found.push(fileIn(folder, child, name, cwd));
        }
      }
    }
  }
  // A file named twice (itself and its folder) is one report, not a duplicate of itself; one input names nothing twice.
  const unique = inputs.length > 1 ? [...new Map(found.map((f) => [f.absolute, f])).values()] : found;
  return unique.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** Read one found file's bytes. */
export function readBytes(file: FoundFile): Promise<Uint8Array> {
  return readFile(file.absolute);
}

/**
 * Read one found file's bytes, synchronously. For a loop that reads and
 * processes thousands of small files one after the other, this is much
 * faster than awaiting `readBytes` for each: no thread-pool round trips,
 * no idle waits between files.
 */
export function readBytesSync(file: FoundFile): Uint8Array {
  return readFileSync(file.absolute);
}

/** Entries in the order of their names, as `readdir(…).sort()` gives them. */
function sortedEntries(entries: Dirent[]): Dirent[] {
  return entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

function isReportName(name: string): boolean {
  return /\.(md|markdown|txt)$/i.test(name) && !/^readme\./i.test(name);
}

/** Whether the link at `path` leads to a place within `root`. */
function inside(path: string, root: string): boolean {
  let target: string;
  try {
    target = realpathSync(path);
  } catch {
    return false;
  }
  return target === root || target.startsWith(root + sep);
}

function statOrUndefined(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

function locate(absolute: string, cwd: string, folderAgency: string | undefined): FoundFile {
  const path = relative(cwd, absolute) || basename(absolute);
  return {
    absolute,
    path: path.split(sep).join('/'),
    pathYear: yearOfFileName(absolute),
    folderAgency,
  };
}

/**
 * A folder being listed: its absolute path and its path as messages show it,
 * each ending in a separator, so that a file's are its name appended: no
 * `path.relative` or `path.join` per file or folder (together a tenth of a
 * no-change rebuild of 10,000 reports). `path` is undefined for a folder
 * outside the working folder (or the working folder itself): its files take
 * the general way (`locate`).
 */
interface Place {
  readonly absolute: string;
  readonly path: string | undefined;
}

function placeOf(folder: string, cwd: string): Place {
  const absolute = folder.endsWith(sep) ? folder : folder + sep;
  const base = relative(cwd, folder);
  if (base === '' || base === '..' || base.startsWith(`..${sep}`) || isAbsolute(base)) return { absolute, path: undefined };
  return { absolute, path: `${base.split(sep).join('/')}/` };
}

/** The folder `name` in `place` (a directory entry's name: no separator in it). */
function within(place: Place, name: string): Place {
  return { absolute: place.absolute + name + sep, path: place.path === undefined ? undefined : `${place.path}${name}/` };
}

function fileIn(place: Place, name: string, folderAgency: string | undefined, cwd: string): FoundFile {
  if (place.path === undefined) return locate(place.absolute + name, cwd, folderAgency);
  return { absolute: place.absolute + name, path: place.path + name, pathYear: yearOfFileName(name), folderAgency };
}
