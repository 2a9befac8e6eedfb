/**
 * Section 二 (主动公开政府信息情况) of both formats (FORMAT.md §3).
 *
 * Each row names its group (the 第二十条第（N）项 line above it), its JSON key,
 * the labels it is recognised by, and its columns with their JSON keys.
 */

import { labelCore } from './normalise.js';

/** How a cell of a column is read. */
export type ValueKind = 'count' | 'signedCount' | 'amount';

/** One number column of a section 二 row. */
export interface DisclosureColumn {
  readonly key: string;
  readonly label: string;
  readonly kind: ValueKind;
}

/** One row of section 二. */
export interface DisclosureRow {
  readonly key: string;
  readonly label: string;
  /** The 第二十条 item the row belongs to, e.g. `第二十条第（一）项`. */
  readonly group: string;
  readonly cores: readonly string[];
  readonly columns: readonly DisclosureColumn[];
}

const count = (key: string, label: string): DisclosureColumn => ({ key, label, kind: 'count' });
const signed = (key: string, label: string): DisclosureColumn => ({ key, label, kind: 'signedCount' });
const amount = (key: string, label: string): DisclosureColumn => ({ key, label, kind: 'amount' });

function row(
  key: string,
  label: string,
  group: string,
  columns: readonly DisclosureColumn[],
  ...variants: string[]
): DisclosureRow {
  return { key, label, group, columns, cores: [label, ...variants].map(labelCore) };
}

const documents2021 = [count('issued', '本年制发件数'), count('repealed', '本年废止件数'), count('inForce', '现行有效件数')];
const decisions2021 = [count('decisions', '本年处理决定数量')];

/** Format 2021: four groups, six rows. */
export const disclosureRows2021: readonly DisclosureRow[] = [
  row('regulations', '规章', '第二十条第（一）项', documents2021),
  row('normativeDocuments', '行政规范性文件', '第二十条第（一）项', documents2021),
  row('licensing', '行政许可', '第二十条第（五）项', decisions2021),
  row('penalty', '行政处罚', '第二十条第（六）项', decisions2021),
  row('coercion', '行政强制', '第二十条第（六）项', decisions2021),
  row('fees', '行政事业性收费', '第二十条第（八）项', [amount('amount', '本年收费金额（单位：万元）')]),
];

const documents2019 = [count('made', '本年新制作数量'), count('published', '本年新公开数量'), count('total', '对外公开总数量')];
const items2019 = [count('previousYear', '上一年项目数量'), signed('change', '本年增/减'), count('decisions', '处理决定数量')];

/** Format 2019: five groups, eight rows. Procurement amounts are stored in 万元. */
export const disclosureRows2019: readonly DisclosureRow[] = [
  row('regulations', '规章', '第二十条第（一）项', documents2019),
  row('normativeDocuments', '规范性文件', '第二十条第（一）项', documents2019),
  row('licensing', '行政许可', '第二十条第（五）项', items2019),
  row('otherServices', '其他对外管理服务事项', '第二十条第（五）项', items2019),
  row('penalty', '行政处罚', '第二十条第（六）项', items2019),
  row('coercion', '行政强制', '第二十条第（六）项', items2019),
  row('fees', '行政事业性收费', '第二十条第（八）项', [count('previousYear', '上一年项目数量'), signed('change', '本年增/减')]),
  row('procurement', '政府集中采购', '第二十条第（九）项', [count('projects', '采购项目数量'), amount('amount', '采购总金额（单位：万元）')]),
];

/** Header words that only the 2019 layout of section 二 uses. */
export const disclosure2019Markers: readonly string[] = ['本年新制作数量', '本年新公开数量', '对外公开总数量', '上一年项目数量', '政府集中采购', '第(九)项'];
/** Header words that only the 2021 layout of section 二 uses. */
export const disclosure2021Markers: readonly string[] = ['本年制发件数', '本年废止件数', '现行有效件数', '本年收费金额'];
