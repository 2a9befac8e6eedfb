/** `nianbao check`: read, model and check reports; print the findings. */

import { checkSite } from '../check/index.js';
import { processReport, siteEntryOf, unreadableReport, type SiteEntry } from '../process.js';
import { findReports, readBytesSync, type FoundFile } from '../read/files.js';
import type { CheckedFile } from './format.js';

/** Check every report under `inputs`; the site-wide checks run over all of them together. */
export async function checkFiles(inputs: readonly string[], cwd?: string): Promise<{ files: CheckedFile[]; found: FoundFile[] }> {
  const found = await findReports(inputs, cwd);
  // Kept per report: its findings, its model (for --format json) and its site-wide entry, not its parse.
  const files: CheckedFile[] = [];
  const entries: SiteEntry[] = [];
  for (const file of found) {
    const bytes = readOrError(file);
    const one = bytes instanceof Error ? unreadableReport(file, bytes.code ?? bytes.message) : processReport(file, bytes);
    one.file.value = ''; // Only the findings are printed: do not keep every report's text to the end.
    files.push({ file: one.file, report: one.model?.report ?? null });
    const entry = siteEntryOf(one);
    if (entry) entries.push(entry);
  }
  checkSite(entries);
  return { files, found };
}

function readOrError(file: FoundFile): Uint8Array | NodeJS.ErrnoException {
  try {
    return readBytesSync(file);
  } catch (cause) {
    return cause as NodeJS.ErrnoException;
  }
}
