/**
 * Reading number cells (FORMAT.md §7): every form real reports use is either
 * read correctly or reported at the cell; amounts stay exact decimal strings.
 * Tested on `readCell` itself and through `processReport` on small reports.
 */

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ValueKind } from '../../src/catalogue/index.js';
import { readCell, shiftDecimal } from '../../src/model/index.js';
import { zeroReport, withCell } from '../support/reports.js';

type Expected = { value: number | string; issue?: string } | { error: string };

const cases: [text: string, kind: ValueKind, expected: Expected][] = [
  ['0', 'count', { value: 0 }],
  ['3119', 'count', { value: 3119 }],
  ['0001', 'count', { value: 1 }],
  ['+5', 'count', { value: 5 }],
  // Thousands separators, ASCII and full-width.
  ['1,234', 'count', { value: 1234 }],
  ['1，234', 'count', { value: 1234 }],
  ['1,234,567', 'count', { value: 1234567 }],
  ['12,34', 'count', { error: 'not-a-number' }],
  ['1,2345', 'count', { error: 'not-a-number' }],
  // Full-width digits.
  ['１２３', 'count', { value: 123 }],
  ['１，２３４', 'count', { value: 1234 }],
  ['１．５', 'amount', { value: '1.5' }],
  // Padding, U+00A0 and U+3000 included.
  [' 7 ', 'count', { value: 7 }],
  ['\u00a07\u3000', 'count', { value: 7 }],
  // A space between digits: a thousands separator, or two numbers run together (regression: `3 0` was read as 30).
  ['1 234', 'count', { value: 1234 }],
  ['1\u00a0234\u00a0567', 'count', { value: 1234567 }],
  ['3 0', 'count', { error: 'not-a-number' }],
  ['12 34', 'count', { error: 'not-a-number' }],
  ['1234 567', 'count', { error: 'not-a-number' }],
  ['1 5', 'amount', { error: 'not-a-number' }],
  ['22 （其中修订16件）', 'count', { value: 22, issue: 'cell-note' }],
  // A note inside the cell.
  ['22（其中修订16件）', 'count', { value: 22, issue: 'cell-note' }],
  ['22(其中修订16件)', 'count', { value: 22, issue: 'cell-note' }],
  ['22 【注】', 'count', { value: 22, issue: 'cell-note' }],
  // A unit inside the cell.
  ['5件', 'count', { value: 5, issue: 'cell-unit' }],
  ['251000元', 'amount', { value: '25.1', issue: 'cell-unit' }],
  ['25.1万元', 'amount', { value: '25.1', issue: 'cell-unit' }],
  ['5元', 'amount', { value: '0.0005', issue: 'cell-unit' }],
  // Blank, dash or slash for zero.
  ['', 'count', { value: 0, issue: 'empty-cell' }],
  ['-', 'count', { value: 0, issue: 'empty-cell' }],
  ['/', 'count', { value: 0, issue: 'empty-cell' }],
  ['—', 'count', { value: 0, issue: 'empty-cell' }],
  ['——', 'count', { value: 0, issue: 'empty-cell' }],
  ['－', 'count', { value: 0, issue: 'empty-cell' }],
  ['／', 'count', { value: 0, issue: 'empty-cell' }],
  ['-', 'amount', { value: '0', issue: 'empty-cell' }],
  // Negative values: only 本年增/减 (signedCount) may be negative.
  ['-3', 'signedCount', { value: -3 }],
  ['−3', 'signedCount', { value: -3 }],
  ['-3', 'count', { error: 'negative-number' }],
  ['-3', 'amount', { error: 'negative-number' }],
  ['-0', 'count', { value: 0 }],
  // Decimals in a count.
  ['1.5', 'count', { error: 'not-an-integer' }],
  ['1.0', 'count', { value: 1 }],
  ['3.5万元', 'count', { error: 'not-an-integer' }],
  // Too many digits (regression: a 400-digit amount was read as a 400-digit string).
  ['9'.repeat(400), 'count', { error: 'number-too-large' }],
  ['9'.repeat(400), 'signedCount', { error: 'number-too-large' }],
  ['9'.repeat(16), 'count', { error: 'number-too-large' }],
  ['9'.repeat(15), 'count', { value: 999999999999999 }],
  ['9'.repeat(400), 'amount', { error: 'number-too-large' }],
  ['9'.repeat(16), 'amount', { error: 'number-too-large' }],
  ['9'.repeat(15) + '.5', 'amount', { value: '9'.repeat(15) + '.5' }],
  // Amounts: exact decimal strings, canonical form.
  ['96171.60', 'amount', { value: '96171.6' }],
  ['96171.6', 'amount', { value: '96171.6' }],
  ['0.1', 'amount', { value: '0.1' }],
  ['0.2', 'amount', { value: '0.2' }],
  ['0.30', 'amount', { value: '0.3' }],
  ['007.50', 'amount', { value: '7.5' }],
  ['0.0000', 'amount', { value: '0' }],
  ['1,234.5', 'amount', { value: '1234.5' }],
  ['123456789012345.123456789', 'amount', { value: '123456789012345.123456789' }],
  ['9007199254740993', 'count', { error: 'number-too-large' }],
  // Not numbers at all.
  ['abc', 'count', { error: 'not-a-number' }],
  ['1e3', 'count', { error: 'not-a-number' }],
  ['0x10', 'count', { error: 'not-a-number' }],
  ['Infinity', 'count', { error: 'not-a-number' }],
  ['NaN', 'amount', { error: 'not-a-number' }],
  ['.5', 'amount', { error: 'not-a-number' }],
  ['5.', 'amount', { error: 'not-a-number' }],
  ['约20', 'count', { error: 'not-a-number' }],
];

