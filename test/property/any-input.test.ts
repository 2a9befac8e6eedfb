/**
 * Property tests on whatever an editor's file may hold: arbitrary text,
 * arbitrary bytes, and arbitrary mutations of the real reports. processReport
 * never throws, finishes in bounded time, and every message it gives is
 * well formed: a registered rule id with its severity, a place inside the
 * file, a reason without `undefined` in it. A mutated real report that gives
 * no error reads the same numbers in section 三 as the original.
 */

import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { processReport, type ProcessedReport } from '../../src/process.js';
import { expectWellFormed } from '../support/messages.js';

/** Slowest processReport call seen, in milliseconds. */
let slowest = 0;
const LIMIT_MS = 2000;

function check(bytes: Uint8Array): ProcessedReport {
  const start = performance.now();
  const result = processReport({ path: 'reports/2024.md', pathYear: 2024 }, bytes);
  const took = performance.now() - start;
  slowest = Math.max(slowest, took);
  expect(took).toBeLessThan(LIMIT_MS);
  expectWellFormed(result);
  return result;
}

/** Pieces of reports, so that generated text reaches the tables, not only the title check. */
const tokens = [
  '\n', '\n', '\n', '\t', '\t', '\t', '|', ' ', '\r\n', '\r', '#', '## ', '---', '**', '> ', '- ', '\u00a0', '\u3000', '\u200b', '\ufeff', '\u2028', '\u0001', '\u007f', '\ud800',
  '# 示例市人民政府2024年政府信息公开工作年度报告', '2024年度', '政府信息公开工作年度报告', '发布日期：', '发布机构:', '结转说明: 合并',
  '一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项',
  '第二十条第（一）项', '第二十条第（九）项', '规章', '行政规范性文件', '行政许可', '行政事业性收费', '政府集中采购', '本年收费金额（单位：元）', '本年增/减', '信息内容',
  '一、本年新收政府信息公开申请数量', '二、上年结转政府信息公开申请数量', '三、本年度办理结果', '（一）予以公开', '(二)部分公开', '1.属于国家秘密', '2、重复申请',
  '（六）其他处理', '3.其他', '（七）总计', '四、结转下年度继续办理', '自然人', '社会组织', '总计', '行政复议', '结果维持', '尚未审结',
  '0', '0', '1', '7', '12', '3119', '-', '/', '—', '3 0', '１２', '1,234', '1，234', '22（其中修订16件）', '251000元', '0.5', '-3', '9'.repeat(20), '96171.60',
  '共收到申请26件', '行政复议3件', '信息处理费', '。',
];
const reportLike = fc.array(fc.constantFrom(...tokens), { maxLength: 300 }).map((parts) => parts.join(''));

const RUNS = { tokens: 5000, unicode: 2500, bytes: 3000, mutations: 3000 };

describe('property: any input gives well-formed messages in bounded time, never an exception', () => {
  it(`should handle ${RUNS.tokens} texts made of report pieces`, () => {
    fc.assert(fc.property(reportLike, (text) => void check(Buffer.from(text))), { numRuns: RUNS.tokens });
  }, 120_000);

  it(`should handle ${RUNS.unicode} arbitrary Unicode texts`, () => {
    const text = fc.oneof(fc.string({ unit: 'binary', maxLength: 400 }), fc.string({ unit: 'grapheme', maxLength: 400 }), fc.string({ maxLength: 400 }));
    fc.assert(fc.property(text, (t) => void check(Buffer.from(t))), { numRuns: RUNS.unicode });
  }, 120_000);

  it(`should handle ${RUNS.bytes} arbitrary byte strings, with and without a byte order mark`, () => {
    const bom = fc.constantFrom([], [0xef, 0xbb, 0xbf], [0xff, 0xfe], [0xfe, 0xff]);
    const bytes = fc.tuple(bom, fc.oneof(fc.uint8Array({ maxLength: 1000 }), reportLike.map((t) => new Uint8Array(Buffer.from(t, 'utf16le')))));
    fc.assert(fc.property(bytes, ([prefix, body]) => void check(Buffer.concat([Buffer.from(prefix), body]))), { numRuns: RUNS.bytes });
  }, 120_000);
});

