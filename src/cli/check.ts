/** `nianbao check`: read, model and check reports; print the findings. */

import { checkAcrossReports, processReport, unreadableReport, type ProcessedReport } from '../process.js';
import { findReports, readBytes, type FoundFile } from '../read/files.js';
import type { CheckedFile } from './format.js';

/** Check every report under `inputs`; the site-wide checks run over all of them together. */
export async function checkFiles(inputs: readonly string[], cwd?: string): Promise<{ files: CheckedFile[]; processed: ProcessedReport[]; found: FoundFile[] }> {
  const found = await findReports(inputs, cwd);
  const processed: ProcessedReport[] = [];
  for (const file of found) {
    const bytes = await readBytes(file).catch((cause: unknown) => cause as NodeJS.ErrnoException);
    if (bytes instanceof Error) {
      processed.push(unreadableReport(file, bytes.code ?? bytes.message));
      continue;
    }
    processed.push(processReport(file, bytes));
  }
  checkAcrossReports(processed);
  return { files: processed.map((p) => ({ file: p.file, report: p.model?.report ?? null })), processed, found };
}

