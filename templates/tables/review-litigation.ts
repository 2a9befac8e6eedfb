/**
 * Section 四 (政府信息公开行政复议、行政诉讼情况): fifteen numbers under the
 * official three-row header; every number cell names its column chain
 * (行政诉讼 → 复议后起诉 → 结果维持).
 *
 * Short ids, as in section 三: `r4-lit` for 行政诉讼, `r4-g<n>` for the
 * three groups and `r4-g<n>-c<i>` for their columns (from 1). Header cells
 * carry no `headers`: the number cells name the whole chain.
 */

import type { Element } from 'hast';
import { h } from 'hastscript';
import { reviewColumns, reviewGroups, type ReviewColumnKey, type ReviewGroupKey } from '../../src/catalogue/index.js';
import { numberCell, tableInRegion } from './region.js';

/** Section 四's values by group and column (a `ReviewLitigation`, or any text: see `CellValues`). */
export type ReviewValues = Readonly<Record<ReviewGroupKey, Readonly<Record<ReviewColumnKey, number | string>>>>;

const ID = 'review-litigation';
const PREFIX = 'r4';
const LITIGATION = `${PREFIX}-lit`;

/** The header ids of a group's column, outermost first. */
export function reviewColumnHeaders(group: string, column: string): string[] {
  const g = reviewGroups.findIndex((d) => d.key === group);
  const c = reviewColumns.findIndex((d) => d.key === column);
  return [...((reviewGroups[g]?.parents.length ?? 0) > 0 ? [LITIGATION] : []), groupId(g), columnId(g, c)];
}

function groupId(g: number): string {
  return `${PREFIX}-g${g + 1}`;
}

function columnId(g: number, c: number): string {
  return `${groupId(g)}-c${c + 1}`;
}

/** Section 四's table. */
export function reviewLitigationTable(values: ReviewValues): Element {
  const [review, ...litigation] = reviewGroups;
  const groupColumns = reviewColumns.length;
  const head = h('thead', [
    h('tr', [
      h('th', { id: groupId(0), scope: 'colgroup', colSpan: groupColumns }, review.label),
      h('th', { id: LITIGATION, scope: 'colgroup', colSpan: groupColumns * litigation.length }, litigation[0]!.parents[0]),
    ]),
    h('tr', [
      ...reviewColumns.map((c, i) => h('th', { id: columnId(0, i), scope: 'col', rowSpan: 2 }, c.label)),
      ...litigation.map((g, j) => h('th', { id: groupId(j + 1), scope: 'colgroup', colSpan: groupColumns }, g.label)),
    ]),
    h(
      'tr',
      litigation.flatMap((_, j) => reviewColumns.map((c, i) => h('th', { id: columnId(j + 1, i), scope: 'col' }, c.label))),
    ),
  ]);
  const body = h('tbody', [
    h(
      'tr',
      reviewGroups.flatMap((g) => reviewColumns.map((c) => numberCell(values[g.key][c.key], reviewColumnHeaders(g.key, c.key)))),
    ),
  ]);
  return tableInRegion(ID, ['政府信息公开行政复议、行政诉讼情况（单位：件）'], 'review-litigation-table', head, body);
}