/** One edit of a report's lines, as files get edited, pasted and cut. */
type Mutation =
  | { kind: 'delete' | 'duplicate' | 'blank'; line: number }
  | { kind: 'swap'; line: number; a: number; b: number }
  | { kind: 'insert'; line: number; at: number; text: string }
  | { kind: 'replace'; line: number; cell: number; text: string }
  | { kind: 'truncate'; at: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constantFrom('delete', 'duplicate', 'blank'), line: fc.nat() }),
  fc.record({ kind: fc.constant('swap'), line: fc.nat(), a: fc.nat(), b: fc.nat() }),
  fc.record({ kind: fc.constant('insert'), line: fc.nat(), at: fc.nat(), text: fc.constantFrom('\t', '|', ' ', '\t\t', '||', '| ', '-', ',', '.', '0', '1') }),
  // No line breaks (they would not be one edit) and no lone surrogate (UTF-16 cannot encode it; UTF-8 writes U+FFFD).
  fc.record({ kind: fc.constant('replace'), line: fc.nat(), cell: fc.nat(), text: fc.constantFrom(...tokens.filter((t) => !/[\n\r\ud800]/.test(t))) }),
  fc.record({ kind: fc.constant('truncate'), at: fc.nat() }),
) as fc.Arbitrary<Mutation>;

function mutate(text: string, mutations: readonly Mutation[]): string {
  let lines = text.split('\n');
  for (const m of mutations) {
    if (m.kind === 'truncate') {
      const joined = lines.join('\n');
      lines = joined.slice(0, m.at % (joined.length + 1)).split('\n');
      continue;
    }
    const n = m.line % lines.length;
    const line = lines[n]!;
    const separator = line.includes('\t') || !line.includes('|') ? '\t' : '|';
    const cells = line.split(separator);
    if (m.kind === 'delete') lines.splice(n, 1);
    else if (m.kind === 'duplicate') lines.splice(n, 0, line);
    else if (m.kind === 'blank') lines.splice(n, 0, '');
    else if (m.kind === 'insert') {
      const at = m.at % (line.length + 1);
      lines[n] = line.slice(0, at) + m.text + line.slice(at);
    } else if (m.kind === 'swap') {
      const a = m.a % cells.length;
      const b = m.b % cells.length;
      [cells[a], cells[b]] = [cells[b]!, cells[a]!];
      lines[n] = cells.join(separator);
    } else if (m.kind === 'replace') {
      cells[m.cell % cells.length] = m.text;
      lines[n] = cells.join(separator);
    }
    if (lines.length === 0) lines = [''];
  }
  return lines.join('\n');
}

const encodings = {
  'utf-8': (t: string) => Buffer.from(t),
  'utf-8 with BOM and CRLF': (t: string) => Buffer.from(`\ufeff${t.replace(/\n/g, '\r\n')}`),
  'utf-16le': (t: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(t, 'utf16le')]),
  'utf-16be': (t: string) => {
    const body = Buffer.from(t, 'utf16le');
    body.swap16();
    return Buffer.concat([Buffer.from([0xfe, 0xff]), body]);
  },
};

describe('property: mutated real reports', () => {
  for (const name of ['huaian-2024', 'changdai-2021']) {
    const text = readFileSync(new URL(`../fixtures/corpus/${name}.md`, import.meta.url), 'utf8');
    const expected = JSON.parse(readFileSync(new URL(`../fixtures/corpus/${name}.expected.json`, import.meta.url), 'utf8'));
    it(`should handle ${RUNS.mutations} mutations of ${name} (deleted, duplicated and blank lines, swapped and replaced cells, inserted tabs and pipes, truncation) in any encoding`, () => {
      fc.assert(
        fc.property(fc.array(mutation, { minLength: 1, maxLength: 5 }), fc.constantFrom(...(Object.keys(encodings) as (keyof typeof encodings)[])), (mutations, encoding) => {
          const mutated = mutate(text, mutations);
          const { file, model } = check(encodings[encoding](mutated));
          if (encoding !== 'utf-8') {
            // The encoding changes nothing but the file-encoding warning.
            const plain = processReport({ path: 'reports/2024.md', pathYear: 2024 }, Buffer.from(mutated));
            const list = (messages: typeof file.messages) => messages.filter((m) => m.ruleId !== 'file-encoding').map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.reason}`);
            expect(list(file.messages)).toEqual(list(plain.file.messages));
          }
          // One edit that gives no error must not have changed a number of section 三 or a total of section 四.
          if (mutations.length === 1 && !file.messages.some((m) => m.fatal)) {
            expect(model?.report?.applications, JSON.stringify(mutations)).toEqual(expected.applications);
            const totals = (r: typeof expected.reviewLitigation) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, (v as { total: number }).total]));
            expect(totals(model?.report?.reviewLitigation), JSON.stringify(mutations)).toEqual(totals(expected.reviewLitigation));
          }
        }),
        { numRuns: RUNS.mutations },
      );
    }, 120_000);
  }

  it(`should have processed every input within ${LIMIT_MS} ms`, () => {
    // Runs last in this file: reports the slowest case of all the properties above.
    console.log(`slowest processReport call: ${slowest.toFixed(1)} ms`);
    expect(slowest).toBeLessThan(LIMIT_MS);
  });
});
