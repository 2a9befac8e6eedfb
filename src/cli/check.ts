/** `nianbao check`: read, model and check reports; print the findings. */

import { VFile } from 'vfile';
import { report } from '../messages/index.js';
import { checkAcrossReports, processReport, type ProcessedReport } from '../process.js';
import { findReports, readBytes, type FoundFile } from '../read/files.js';
import type { CheckedFile } from './format.js';

/** Check every report under `inputs`; the site-wide checks run over all of them together. */
export async function checkFiles(inputs: readonly string[], cwd?: string): Promise<{ files: CheckedFile[]; processed: ProcessedReport[]; found: FoundFile[] }> {
  const found = await findReports(inputs, cwd);
  const processed: ProcessedReport[] = [];
  for (const file of found) {
    const bytes = await readBytes(file).catch((cause: unknown) => cause as NodeJS.ErrnoException);
    if (bytes instanceof Error) {
      processed.push(unreadable(file, bytes));
      continue;
    }
    processed.push(processReport(file, bytes));
  }
  checkAcrossReports(processed);
  return { files: processed.map((p) => ({ file: p.file, report: p.model?.report ?? null })), processed, found };
}

/** A file that exists but could not be read (permissions, a folder named *.md, …). */
function unreadable(found: FoundFile, error: NodeJS.ErrnoException): ProcessedReport {
  const file = new VFile({ path: found.path });
  report(file, 'file-unreadable', { reason: `${error.code ?? error.message}` }, { line: 1, column: 1, endLine: 1, endColumn: 1 });
  return { file, parsed: undefined, model: undefined };
}
