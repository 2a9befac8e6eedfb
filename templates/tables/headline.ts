/**
 * The year-by-year table of headline figures on an agency's page (and on the
 * home page of a one-agency site): a simple table, headers by `scope`.
 */

import type { Element } from 'hast';
import { h } from 'hastscript';
import { tableInRegion } from './region.js';

/** The headline figures of one report. */
export interface Headline {
  /** 本年新收政府信息公开申请数量, 总计. */
  readonly received: number;
  /** （七）总计: applications processed, 总计. */
  readonly processed: number;
  /** 结转下年度继续办理, 总计. */
  readonly carriedForward: number;
  /** 行政复议, 总计. */
  readonly reviews: number;
  /** 行政诉讼 (未经复议直接起诉 + 复议后起诉), 总计. */
  readonly lawsuits: number;
}

/** One row: a year, the link to its report, its figures. */
export interface HeadlineRow {
  readonly year: number;
  readonly href: string;
  readonly headline: Headline;
}

const COLUMNS: readonly { key: keyof Headline; label: string }[] = [
  { key: 'received', label: '本年新收申请' },
  { key: 'processed', label: '本年办理' },
  { key: 'carriedForward', label: '结转下年度' },
  { key: 'reviews', label: '行政复议' },
  { key: 'lawsuits', label: '行政诉讼' },
];

/** The headline table, rows in the order given (newest first). `agency` makes its caption and links unambiguous. */
export function headlineTable(agency: string, rows: readonly HeadlineRow[]): Element {
  return tableInRegion(
    'headline',
    [`${agency}历年主要数据（单位：件）`],
    'headline-table',
    h('thead', [h('tr', [h('th', { scope: 'col' }, '年度'), ...COLUMNS.map((c) => h('th', { scope: 'col' }, c.label))])]),
    h(
      'tbody',
      rows.map((row) =>
        h('tr', [
          h('th', { scope: 'row' }, [h('a', { href: row.href }, `${row.year}年`)]),
          ...COLUMNS.map((c) => h('td', { className: ['num'] }, String(row.headline[c.key]))),
        ]),
      ),
    ),
  );
}
