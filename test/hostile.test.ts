/**
 * Hostile and extreme input: whatever Word, WPS, a browser or a PDF
 * converter produced, `processReport` and `nianbao check` answer with a
 * correct reading or a clear message, in bounded time and memory, and never
 * with an exception or a stack trace.
 */

import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main, type CliIo } from '../src/cli.js';
import { processReport, type ProcessedReport } from '../src/process.js';
import { expectWellFormed } from './support/messages.js';

const corpus = new URL('./fixtures/corpus/', import.meta.url);
const huaian = readFileSync(new URL('huaian-2024.md', corpus), 'utf8');
const expected = JSON.parse(readFileSync(new URL('huaian-2024.expected.json', corpus), 'utf8'));
const lines = huaian.split('\n');
const lineOf = (start: string) => lines.findIndex((l) => l.startsWith(start)) + 1;
/** The report with `extra` inserted as new lines after line `after` (1-based). */
const withLines = (after: number, extra: string) => [...lines.slice(0, after), extra, ...lines.slice(after)].join('\n');
/** The report with line `n` (1-based) replaced. */
const withLine = (n: number, text: string) => lines.map((l, i) => (i === n - 1 ? text : l)).join('\n');

const TOTAL = lineOf('（七）总计');
const PROBLEMS = lineOf('## 五');
const OVERVIEW = lineOf('2024 年');
const REVIEW_DATA = lineOf('72\t');
const REGULATIONS = lineOf('规章\t');
const MB = 1024 * 1024;

interface Outcome {
  /** Rule ids of the errors, in any order, each at least once; [] when none. */
  readonly errors?: readonly string[];
  /** A rule id that must be reported at this line (and column, when given). */
  readonly at?: { readonly ruleId: string; readonly line: number; readonly column?: number };
  /** Whether the report must read as the published one. */
  readonly reads?: boolean;
}

function run(bytes: Uint8Array, limitMs: number): { result: ProcessedReport; ms: number; heapMb: number } {
  const heap = process.memoryUsage().heapUsed;
  const start = performance.now();
  const result = processReport({ path: 'reports/2024.md', pathYear: 2024 }, bytes);
  const ms = performance.now() - start;
  const heapMb = (process.memoryUsage().heapUsed - heap) / MB;
  expect(ms).toBeLessThan(limitMs);
  // Generous: the file itself is up to 20 MB (40 MB as a JS string); before the cell limit, 20 MB of tabs took 1.4 GB.
  expect(heapMb).toBeLessThan(800);
  expectWellFormed(result);
  return { result, ms, heapMb };
}

function expectOutcome({ file, model }: ProcessedReport, outcome: Outcome): void {
  const errors = [...new Set(file.messages.filter((m) => m.fatal).map((m) => m.ruleId))].sort();
  if (outcome.errors) expect(errors).toEqual([...outcome.errors].sort());
  if (outcome.at) {
    const { ruleId, line, column } = outcome.at;
    const found = file.messages.filter((m) => m.ruleId === ruleId).map((m) => ({ line: m.line, ...(column === undefined ? {} : { column: m.column }) }));
    expect(found).toContainEqual({ line, ...(column === undefined ? {} : { column }) });
  }
  if (outcome.reads) expect(model?.report).toEqual(expected);
}

/** `text` as GBK, the two-byte part of GB18030 (Node can decode GB18030 but not encode it). */
function gbk(text: string): Uint8Array {
  const decoder = new TextDecoder('gb18030');
  const table = new Map<string, number[]>();
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const char = decoder.decode(new Uint8Array([lead, trail]));
      if (char.length === 1 && char !== '\ufffd' && !table.has(char)) table.set(char, [lead, trail]);
    }
  }
  const bytes: number[] = [];
  for (const char of text) {
    if (char.charCodeAt(0) < 0x80) bytes.push(char.charCodeAt(0));
    else {
      const pair = table.get(char);
      if (!pair) throw new Error(`not in GBK: ${char}`);
      bytes.push(...pair);
    }
  }
  return new Uint8Array(bytes);
}

