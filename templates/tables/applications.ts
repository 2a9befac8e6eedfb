/**
 * Section 三 (收到和处理政府信息公开申请情况), from the model and the
 * catalogue, laid out like the official table: three header rows over the
 * seven applicant columns, row headers up to three deep. Every header cell
 * has an `id`, and every number cell a `headers` list naming its whole row
 * chain and its whole column chain, so a screen reader announces
 * “三、本年度办理结果, （三）不予公开, 1.属于国家秘密, 申请人情况, 法人或其他组织, 商业企业”.
 */

import type { Element } from 'hast';
import { h } from 'hastscript';
import { applicantColumns, applicationRows2019, applicationRows2021, balanceNote, type ApplicationRow } from '../../src/catalogue/index.js';
import type { ApplicantCounts, ReportFormat } from '../../src/model/index.js';
import { numberCell, tableInRegion } from './region.js';

const ID = 'applications';
const APPLICANTS = `${ID}-applicants`;
const ORGANISATIONS = `${ID}-organisations`;

/** The header ids of a column, outermost first. */
export function applicantColumnHeaders(key: string): string[] {
  const column = applicantColumns.find((c) => c.key === key);
  return [APPLICANTS, ...(column?.group ? [ORGANISATIONS] : []), `${ID}-col-${key}`];
}

/** The id of a row's own header cell. */
export function applicationRowId(key: string): string {
  return `${ID}-row-${key.replace(/\./g, '-')}`;
}

/** Section 三's table for a report of `format`. */
export function applicationsTable(format: ReportFormat, rows: Readonly<Record<string, ApplicantCounts>>): Element {
  const catalogue = format === '2021' ? applicationRows2021 : applicationRows2019;
  const labelColumns = Math.max(...catalogue.map((r) => r.parents.length + 1));
  const organisations = applicantColumns.filter((c) => c.group !== null);

  const head = h('thead', [
    h('tr', [
      h('td', { className: ['corner'], rowSpan: 3, colSpan: labelColumns }),
      h('th', { id: APPLICANTS, scope: 'colgroup', colSpan: applicantColumns.length }, '申请人情况'),
    ]),
    // 自然人 and 总计 span two rows; 法人或其他组织 stands once, over its five columns.
    h(
      'tr',
      applicantColumns.flatMap((c) =>
        c.group === null
          ? [h('th', { id: `${ID}-col-${c.key}`, scope: 'col', rowSpan: 2, headers: [APPLICANTS] }, c.label)]
          : c === organisations[0]
            ? [h('th', { id: ORGANISATIONS, scope: 'colgroup', colSpan: organisations.length, headers: [APPLICANTS] }, c.group)]
            : [],
      ),
    ),
    h(
      'tr',
      organisations.map((c) => h('th', { id: `${ID}-col-${c.key}`, scope: 'col', headers: [APPLICANTS, ORGANISATIONS] }, c.label)),
    ),
  ]);

  // A group header (三、本年度办理结果, （三）不予公开…) spans the rows under it and gets an id the first time it is met.
  const groupIds = new Map<string, string>();
  const body = h(
    'tbody',
    catalogue.map((row) => {
      const cells: Element[] = [];
      const chain: string[] = [];
      row.parents.forEach((label, depth) => {
        const prefix = row.parents.slice(0, depth + 1).join('\u0000');
        let id = groupIds.get(prefix);
        if (id === undefined) {
          id = `${ID}-group-${groupIds.size + 1}`;
          groupIds.set(prefix, id);
          const span = catalogue.filter((r) => startsWith(r, row.parents.slice(0, depth + 1))).length;
          cells.push(h('th', { id, scope: 'rowgroup', rowSpan: span > 1 ? span : undefined, headers: chain.length > 0 ? [...chain] : undefined }, label));
        }
        chain.push(id);
      });
      const rowId = applicationRowId(row.key);
      const colSpan = labelColumns - row.parents.length;
      cells.push(h('th', { id: rowId, scope: 'row', colSpan: colSpan > 1 ? colSpan : undefined, headers: chain.length > 0 ? [...chain] : undefined }, row.label));
      const values = rows[row.key];
      for (const column of applicantColumns) {
        cells.push(numberCell(values?.[column.key] ?? '', [...chain, rowId, ...applicantColumnHeaders(column.key)]));
      }
      return h('tr', { className: row.role === 'result' ? undefined : [`row-${row.role}`] }, cells);
    }),
  );

  return tableInRegion(ID, ['收到和处理政府信息公开申请情况（单位：件）', h('span', { className: ['caption-note'] }, `${balanceNote}。`)], 'applications-table', head, body);
}

function startsWith(row: ApplicationRow, parents: readonly string[]): boolean {
  return parents.every((label, i) => row.parents[i] === label);
}
