/**
 * Section 二 (主动公开政府信息情况), from the model and the catalogue: one
 * row group per 第二十条 item, each with its own column headers, as in the
 * official table. Every number cell names its item, its row and its column.
 *
 * Short ids, as in section 三: `d2-g<n>` for an item (group), `d2-g<n>-l`
 * for its 信息内容 header, `d2-g<n>-c<i>` for its columns and `d2-r<n>` for
 * the rows (catalogue order, from 1). The groups change their columns, so
 * `scope` alone cannot name them: the number cells need their `headers`;
 * the header cells need none.
 */

import type { Element } from 'hast';
import { h } from 'hastscript';
import { disclosureRows2019, disclosureRows2021, type DisclosureRow } from '../../src/catalogue/index.js';
import type { ReportFormat } from '../../src/model/index.js';
import { numberCell, tableInRegion, type CellValues } from './region.js';

const ID = 'active-disclosure';
const PREFIX = 'd2';

/** Section 二's table for a report of `format`. */
export function activeDisclosureTable(format: ReportFormat, values: CellValues): Element {
  const catalogue = format === '2021' ? disclosureRows2021 : disclosureRows2019;
  const width = Math.max(...catalogue.map((r) => r.columns.length));
  const groups = new Map<string, DisclosureRow[]>();
  for (const row of catalogue) groups.set(row.group, [...(groups.get(row.group) ?? []), row]);

  let rowNumber = 0;
  const bodies = [...groups].map(([group, rows], g) => {
    const groupId = `${PREFIX}-g${g + 1}`;
    const labelId = `${groupId}-l`;
    const columnId = (i: number) => `${groupId}-c${i + 1}`;
    // The columns of a group's first row are the group's columns (they agree within a group).
    const columns = rows[0]!.columns;
    const span = (i: number) => (i === columns.length - 1 ? width - columns.length + 1 : 1);
    return h('tbody', [
      h('tr', { className: ['group-row'] }, [h('th', { id: groupId, scope: 'rowgroup', colSpan: width + 1 }, group)]),
      h('tr', [
        h('th', { id: labelId, scope: 'col' }, '信息内容'),
        ...columns.map((c, i) => h('th', { id: columnId(i), scope: 'col', colSpan: span(i) > 1 ? span(i) : undefined }, c.label)),
      ]),
      ...rows.map((row) => {
        const rowId = `${PREFIX}-r${++rowNumber}`;
        return h('tr', [
          h('th', { id: rowId, scope: 'row' }, row.label),
          ...row.columns.map((c, i) => numberCell(values[row.key]?.[c.key] ?? '', [groupId, rowId, columnId(i)], span(i))),
        ]);
      }),
    ]);
  });
  return tableInRegion(ID, ['主动公开政府信息情况'], 'active-disclosure-table', ...bodies);
}
