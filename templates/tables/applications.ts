/**
 * Section 三 (收到和处理政府信息公开申请情况), from the model and the
 * catalogue, laid out like the official table: three header rows over the
 * seven applicant columns, row headers up to three deep. Every header cell
 * has an `id`, and every number cell a `headers` list naming its whole row
 * chain and its whole column chain, so a screen reader announces
 * “三、本年度办理结果, （三）不予公开, 1.属于国家秘密, 申请人情况, 法人或其他组织, 商业企业”.
 *
 * The ids are short, because each of the ~175 number cells lists six of
 * them: `a3-g<n>` for the row groups (in order of first appearance),
 * `a3-r<n>` for the rows (catalogue order, from 1), `a3-ap` (申请人情况),
 * `a3-org` (法人或其他组织) and `a3-c<n>` for the seven applicant columns.
 * Header cells carry no `headers` of their own: the number cells already
 * name the whole chain, and a `th`'s list is not used when a `td` is read.
 */

import type { Element } from 'hast';
import { h } from 'hastscript';
import { applicantColumns, applicationRows2019, applicationRows2021, balanceNote, type ApplicationRow } from '../../src/catalogue/index.js';
import type { ReportFormat } from '../../src/model/index.js';
import { numberCell, tableInRegion, type CellValues } from './region.js';

const ID = 'applications';
const PREFIX = 'a3';
const APPLICANTS = `${PREFIX}-ap`;
const ORGANISATIONS = `${PREFIX}-org`;

/** The header ids of a column, outermost first. */
export function applicantColumnHeaders(key: string): string[] {
  const index = applicantColumns.findIndex((c) => c.key === key);
  return [APPLICANTS, ...(applicantColumns[index]?.group ? [ORGANISATIONS] : []), columnId(index)];
}

/** The id of the header cell of the row at `index` (0-based) of its format's catalogue. */
export function applicationRowId(index: number): string {
  return `${PREFIX}-r${index + 1}`;
}

function columnId(index: number): string {
  return `${PREFIX}-c${index + 1}`;
}

/** Section 三's table for a report of `format`. */
export function applicationsTable(format: ReportFormat, rows: CellValues): Element {
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
          ? [h('th', { id: columnId(applicantColumns.indexOf(c)), scope: 'col', rowSpan: 2 }, c.label)]
          : c === organisations[0]
            ? [h('th', { id: ORGANISATIONS, scope: 'colgroup', colSpan: organisations.length }, c.group)]
            : [],
      ),
    ),
    h(
      'tr',
      organisations.map((c) => h('th', { id: columnId(applicantColumns.indexOf(c)), scope: 'col' }, c.label)),
    ),
  ]);

  // A group header (三、本年度办理结果, （三）不予公开…) spans the rows under it and gets an id the first time it is met.
  const groupIds = new Map<string, string>();
  const body = h(
    'tbody',
    catalogue.map((row, index) => {
      const cells: Element[] = [];
      const chain: string[] = [];
      row.parents.forEach((label, depth) => {
        const prefix = row.parents.slice(0, depth + 1).join('\u0000');
        let id = groupIds.get(prefix);
        if (id === undefined) {
          id = `${PREFIX}-g${groupIds.size + 1}`;
          groupIds.set(prefix, id);
          const span = catalogue.filter((r) => startsWith(r, row.parents.slice(0, depth + 1))).length;
          cells.push(h('th', { id, scope: 'rowgroup', rowSpan: span > 1 ? span : undefined }, label));
        }
        chain.push(id);
      });
      const rowId = applicationRowId(index);
      const colSpan = labelColumns - row.parents.length;
      cells.push(h('th', { id: rowId, scope: 'row', colSpan: colSpan > 1 ? colSpan : undefined }, row.label));
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