describe('readCell', () => {
  for (const [text, kind, expected] of cases) {
    const shown = text.length > 20 ? `${text.slice(0, 12)}… (${text.length} characters)` : text;
    const outcome = 'error' in expected ? expected.error : `${JSON.stringify(expected.value)}${expected.issue ? ` with ${expected.issue}` : ''}`;
    it(`should read “${shown}” as a ${kind}: ${outcome}`, () => {
      const reading = readCell(text, kind);
      if ('error' in expected) {
        expect(reading.ok).toBe(false);
        expect(reading.issue?.code).toBe(expected.error);
        expect(reading.issue?.found).toBe(text);
      } else {
        expect(reading).toMatchObject({ ok: true, value: expected.value });
        expect(reading.issue?.code).toBe(expected.issue);
      }
    });
  }

  it('should never turn an amount into a float', () => {
    for (const text of ['0.1', '0.2', '0.3', '96171.60', '1234567890123.0001']) {
      const reading = readCell(text, 'amount');
      expect(reading.ok && typeof reading.value).toBe('string');
    }
  });

  it('should read an amount in a 元 column as 万元, exactly', () => {
    expect(readCell('251000', 'amount', '元')).toEqual({ ok: true, value: '25.1' });
    expect(readCell('1', 'amount', '元')).toEqual({ ok: true, value: '0.0001' });
  });

  it('should read 25万元 in a 元 column as 25 (万元), not 250000 (regression)', () => {
    expect(readCell('25万元', 'amount', '元')).toEqual({ ok: true, value: '25', issue: { code: 'cell-unit', found: '25万元', read: '25' } });
    expect(readCell('251000元', 'amount', '元')).toMatchObject({ ok: true, value: '25.1' });
  });

  it('should read a count of up to fifteen plain digits as its number, leading zeros and all', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{1,15}$/), fc.constantFrom('count' as const, 'signedCount' as const), (text, kind) => {
        expect(readCell(text, kind)).toEqual({ ok: true, value: Number(text) });
      }),
      { numRuns: 3000 },
    );
    expect(readCell('1234567890123456', 'count')).toMatchObject({ ok: false, issue: { code: 'number-too-large' } });
  });
});

