/** The three ways `nianbao check` prints its findings: pretty, json (FORMAT.md §9), github. */

import type { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import { countFindings, severityOf } from '../messages/index.js';
import type { Report } from '../model/index.js';

export { countFindings } from '../messages/index.js';

/** A checked file: its messages and, when one could be built, its open-data model. */
export interface CheckedFile {
  readonly file: VFile;
  readonly report: Report | null;
}


function sorted(messages: readonly VFileMessage[]): VFileMessage[] {
  return [...messages].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
}

/** The machine-readable diagnostics of FORMAT.md §9. */
export function formatJson(files: readonly CheckedFile[]): string {
  const document = {
    files: files.map(({ file, report }) => ({
      path: file.path,
      report,
      messages: sorted(file.messages).map((m) => ({
        ruleId: m.ruleId ?? 'unknown',
        severity: severityOf(m),
        line: m.line ?? 1,
        column: m.column ?? 1,
        endLine: m.place && 'end' in m.place ? m.place.end.line : (m.line ?? 1),
        endColumn: m.place && 'end' in m.place ? m.place.end.column : (m.column ?? 1),
        message: m.reason,
      })),
    })),
    ...countFindings(files),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

/** `path:line:column  error  message  rule-id`, in the style of vfile-reporter, then a summary. */
export function formatPretty(files: readonly CheckedFile[], color = false): string {
  const paint = (code: number, text: string) => (color ? `\u001b[${code}m${text}\u001b[39m` : text);
  const lines: string[] = [];
  for (const { file } of files) {
    for (const m of sorted(file.messages)) {
      const severity = severityOf(m);
      const where = `${file.path}:${m.line ?? 1}:${m.column ?? 1}`;
      lines.push(`${where}  ${severity === 'error' ? paint(31, 'error') : paint(33, 'warning')}  ${m.reason}  ${paint(2, m.ruleId ?? '')}`);
    }
  }
  const { errorCount, warningCount } = countFindings(files);
  const fileWord = `${files.length} 个文件 (${files.length} file${files.length === 1 ? '' : 's'})`;
  if (errorCount + warningCount === 0) lines.push(`${paint(32, '✔')} ${fileWord}：没有发现问题 (no problems)`);
  else {
    const mark = errorCount > 0 ? paint(31, '✖') : paint(33, '⚠');
    lines.push(`${mark} ${fileWord}：${errorCount} 个错误、${warningCount} 个警告 (${errorCount} error${errorCount === 1 ? '' : 's'}, ${warningCount} warning${warningCount === 1 ? '' : 's'})`);
  }
  return `${lines.join('\n')}\n`;
}

/** GitHub Actions workflow commands, so a pull request shows each finding on its row. */
export function formatGithub(files: readonly CheckedFile[]): string {
  const lines: string[] = [];
  for (const { file } of files) {
    for (const m of sorted(file.messages)) {
      const end = m.place && 'end' in m.place ? m.place.end : undefined;
      const properties = [
        `file=${escapeProperty(file.path)}`,
        `line=${m.line ?? 1}`,
        `col=${m.column ?? 1}`,
        ...(end ? [`endLine=${end.line}`, `endColumn=${end.column}`] : []),
        `title=${escapeProperty(`nianbao ${m.ruleId ?? ''}`)}`,
      ];
      lines.push(`::${severityOf(m)} ${properties.join(',')}::${escapeData(m.reason)}`);
    }
  }
  const { errorCount, warningCount } = countFindings(files);
  lines.push(`nianbao: ${files.length} files, ${errorCount} errors, ${warningCount} warnings`);
  return `${lines.join('\n')}\n`;
}

function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
