/**
 * The static files every site gets (the stylesheet), read from the
 * package's `templates/` folder.
 */

import { readFile } from 'node:fs/promises';
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
  for (const url of candidates) {
    const content = await readFile(url).catch(() => undefined);
    if (content) return [{ path: stylesheetPath, content }];
  }
  throw new Error(`找不到样式表 templates/site.css（looked in ${candidates.map((u) => u.pathname).join(', ')}）。The stylesheet is missing from the installation.`);
}