describe('readCell on long cells', () => {
  // Regression: trailing zeros were cut with /0+$/, quadratic: a 40,000-digit fraction took 1.2 s (2.4 s in a 元 column).
  it('should read a 1 MB amount in linear time (regression: catastrophic backtracking)', () => {
    const fraction = `${'0'.repeat(1_000_000)}1`;
    for (const unit of ['万元', '元'] as const) {
      const start = performance.now();
      const reading = readCell(`0.${fraction}`, 'amount', unit);
      expect(performance.now() - start).toBeLessThan(1000);
      expect(reading.ok && reading.value).toBe(unit === '万元' ? `0.${fraction}` : `0.0000${fraction}`);
    }
  });

  it('should read or reject 1 MB cells of every kind in linear time', () => {
    for (const text of ['1'.repeat(1_000_000), `1.${'0'.repeat(1_000_000)}`, `1${' '.repeat(1_000_000)}2`, `22（${'注'.repeat(1_000_000)}）`, `${'1,'.repeat(500_000)}1`]) {
      for (const kind of ['count', 'signedCount', 'amount'] as const) {
        const start = performance.now();
        readCell(text, kind);
        expect(performance.now() - start).toBeLessThan(1000);
      }
    }
  });
});

describe('shiftDecimal', () => {
  it('should multiply by a power of ten exactly', () => {
    expect(shiftDecimal('251000', -4)).toBe('25.1');
    expect(shiftDecimal('0.1', -4)).toBe('0.00001');
    expect(shiftDecimal('25.1', 4)).toBe('251000');
    expect(shiftDecimal('0', 4)).toBe('0');
  });
});

