import { describe, expect, it } from 'vitest';
import { applicantColumns, applicationRows2019, applicationRows2021, balanceNote, reviewColumns, reviewGroups } from '../../src/catalogue/index.js';
import type { ApplicantCounts } from '../../src/model/index.js';
import { activeDisclosureTable } from '../../templates/tables/active-disclosure.js';
import { applicationsTable } from '../../templates/tables/applications.js';
import { reviewLitigationTable } from '../../templates/tables/review-litigation.js';
import { elements, headerChains, textOf } from '../helpers/hast.js';

const zeros = (): ApplicantCounts => ({ natural: 0, commercial: 0, research: 0, social: 0, legal: 0, other: 0, total: 0 });

function columnChain(key: string): string[] {
  const column = applicantColumns.find((c) => c.key === key)!;
  return ['申请人情况', ...(column.group ? [column.group] : []), column.label];
}

describe('applicationsTable', () => {
  for (const [format, catalogue] of [['2021', applicationRows2021], ['2019', applicationRows2019]] as const) {
    it(`should name, for every number cell of a ${format} table, its whole row chain and column chain`, () => {
      const rows = Object.fromEntries(catalogue.map((r, i) => [r.key, { ...zeros(), natural: i }]));
      const table = applicationsTable(format, rows);
      const chains = headerChains(table);
      expect(chains).toHaveLength(catalogue.length * 7);
      catalogue.forEach((row, r) => {
        applicantColumns.forEach((column, c) => {
          expect(chains[r * 7 + c]).toEqual([...row.parents, row.label, ...columnChain(column.key)]);
        });
      });
      expect(chains[4 * 7 + 1]).toEqual(['三、本年度办理结果', '（三）不予公开', '1.属于国家秘密', '申请人情况', '法人或其他组织', '商业企业']);
    });
  }

  it('should name the headers with short ids, and only from the number cells', () => {
    const table = applicationsTable('2021', {});
    const cells = elements(table).filter((e) => e.tagName === 'td' && e.properties['headers']);
    // Row 5 is （三）1.属于国家秘密; column 2 is 商业企业.
    expect(cells[4 * 7 + 1]!.properties['headers']).toEqual(['a3-g1', 'a3-g2', 'a3-r5', 'a3-ap', 'a3-org', 'a3-c2']);
    expect(elements(table).filter((e) => e.tagName === 'th' && e.properties['headers'])).toEqual([]);
  });

  it('should show the numbers of the model, in catalogue order, right-aligned', () => {
    const rows = Object.fromEntries(applicationRows2021.map((r) => [r.key, zeros()]));
    rows['received'] = { natural: 3001, commercial: 53, research: 0, social: 0, legal: 61, other: 4, total: 3119 };
    const cells = elements(applicationsTable('2021', rows)).filter((e) => e.tagName === 'td' && e.properties['headers']);
    expect(cells.slice(0, 7).map((td) => textOf(td))).toEqual(['3001', '53', '0', '0', '61', '4', '3119']);
    expect(cells.every((td) => (td.properties['className'] as string[]).includes('num'))).toBe(true);
  });

  it('should put the 勾稽关系 note in the caption, not in a cell', () => {
    const table = applicationsTable('2021', Object.fromEntries(applicationRows2021.map((r) => [r.key, zeros()])));
    const caption = elements(table).find((e) => e.tagName === 'caption')!;
    expect(textOf(caption)).toContain(balanceNote);
    const cells = elements(table).filter((e) => e.tagName === 'td' || e.tagName === 'th');
    expect(cells.some((e) => textOf(e).includes('勾稽关系'))).toBe(false);
  });

  it('should give every header cell a unique id', () => {
    const ids = elements(applicationsTable('2021', {})).filter((e) => e.tagName === 'th').map((e) => e.properties['id']);
    expect(ids.every((id) => typeof id === 'string')).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('should sit in a focusable scroll region labelled by its caption', () => {
    const region = applicationsTable('2021', {});
    expect(region.tagName).toBe('section');
    expect(region.properties['tabIndex']).toBe(0);
    expect(region.properties['ariaLabelledBy']).toEqual(['applications-caption']);
    expect(elements(region).find((e) => e.tagName === 'caption')?.properties['id']).toBe('applications-caption');
  });
});

describe('reviewLitigationTable', () => {
  it('should name, for each of the fifteen numbers, its group and column headers', () => {
    const values = Object.fromEntries(reviewGroups.map((g, i) => [g.key, Object.fromEntries(reviewColumns.map((c, j) => [c.key, i * 10 + j]))]));
    const table = reviewLitigationTable(values as never);
    const chains = headerChains(table);
    expect(chains).toHaveLength(15);
    expect(chains[0]).toEqual(['行政复议', '结果维持']);
    expect(chains[4]).toEqual(['行政复议', '总计']);
    expect(chains[5]).toEqual(['行政诉讼', '未经复议直接起诉', '结果维持']);
    expect(chains[14]).toEqual(['行政诉讼', '复议后起诉', '总计']);
    const numbers = elements(table).filter((e) => e.tagName === 'td').map((td) => textOf(td));
    expect(numbers).toEqual(['0', '1', '2', '3', '4', '10', '11', '12', '13', '14', '20', '21', '22', '23', '24']);
  });
});

describe('activeDisclosureTable', () => {
  it('should name the 第二十条 item, the row and the column of every 2021 number', () => {
    const table = activeDisclosureTable('2021', {
      regulations: { issued: 1, repealed: 0, inForce: 11 },
      normativeDocuments: { issued: 8, repealed: 26, inForce: 66 },
      licensing: { decisions: 447228 },
      penalty: { decisions: 3985758 },
      coercion: { decisions: 88283 },
      fees: { amount: '96171.6' },
    });
    const chains = headerChains(table);
    expect(chains).toHaveLength(10);
    expect(chains[0]).toEqual(['第二十条第（一）项', '规章', '本年制发件数']);
    expect(chains[5]).toEqual(['第二十条第（一）项', '行政规范性文件', '现行有效件数']);
    expect(chains[9]).toEqual(['第二十条第（八）项', '行政事业性收费', '本年收费金额（单位：万元）']);
    const numbers = elements(table).filter((e) => e.tagName === 'td').map((td) => textOf(td));
    expect(numbers).toEqual(['1', '0', '11', '8', '26', '66', '447228', '3985758', '88283', '96171.6']);
  });

  it('should lay out a 2019 table with its five items and signed changes', () => {
    const table = activeDisclosureTable('2019', {
      regulations: { made: 0, published: 0, total: 0 },
      normativeDocuments: { made: 2, published: 2, total: 30 },
      licensing: { previousYear: 10, change: -3, decisions: 120 },
      otherServices: { previousYear: 1, change: 0, decisions: 0 },
      penalty: { previousYear: 5, change: 1, decisions: 9 },
      coercion: { previousYear: 0, change: 0, decisions: 0 },
      fees: { previousYear: 2, change: -1 },
      procurement: { projects: 4, amount: '12.5' },
    });
    const groups = elements(table).filter((e) => e.tagName === 'th' && e.properties['scope'] === 'rowgroup').map((e) => textOf(e));
    expect(groups).toEqual(['第二十条第（一）项', '第二十条第（五）项', '第二十条第（六）项', '第二十条第（八）项', '第二十条第（九）项']);
    const chains = headerChains(table);
    expect(chains[7]).toEqual(['第二十条第（五）项', '行政许可', '本年增/减']);
    expect(elements(table).filter((e) => e.tagName === 'td').map((td) => textOf(td))[7]).toBe('-3');
  });
});
