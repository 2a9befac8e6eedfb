/** The lists of reports on the home and agency pages, and the open-data block. */

import type { Element } from 'hast';
import { h } from 'hastscript';
import type { LayoutInput } from './layout.js';

/** A report in a list: its year and the link to its page. */
export interface YearLink {
  readonly year: number;
  readonly href: string;
}

/**
 * An agency's reports, newest first. The link reads “2024年度报告”; the
 * agency's name, hidden from view, makes it unambiguous out of context
 * (a screen reader's list of links).
 */
export function yearList(agency: string, years: readonly YearLink[]): Element {
  return h(
    'ul',
    { className: ['year-list'] },
    years.map((y) => h('li', [h('a', { href: y.href }, [h('span', { className: ['visually-hidden'] }, agency), `${y.year}年度报告`])])),
  );
}

/** The open-data block: the site-wide files and what is in them. */
export function openData(links: LayoutInput['links']): Element[] {
  return [
    h('h2', { id: 'open-data' }, '开放数据'),
    h('p', '每份年报的数据都放在该年报页面旁边（report.json）。全站数据：'),
    h('ul', { className: ['data-list'] }, [
      h('li', [h('a', { href: links.reportsJson, type: 'application/json' }, '全部年报数据（JSON）'), '：每份年报一项，字段说明见数据格式说明。']),
      h('li', [
        h('a', { href: links.reportsCsv, type: 'text/csv' }, '全部年报数据（CSV）'),
        '：每个数字一行，列为 agency（机关）、year（年度）、format（格式）、table（表）、row（行）、column（列）、value（数值）；UTF-8 编码，可用 Excel 直接打开。',
      ]),
      h('li', [h('a', { href: links.schema, type: 'application/schema+json' }, '数据格式说明（JSON Schema）')]),
    ]),
  ];
}