const utf16 = (text: string, bigEndian: boolean) => {
  const body = Buffer.from(text, 'utf16le');
  if (bigEndian) body.swap16();
  return Buffer.concat([Buffer.from(bigEndian ? [0xfe, 0xff] : [0xff, 0xfe]), body]);
};

const prose = '对照上级新要求和公众新期待，政府信息公开工作还有一些需要加强和改进的地方。'.repeat(8);
const controls = Array.from({ length: 32 }, (_, i) => String.fromCharCode(i))
  .filter((c) => !'\0\t\n\r'.includes(c))
  .join('');

/** Each case: a name, the bytes, the time limit, and what must come out. */
const cases: [name: string, bytes: () => Uint8Array, limitMs: number, outcome: Outcome][] = [
  // Size.
  ['a 20 MB report (its prose 20 MB of paragraphs)', () => Buffer.from(withLines(PROBLEMS + 1, Array.from({ length: Math.ceil((20 * MB) / (prose.length * 3 + 2)) }, () => prose).join('\n\n'))), 5000, { errors: [], reads: true }],
  ['a 20 MB report (one line of 20 MB in its prose)', () => Buffer.from(withLines(PROBLEMS + 1, '改'.repeat(7 * MB))), 5000, { errors: [], reads: true }],
  ['a 20 MB report (250,000 extra table rows in section 三)', () => Buffer.from(withLines(TOTAL, Array.from({ length: 250_000 }, () => '行政检查\t1\t0\t0\t0\t0\t0\t1').join('\n'))), 5000, { errors: ['table-too-large'] }],
  ['a 20 MB file that is one line of tabs (white space: empty)', () => Buffer.from('\t'.repeat(20 * MB)), 5000, { errors: ['empty-file'] }],
  ['a 20 MB file that is one line of tabs and zeros', () => Buffer.from('0\t'.repeat(10 * MB)), 5000, { errors: ['missing-title', 'missing-section'] }],
  ['a 20 MB table section of tabs and zeros', () => Buffer.from(withLines(TOTAL, '0\t'.repeat(10 * MB))), 5000, { errors: ['table-too-large'], at: { ruleId: 'table-too-large', line: TOTAL + 1 } }],
  // Long lines.
  ['a 1 MB single line of text, nothing else', () => Buffer.from('淮'.repeat(MB / 3)), 2000, { errors: ['missing-title', 'missing-section'] }],
  ['a 1 MB title line', () => Buffer.from(withLine(1, `# ${'淮'.repeat(MB / 3)}2024年政府信息公开工作年度报告`)), 2000, { errors: ['missing-title'] }],
  ['a 1 MB line of spaces in section 三', () => Buffer.from(withLines(TOTAL, `${' '.repeat(MB)}x`)), 2000, { errors: [], reads: true }],
  ['a 1 MB line of # in section 一', () => Buffer.from(withLines(OVERVIEW, `${'#'.repeat(MB)}x`)), 2000, { errors: [], reads: true }],
  ['a 1 MB line of pipes in section 三 (over the cell limit)', () => Buffer.from(withLines(TOTAL, '|'.repeat(MB))), 2000, { errors: ['table-too-large'], at: { ruleId: 'table-too-large', line: TOTAL + 1 } }],
  ['a 100 KB line of pipes in section 三', () => Buffer.from(withLines(TOTAL, '|'.repeat(100_000))), 2000, { errors: [], reads: true }],
  ['a 1 MB pipe-table delimiter row', () => Buffer.from(withLines(TOTAL, `|-|${' '.repeat(MB)}x`)), 2000, { errors: [], reads: true }],
  ['a 1 MB 发布日期 line', () => Buffer.from(withLines(1, `发布日期：a${' '.repeat(MB)}x`)), 2000, { errors: [] }],
  ['a 1 MB front matter line', () => Buffer.from(`---\n发布机构: a${' '.repeat(MB)}x\n---\n${huaian}`), 2000, { errors: [] }],
  ['a 1 MB number cell', () => Buffer.from(withLine(TOTAL, lines[TOTAL - 1]!.replace('\t2932\t', `\t2932.${'0'.repeat(MB)}1\t`))), 2000, { errors: ['not-an-integer'] }],
  ['a 1 MB note in a number cell', () => Buffer.from(withLine(TOTAL, lines[TOTAL - 1]!.replace('\t2932\t', `\t2932（${'注'.repeat(MB / 3)}）\t`))), 2000, { errors: [], reads: true }],
  // Depth.
  ['10,000 nested blockquotes', () => Buffer.from(withLines(OVERVIEW, `${'>'.repeat(10_000)} 引用`)), 2000, { errors: [], reads: true }],
  ['10,000 nested “> ” blockquotes over 10,000 lines', () => Buffer.from(withLines(OVERVIEW, Array.from({ length: 10_000 }, (_, i) => `${'> '.repeat(i % 200)}引用`).join('\n'))), 2000, { errors: [], reads: true }],
  ['10,000 nested list levels', () => Buffer.from(withLines(OVERVIEW, `${'- '.repeat(10_000)}列表`)), 2000, { errors: [], reads: true }],
  ['10,000 indented list items', () => Buffer.from(withLines(OVERVIEW, Array.from({ length: 10_000 }, (_, i) => `${' '.repeat(i % 400)}1. 项`).join('\n'))), 2000, { errors: [], reads: true }],
  // Width.
  ['a section 三 row with 10,000 columns', () => Buffer.from(withLine(TOTAL, lines[TOTAL - 1] + '\t0'.repeat(10_000))), 2000, { errors: ['extra-cells'], at: { ruleId: 'extra-cells', line: TOTAL } }],
  ['a section 三 header with 10,000 columns', () => Buffer.from(withLines(TOTAL - 26, '\t自然人'.repeat(10_000))), 2000, { errors: [], reads: true }],
  ['a section 四 data row with 10,000 columns', () => Buffer.from(withLine(REVIEW_DATA, lines[REVIEW_DATA - 1] + '\t0'.repeat(10_000))), 2000, { errors: ['extra-cells'], at: { ruleId: 'extra-cells', line: REVIEW_DATA } }],
  ['a section 二 row with 10,000 columns', () => Buffer.from(withLine(REGULATIONS, lines[REGULATIONS - 1] + '\t1'.repeat(10_000))), 2000, { errors: ['extra-cells'], at: { ruleId: 'extra-cells', line: REGULATIONS } }],
  ['a pipe-table row with 10,000 columns', () => Buffer.from(withLines(TOTAL, `| 行政检查 ${'| 0 '.repeat(10_000)}|`)), 2000, { errors: [] }],
  // Numbers.
  ['a 400-digit count in section 三', () => Buffer.from(withLine(TOTAL, lines[TOTAL - 1]!.replace('\t2932\t', `\t${'9'.repeat(400)}\t`))), 1000, { errors: ['number-too-large'], at: { ruleId: 'number-too-large', line: TOTAL, column: lines[TOTAL - 1]!.indexOf('2932') + 1 } }],
  ['a 400-digit count in section 四', () => Buffer.from(withLine(REVIEW_DATA, `${'9'.repeat(400)}${lines[REVIEW_DATA - 1]!.slice(2)}`)), 1000, { errors: ['number-too-large'], at: { ruleId: 'number-too-large', line: REVIEW_DATA, column: 1 } }],
  ['a 400-digit fee amount', () => Buffer.from(huaian.replace('96171.6', '9'.repeat(400))), 1000, { errors: ['number-too-large'] }],
  // Characters.
  ['every control character in the prose', () => Buffer.from(withLines(OVERVIEW, `控制字符${controls}\u007f\u0085\u2028\u2029\u200b\u202e\ufeff结束`)), 1000, { errors: [], reads: true }],
  ['control characters in a number cell', () => Buffer.from(withLine(TOTAL, lines[TOTAL - 1]!.replace('\t2932\t', '\t29\u000132\t'))), 1000, { errors: ['not-a-number'], at: { ruleId: 'not-a-number', line: TOTAL } }],
  ['a lone surrogate written from JavaScript (U+FFFD in UTF-8)', () => Buffer.from(withLines(OVERVIEW, '孤立代理项\ud800结束')), 1000, { errors: [], reads: true }],
  ['a lone surrogate encoded in UTF-8 (ED A0 80)', () => Buffer.concat([Buffer.from(lines.slice(0, OVERVIEW).join('\n') + '\n孤立'), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from(`\n${lines.slice(OVERVIEW).join('\n')}`)]), 1000, { errors: ['file-unreadable'], at: { ruleId: 'file-unreadable', line: OVERVIEW + 1, column: 3 } }],
  ['a lone surrogate in UTF-16', () => Buffer.concat([utf16(lines.slice(0, OVERVIEW).join('\n') + '\n孤立', false), Buffer.from([0x00, 0xdc]), Buffer.from('\n', 'utf16le')]), 1000, { errors: ['file-unreadable'], at: { ruleId: 'file-unreadable', line: OVERVIEW + 1, column: 3 } }],
  // Encodings.
  ['the report in GB18030 (GBK)', () => gbk(huaian), 1000, { errors: [], reads: true, at: { ruleId: 'file-encoding', line: 1 } }],
  ['the report in UTF-16 LE with BOM', () => utf16(huaian, false), 1000, { errors: [], reads: true, at: { ruleId: 'file-encoding', line: 1 } }],
  ['the report in UTF-16 BE with BOM', () => utf16(huaian, true), 1000, { errors: [], reads: true, at: { ruleId: 'file-encoding', line: 1 } }],
  ['the report in UTF-8 with BOM and CRLF', () => Buffer.from(`\ufeff${huaian.replace(/\n/g, '\r\n')}`), 1000, { errors: [], reads: true }],
  ['the report with CR line endings only', () => Buffer.from(huaian.replace(/\n/g, '\r')), 1000, { errors: [], reads: true }],
  // Not a report at all.
  ['a binary file (PNG header)', () => new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]), 1000, { errors: ['file-unreadable'], at: { ruleId: 'file-unreadable', line: 3, column: 1 } }],
  ['a binary file (1 MB of every byte value)', () => new Uint8Array(Array.from({ length: MB }, (_, i) => (i * 7919) % 256)), 1000, { errors: ['file-unreadable'] }],
  ['a ZIP (a .docx renamed .md)', () => new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00]), 1000, { errors: ['file-unreadable'], at: { ruleId: 'file-unreadable', line: 1, column: 6 } }],
  ['an empty file', () => new Uint8Array(), 1000, { errors: ['empty-file'] }],
  ['a file of only white space', () => Buffer.from(' \n\t\r\n\u3000\u00a0 \n\n'), 1000, { errors: ['empty-file'] }],
  ['a file of only a BOM', () => new Uint8Array([0xef, 0xbb, 0xbf]), 1000, { errors: ['empty-file'] }],
  ['a UTF-16 file of only white space', () => utf16(' \r\n\u3000', false), 1000, { errors: ['empty-file'] }],
];

