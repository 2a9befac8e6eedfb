/**
 * Section 二 (主动公开政府信息情况), from the model and the catalogue: one
 * row group per 第二十条 item, each with its own column headers, as in the
 * official table. Every number cell names its item, its row and its column.
 */

import type { Element } from 'hast';
import { h } from 'hastscript';
import { disclosureRows2019, disclosureRows2021, type DisclosureRow } from '../../src/catalogue/index.js';
import type { ReportFormat } from '../../src/model/index.js';
import { numberCell, tableInRegion } from './region.js';

const ID = 'active-disclosure';

/** Section 二's table for a report of `format`. */
export function activeDisclosureTable(format: ReportFormat, values: Readonly<Record<string, Readonly<Record<string, number | string>>>>): Element {
  const catalogue = format === '2021' ? disclosureRows2021 : disclosureRows2019;
  const width = Math.max(...catalogue.map((r) => r.columns.length));
  const groups = new Map<string, DisclosureRow[]>();
  for (const row of catalogue) groups.set(row.group, [...(groups.get(row.group) ?? []), row]);

  const bodies = [...groups].map(([group, rows], g) => {
    const groupId = `${ID}-group-${g + 1}`;
    const labelId = `${groupId}-label`;
    // The columns of a group's first row are the group's columns (they agree within a group).
    const columns = rows[0]!.columns;
    const span = (i: number) => (i === columns.length - 1 ? width - columns.length + 1 : 1);
    return h('tbody', [
      h('tr', { className: ['group-row'] }, [h('th', { id: groupId, scope: 'rowgroup', colSpan: width + 1 }, group)]),
      h('tr', [
        h('th', { id: labelId, scope: 'col', headers: [groupId] }, '信息内容'),
        ...columns.map((c, i) => h('th', { id: `${groupId}-col-${c.key}`, scope: 'col', colSpan: span(i) > 1 ? span(i) : undefined, headers: [groupId] }, c.label)),
      ]),
      ...rows.map((row) => {
        const rowId = `${ID}-row-${row.key}`;
        return h('tr', [
          h('th', { id: rowId, scope: 'row', headers: [groupId, labelId] }, row.label),
          ...row.columns.map((c, i) => numberCell(values[row.key]?.[c.key] ?? '', [groupId, rowId, `${groupId}-col-${c.key}`], span(i))),
        ]);
      }),
    ]);
  });
  return tableInRegion(ID, ['主动公开政府信息情况'], 'active-disclosure-table', ...bodies);
}
