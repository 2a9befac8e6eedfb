/**
 * The static files every site gets (the stylesheet), read from the
 * package's `templates/` folder.
 */

import { readFileSync } from 'node:fs';
import { stylesheetPath } from '../render/urls.js';

/** A static file to copy into the output, by its path there. */
export interface Asset {
  readonly path: string;
  readonly content: Uint8Array;
}

// The package root is two folders up from src/read/ and three from the
// compiled out/src/read/; templates/ is shipped beside out/ (package.json "files").
const candidates = [new URL('../../templates/site.css', import.meta.url), new URL('../../../templates/site.css', import.meta.url)];

/** Read the static files of the site. */
export async function readAssets(): Promise<Asset[]> {
  // Synchronous: one small file, and a rebuild that waits on the thread pool for it waits for nothing else.
  for (const url of candidates) {
    const content = readOrUndefined(url);
    if (content) return [{ path: stylesheetPath, content }];
  }
  throw new Error(`找不到样式表 templates/site.css（looked in ${candidates.map((u) => u.pathname).join(', ')}）。The stylesheet is missing from the installation.`);
}

function readOrUndefined(url: URL): Buffer | undefined {
  try {
    return readFileSync(url);
  } catch {
    return undefined;
  }
}
