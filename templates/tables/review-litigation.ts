/**
 * Section 四 (政府信息公开行政复议、行政诉讼情况): fifteen numbers under the
 * official three-row header; every number cell names its column chain
 * (行政诉讼 → 复议后起诉 → 结果维持).
 */

import type { Element } from 'hast';
import { h } from 'hastscript';
import { reviewColumns, reviewGroups } from '../../src/catalogue/index.js';
import type { ReviewLitigation } from '../../src/model/index.js';
import { numberCell, tableInRegion } from './region.js';

const ID = 'review-litigation';
const LITIGATION = `${ID}-litigation`;

/** The header ids of a group's column, outermost first. */
export function reviewColumnHeaders(group: string, column: string): string[] {
  const definition = reviewGroups.find((g) => g.key === group);
  return [...(definition && definition.parents.length > 0 ? [LITIGATION] : []), `${ID}-${group}`, `${ID}-${group}-${column}`];
}

/** Section 四's table. */
export function reviewLitigationTable(values: ReviewLitigation): Element {
  const [review, ...litigation] = reviewGroups;
  const groupColumns = reviewColumns.length;
  const head = h('thead', [
    h('tr', [
      h('th', { id: `${ID}-${review.key}`, scope: 'colgroup', colSpan: groupColumns }, review.label),
      h('th', { id: LITIGATION, scope: 'colgroup', colSpan: groupColumns * litigation.length }, litigation[0]!.parents[0]),
    ]),
    h('tr', [
      ...reviewColumns.map((c) => h('th', { id: `${ID}-${review.key}-${c.key}`, scope: 'col', rowSpan: 2, headers: [`${ID}-${review.key}`] }, c.label)),
      ...litigation.map((g) => h('th', { id: `${ID}-${g.key}`, scope: 'colgroup', colSpan: groupColumns, headers: [LITIGATION] }, g.label)),
    ]),
    h(
      'tr',
      litigation.flatMap((g) => reviewColumns.map((c) => h('th', { id: `${ID}-${g.key}-${c.key}`, scope: 'col', headers: [LITIGATION, `${ID}-${g.key}`] }, c.label))),
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