describe('number cells through processReport', () => {
  const report2021 = zeroReport('2021');
  const report2019 = zeroReport('2019');

  /** The one message of `ruleId`, asserting it stands on the cell. */
  function messageAtCell(result: ReturnType<typeof withCell>, ruleId: string) {
    const found = result.file.messages.filter((m) => m.ruleId === ruleId);
    expect(found.map((m) => m.ruleId)).toEqual([ruleId]);
    const message = found[0]!;
    expect({ line: message.line, column: message.column }).toEqual({ line: result.place.line, column: result.place.column });
    return message;
  }

  it('should read thousands separators and full-width digits in section 三', () => {
    const report = structuredClone(report2021) as typeof report2021 & { applications: Record<string, Record<string, number>> };
    for (const key of ['received', 'granted', 'totalProcessed']) {
      report.applications[key]!.natural = 1234;
      report.applications[key]!.total = 1234;
    }
    for (const written of ['1,234', '1，234', '１２３４', '１，２３４']) {
      const result = withCell(report, 'applications.granted.natural', written);
      expect(result.file.messages.map((m) => m.ruleId)).toEqual([]);
      expect(result.model?.report?.applications).toEqual(report.applications);
    }
  });

  it('should read a note in a cell as its number, with a cell-note warning at the cell', () => {
    const report = structuredClone(report2021) as typeof report2021 & { activeDisclosure: Record<string, Record<string, number>> };
    report.activeDisclosure['normativeDocuments']!.issued = 22;
    const result = withCell(report, 'activeDisclosure.normativeDocuments.issued', '22（其中修订16件）');
    const message = messageAtCell(result, 'cell-note');
    expect(message.fatal).toBe(false);
    expect(result.model?.report?.activeDisclosure).toEqual(report.activeDisclosure);
  });

  it('should convert 251000元 in the 万元 fee column to "25.1", with a cell-unit warning at the cell', () => {
    const result = withCell(report2021, 'activeDisclosure.fees.amount', '251000元');
    const message = messageAtCell(result, 'cell-unit');
    expect(message.fatal).toBe(false);
    expect(result.model?.report?.activeDisclosure['fees']).toEqual({ amount: '25.1' });
  });

  it('should read the procurement amount of a format 2019 report whose header says 元 in 万元 (regression: 25万元 became 250000)', () => {
    const edit = (markdown: string) => markdown.replace('采购总金额（单位：万元）', '采购总金额（单位：元）');
    const plain = withCell(report2019, 'activeDisclosure.procurement.amount', '251000', { edit });
    expect(plain.file.messages).toEqual([]);
    expect(plain.model?.report?.activeDisclosure['procurement']).toEqual({ projects: 0, amount: '25.1' });
    const inWan = withCell(report2019, 'activeDisclosure.procurement.amount', '25万元', { edit });
    messageAtCell(inWan, 'cell-unit');
    expect(inWan.model?.report?.activeDisclosure['procurement']).toEqual({ projects: 0, amount: '25' });
  });

  it('should keep 96171.60 as the exact string "96171.6"', () => {
    const result = withCell(report2021, 'activeDisclosure.fees.amount', '96171.60');
    expect(result.file.messages).toEqual([]);
    expect(result.model?.report?.activeDisclosure['fees']).toEqual({ amount: '96171.6' });
  });

  for (const written of ['-', '/', '', '—']) {
    it(`should read “${written}” in section 三 as 0 with an empty-cell warning on the row`, () => {
      const result = withCell(report2021, 'applications.granted.legal', written);
      const messages = result.file.messages.map((m) => ({ ruleId: m.ruleId, line: m.line, fatal: m.fatal }));
      expect(messages).toEqual([{ ruleId: 'empty-cell', line: result.place.line, fatal: false }]);
      expect(result.model?.report?.applications).toEqual(report2021.applications);
    });
  }

  it('should accept a negative 本年增/减 in format 2019', () => {
    const report = structuredClone(report2019) as typeof report2019 & { activeDisclosure: Record<string, Record<string, number>> };
    report.activeDisclosure['licensing']!.change = -3;
    const result = withCell(report, 'activeDisclosure.licensing.change', '-3');
    expect(result.file.messages.map((m) => m.ruleId)).toEqual([]);
    expect(result.model?.report?.activeDisclosure).toEqual(report.activeDisclosure);
  });

  const errors: [path: string, format: '2019' | '2021', written: string, ruleId: string][] = [
    ['activeDisclosure.licensing.previousYear', '2019', '-3', 'negative-number'],
    ['activeDisclosure.licensing.decisions', '2021', '-3', 'negative-number'],
    ['applications.received.natural', '2021', '-1', 'negative-number'],
    ['reviewLitigation.review.upheld', '2021', '-1', 'negative-number'],
    ['activeDisclosure.fees.amount', '2021', '-0.5', 'negative-number'],
    ['applications.granted.natural', '2021', '1.5', 'not-an-integer'],
    ['activeDisclosure.penalty.decisions', '2021', '2.25', 'not-an-integer'],
    ['reviewLitigation.litigationDirect.total', '2021', '0.5', 'not-an-integer'],
    ['applications.granted.natural', '2021', '9'.repeat(400), 'number-too-large'],
    ['reviewLitigation.review.total', '2021', '9'.repeat(400), 'number-too-large'],
    ['activeDisclosure.regulations.inForce', '2021', '9'.repeat(400), 'number-too-large'],
    ['activeDisclosure.fees.amount', '2021', '9'.repeat(400), 'number-too-large'],
    ['reviewLitigation.review.other', '2021', '二', 'not-a-number'],
    ['activeDisclosure.licensing.decisions', '2021', '3 0', 'not-a-number'],
    // The first value cell of a row (regression: taken for a label, giving unknown-row and missing-row).
    ['applications.granted.natural', '2021', '约20', 'not-a-number'],
    ['applications.received.natural', '2019', 'abc', 'not-a-number'],
    ['activeDisclosure.licensing.decisions', '2021', '约20', 'not-a-number'],
    ['activeDisclosure.regulations.issued', '2021', '二', 'not-a-number'],
    ['activeDisclosure.procurement.projects', '2019', 'n/a', 'not-a-number'],
    ['reviewLitigation.review.upheld', '2021', '二', 'not-a-number'],
    ['applications.granted.research', '2021', '1 0', 'not-a-number'],
  ];
  for (const [path, format, written, ruleId] of errors) {
    const shown = written.length > 20 ? `${written.slice(0, 8)}… (${written.length} digits)` : written;
    it(`should report “${shown}” in ${path} (format ${format}) as ${ruleId} at the cell, and build no model`, () => {
      const result = withCell(format === '2021' ? report2021 : report2019, path, written);
      const message = messageAtCell(result, ruleId);
      expect(message.fatal).toBe(true);
      expect(result.file.messages.filter((m) => m.fatal).map((m) => m.ruleId)).toEqual([ruleId]);
      expect(result.model?.report).toBeNull();
    });
  }
});
