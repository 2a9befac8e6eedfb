/**
 * Editing a report's text the way files get edited, pasted and cut: for
 * property tests that feed processReport damaged reports.
 */

import fc from 'fast-check';

/** Pieces of reports, so that generated text reaches the tables, not only the title check. */
export const tokens = [
  '\n', '\n', '\n', '\t', '\t', '\t', '|', ' ', '\r\n', '\r', '#', '## ', '---', '**', '> ', '- ', '\u00a0', '\u3000', '\u200b', '\ufeff', '\u2028', '\u0001', '\u007f', '\ud800',
  '# 示例市人民政府2024年政府信息公开工作年度报告', '2024年度', '政府信息公开工作年度报告', '发布日期：', '发布机构:', '结转说明: 合并',
  '一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项',
  '第二十条第（一）项', '第二十条第（九）项', '规章', '行政规范性文件', '行政许可', '行政事业性收费', '政府集中采购', '本年收费金额（单位：元）', '本年增/减', '信息内容',
  '一、本年新收政府信息公开申请数量', '二、上年结转政府信息公开申请数量', '三、本年度办理结果', '（一）予以公开', '(二)部分公开', '1.属于国家秘密', '2、重复申请',
  '（六）其他处理', '3.其他', '（七）总计', '四、结转下年度继续办理', '自然人', '社会组织', '总计', '行政复议', '结果维持', '尚未审结',
  '0', '0', '1', '7', '12', '3119', '-', '/', '—', '3 0', '１２', '1,234', '1，234', '22（其中修订16件）', '251000元', '0.5', '-3', '9'.repeat(20), '96171.60',
  '共收到申请26件', '行政复议3件', '信息处理费', '。',
];

/** One edit of a report's lines, as files get edited, pasted and cut. */
export type Mutation =
  | { kind: 'delete' | 'duplicate' | 'blank'; line: number }
  | { kind: 'swap'; line: number; a: number; b: number }
  | { kind: 'insert'; line: number; at: number; text: string }
  | { kind: 'replace'; line: number; cell: number; text: string }
  | { kind: 'truncate'; at: number };

/** Any one edit. */
export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constantFrom('delete', 'duplicate', 'blank'), line: fc.nat() }),
  fc.record({ kind: fc.constant('swap'), line: fc.nat(), a: fc.nat(), b: fc.nat() }),
  fc.record({ kind: fc.constant('insert'), line: fc.nat(), at: fc.nat(), text: fc.constantFrom('\t', '|', ' ', '\t\t', '||', '| ', '-', ',', '.', '0', '1') }),
  // No line breaks (they would not be one edit) and no lone surrogate (UTF-16 cannot encode it; UTF-8 writes U+FFFD).
  fc.record({ kind: fc.constant('replace'), line: fc.nat(), cell: fc.nat(), text: fc.constantFrom(...tokens.filter((t) => !/[\n\r\ud800]/.test(t))) }),
  fc.record({ kind: fc.constant('truncate'), at: fc.nat() }),
) as fc.Arbitrary<Mutation>;

/** `text` with the edits applied in order. */
export function mutate(text: string, mutations: readonly Mutation[]): string {
  let lines = text.split('\n');
  for (const m of mutations) {
    if (m.kind === 'truncate') {
      const joined = lines.join('\n');
      lines = joined.slice(0, m.at % (joined.length + 1)).split('\n');
      continue;
    }
    const n = m.line % lines.length;
    const line = lines[n]!;
    const separator = line.includes('\t') || !line.includes('|') ? '\t' : '|';
    const cells = line.split(separator);
    if (m.kind === 'delete') lines.splice(n, 1);
    else if (m.kind === 'duplicate') lines.splice(n, 0, line);
    else if (m.kind === 'blank') lines.splice(n, 0, '');
    else if (m.kind === 'insert') {
      const at = m.at % (line.length + 1);
      lines[n] = line.slice(0, at) + m.text + line.slice(at);
    } else if (m.kind === 'swap') {
      const a = m.a % cells.length;
      const b = m.b % cells.length;
      [cells[a], cells[b]] = [cells[b]!, cells[a]!];
      lines[n] = cells.join(separator);
    } else if (m.kind === 'replace') {
      cells[m.cell % cells.length] = m.text;
      lines[n] = cells.join(separator);
    }
    if (lines.length === 0) lines = [''];
  }
  return lines.join('\n');
}

