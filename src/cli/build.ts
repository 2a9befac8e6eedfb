/** `nianbao build`: the build's findings and its one-line summary, as the terminal shows them. */

import type { BuildResult } from '../build.js';
import { formatPretty } from './format.js';

/** The findings (when there are any) and the closing summary line. */
export function formatBuild(result: BuildResult, seconds: number, color: boolean): string {
  const findings = result.errorCount + result.warningCount > 0 ? formatPretty(result.files.map(({ file }) => ({ file, report: null })), color) : '';
  const time = seconds.toFixed(1);
  const warnings = `${result.warningCount} 个警告`;
  if (!result.ok) {
    const why = result.errorCount > 0 ? `${result.errorCount} 个错误` : `${warnings}（--strict）`;
    return `${findings}✖ 构建失败：${why}；输出文件夹 ${result.out} 保持原样，未作改动。Build failed; ${result.out} was left as it was. (${time} s)\n`;
  }
  return (
    `${findings}✔ 已生成 ${result.out}：${result.reports} 份年报、${result.pages} 个页面、${result.dataFiles} 个数据文件、${warnings}，用时 ${time} 秒。` +
    `Built ${plural(result.reports, 'report')}, ${plural(result.pages, 'page')}, ${plural(result.dataFiles, 'data file')}, ${plural(result.warningCount, 'warning')} in ${time} s.\n`
  );
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}