describe('hostile input through processReport', () => {
  for (const [name, bytes, limitMs, outcome] of cases) {
    it(`should answer ${name} within ${limitMs / 1000} s, without an exception`, () => {
      const { result } = run(bytes(), limitMs);
      expectOutcome(result, outcome);
    }, 60_000);
  }
});

/** Lines of a stack trace, as Node prints them. */
const STACK = /^\s+at .+(\(|:\d+)/m;

describe('hostile input through `nianbao check`', () => {
  let folder = '';
  beforeAll(() => {
    folder = mkdtempSync(join(tmpdir(), 'nianbao-hostile-'));
    writeFileSync(join(folder, 'binary.md'), new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]));
    writeFileSync(join(folder, 'empty.md'), '');
    writeFileSync(join(folder, 'long-line.md'), `${'|-|'}${' '.repeat(MB)}x`);
    writeFileSync(join(folder, 'surrogate.md'), Buffer.concat([Buffer.from(huaian.slice(0, 200)), Buffer.from([0xed, 0xa0, 0x80])]));
    writeFileSync(join(folder, 'gb18030-2024.md'), gbk(huaian));
    writeFileSync(join(folder, 'tabs.md'), '0\t'.repeat(MB));
  });
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  function cli(args: string[]) {
    let stdout = '';
    let stderr = '';
    const io: CliIo = { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), cwd: folder, color: false };
    return main(args, io).then((code) => ({ code, stdout, stderr }));
  }

  it('should exit 1 on a folder of hostile files, with one finding per file and no stack trace', async () => {
    const { code, stdout, stderr } = await cli(['check', '.', '--format', 'json']);
    expect(code).toBe(1);
    expect(stdout + stderr).not.toMatch(STACK);
    const document = JSON.parse(stdout) as { files: { path: string; messages: { ruleId: string; line: number }[] }[] };
    const errors = Object.fromEntries(document.files.map((f) => [f.path, [...new Set(f.messages.filter((m) => m.ruleId !== 'file-encoding').map((m) => m.ruleId))].sort()]));
    expect(errors).toEqual({
      'binary.md': ['file-unreadable'],
      'empty.md': ['empty-file'],
      'gb18030-2024.md': [],
      'long-line.md': ['missing-section', 'missing-title'],
      'surrogate.md': ['file-unreadable'],
      'tabs.md': ['missing-section', 'missing-title'],
    });
  });

  it('should exit 0 on a correct report saved as GB18030, with a file-encoding warning', async () => {
    const { code, stdout } = await cli(['check', 'gb18030-2024.md']);
    expect(code).toBe(0);
    expect(stdout).toContain('file-encoding');
  });

  it('should exit 2 on a missing path, with a message and no stack trace', async () => {
    const { code, stdout, stderr } = await cli(['check', 'no-such-file.md']);
    expect(code).toBe(2);
    expect(stderr).toContain('no-such-file.md');
    expect(stdout + stderr).not.toMatch(STACK);
  });

  describe('as a child process', () => {
    const root = new URL('../', import.meta.url);
    const bin = new URL('bin/nianbao.js', root);

    beforeAll(() => {
      // bin/ runs the compiled out/: compile when it is missing or older than the sources (npm test compiles first).
      const compiled = new URL('out/src/cli.js', root);
      const newest = (dir: URL): number =>
        readdirSync(dir, { withFileTypes: true }).reduce((t, e) => Math.max(t, e.isDirectory() ? newest(new URL(`${e.name}/`, dir)) : statSync(new URL(e.name, dir)).mtimeMs), 0);
      let built = 0;
      try {
        built = statSync(compiled).mtimeMs;
      } catch {
        // Not compiled yet.
      }
      if (built < newest(new URL('src/', root))) execFileSync(process.execPath, [new URL('node_modules/typescript/bin/tsc', root).pathname, '-p', 'tsconfig.json'], { cwd: root });
    }, 120_000);

    const spawn = (...args: string[]) => spawnSync(process.execPath, [bin.pathname, ...args], { cwd: folder, encoding: 'utf8', timeout: 30_000 });

    for (const [file, code] of [
      ['binary.md', 1],
      ['surrogate.md', 1],
      ['long-line.md', 1],
      ['tabs.md', 1],
      ['gb18030-2024.md', 0],
      ['no-such-file.md', 2],
    ] as const) {
      it(`should exit ${code} on ${file}, with no stack trace`, () => {
        const { status, stdout, stderr, error } = spawn('check', file);
        expect(error).toBeUndefined();
        expect(status).toBe(code);
        expect(stdout + stderr).not.toMatch(STACK);
        expect(stdout + stderr).toContain(file);
      }, 60_000);
    }
  });
});
