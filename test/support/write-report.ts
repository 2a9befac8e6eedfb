/**
 * Writing a report model back as the Markdown an editor would commit, in a
 * chosen layout: the inverse of the parser, for property tests, mutation
 * tests and the benchmark's synthetic reports.
 */

import {
  applicantColumns,
  applicationRows2019,
  applicationRows2021,
  balanceNote,
  disclosureRows2019,
  disclosureRows2021,
  reviewColumns,
  reviewGroups,
  sections,
} from '../../src/catalogue/index.js';
import type { Report } from '../../src/model/index.js';

/** How the Markdown is laid out; every field is a deviation real reports show. */
export interface Layout {
  /** Tables pasted from Word (tab-separated) or written as GFM pipe tables. Default 'tsv'. */
  readonly table?: 'tsv' | 'pipe';
  /** Rows carry their numbers at different cell offsets (as merged cells flatten). Default true. */
  readonly shift?: boolean;
  /** A blank line inside the section 三 table. Default false. */
  readonly blankLineInTable?: boolean;
  /** `(一)` instead of `（一）` in row labels. Default false. */
  readonly asciiBrackets?: boolean;
  /** `1、` instead of `1.` in row labels. Default false. */
  readonly enumeratedComma?: boolean;
  /** Heading level of each of the six sections (1–6); 0 writes a plain paragraph. Default all 2. */
  readonly headingLevels?: readonly number[];
  /** CRLF line endings. Default false. */
  readonly crlf?: boolean;
  /** A UTF-8 byte order mark. Default false. */
  readonly bom?: boolean;
  /** 社会组织 instead of 社会公益组织 in the header. Default false. */
  readonly socialOrganisation?: boolean;
  /** Paragraphs of prose per prose section. Default 1. */
  readonly proseParagraphs?: number;
}

/**
 * The prose of a report, as Markdown blocks (paragraphs, lists), written
 * one blank line apart. A section left out gets the filler paragraph(s) of
 * `Layout.proseParagraphs`.
 */
export interface Prose {
  /** Blocks between the title and 一、总体情况. Default none. */
  readonly preamble?: readonly string[];
  /** Section 一、总体情况. */
  readonly overview?: readonly string[];
  /** Section 五、存在的主要问题及改进情况. */
  readonly problems?: readonly string[];
  /** Section 六、其他需要报告的事项; from 2021 it should mention the 信息处理费. Default one line saying 0 元. */
  readonly other?: readonly string[];
}

const FILLER =
  '本机关坚持以公开为常态、不公开为例外，认真落实政府信息公开条例各项规定，持续完善主动公开目录，规范依申请公开办理流程，加强政策解读和回应关切，提升政务公开质量和实效。';

/** The report's Markdown text (with BOM and CRLF applied as asked). */
export function writeReportMarkdown(report: Report, layout: Layout = {}, content: Prose = {}): string {
  const table = layout.table ?? 'tsv';
  const shift = layout.shift ?? true;
  const paragraphs = layout.proseParagraphs ?? 1;
  const label = (text: string) => {
    let t = text;
    if (layout.asciiBrackets) t = t.replace(/（/g, '(').replace(/）/g, ')');
    if (layout.enumeratedComma) t = t.replace(/^(\d)\./, '$1、');
    return t;
  };
  const row = (cells: readonly (string | number)[]) =>
    table === 'tsv' ? cells.join('\t') : `| ${cells.map((c) => String(c).replace(/\|/g, '\\|')).join(' | ')} |`;
  const pipeHeader = (width: number) => (table === 'pipe' ? [row(Array.from({ length: width }, () => '---'))] : []);

  const out: string[] = [`# ${report.title}`, ''];
  const heading = (index: number) => {
    const s = sections[index]!;
    const level = layout.headingLevels?.[index] ?? 2;
    const text = `${s.numeral}、${s.title}`;
    out.push(level === 0 ? text : `${'#'.repeat(level)} ${text}`, '');
  };
  const prose = (blocks?: readonly string[]) => {
    if (blocks) for (const block of blocks) out.push(block, '');
    else for (let i = 0; i < paragraphs; i++) out.push(FILLER, '');
  };

  if (content.preamble) prose(content.preamble);
  heading(0);
  prose(content.overview);

  heading(1);
  const disclosureRows = report.format === '2021' ? disclosureRows2021 : disclosureRows2019;
  const isDisclosure2021 = 'inForce' in (report.activeDisclosure['regulations'] ?? {}) || 'issued' in (report.activeDisclosure['regulations'] ?? {});
  const rows = isDisclosure2021 ? disclosureRows2021 : disclosureRows2019;
  void disclosureRows;
  let group = '';
  const lines: string[] = [];
  for (const r of rows) {
    if (r.group !== group) {
      group = r.group;
      lines.push(row([r.group, '', '', '']));
      lines.push(row(['信息内容', ...r.columns.map((c) => c.label), ...Array(3 - r.columns.length).fill('')]));
    }
    const values = report.activeDisclosure[r.key] ?? {};
    lines.push(row([label(r.label), ...r.columns.map((c) => values[c.key] ?? 0), ...Array(3 - r.columns.length).fill('')]));
  }
  if (table === 'pipe') out.push(lines[0]!, ...pipeHeader(4), ...lines.slice(1));
  else out.push(...lines);
  out.push('');

  heading(2);
  const social = layout.socialOrganisation ? '社会组织' : '社会公益组织';
  const header = [
    [`（${balanceNote}）`, '', '', '申请人情况', '', '', '', '', '', ''],
    ['', '', '', '自然人', '法人或其他组织', '', '', '', '', '总计'],
    ['', '', '', '', '商业企业', '科研机构', social, '法律服务机构', '其他', ''],
  ];
  out.push(row(header[0]!), ...pipeHeader(10), row(header[1]!), row(header[2]!));
  const applicationRows = report.format === '2021' ? applicationRows2021 : applicationRows2019;
  applicationRows.forEach((r, i) => {
    const counts = report.applications[r.key as keyof typeof report.applications] as Record<string, number> | undefined;
    const numbers = applicantColumns.map((c) => counts?.[c.key] ?? 0);
    const parents = r.parents.map(label);
    const own = label(r.label);
    // Real pastes: the first cells of a row hold whichever header labels Word kept.
    let labels: string[];
    if (!shift) labels = [...parents.slice(-1), own].slice(-2);
    else if (r.parents.length === 0) labels = [own, ''];
    else if (r.parents.length === 1) labels = i % 2 ? ['', own] : [parents[0]!, own];
    else labels = i % 3 === 0 ? [own, ''] : ['', '', own];
    while (labels.length < 2) labels.unshift('');
    const trailing = shift && i % 2 === 0 ? [''] : [];
    out.push(row([...labels, ...numbers, ...trailing]));
    if (layout.blankLineInTable && i === 5) out.push('');
  });
  out.push('');

  heading(3);
  out.push(row(['行政复议', '', '', '', '', '行政诉讼', ...Array(9).fill('')]));
  if (table === 'pipe') out.push(...pipeHeader(15));
  out.push(row([...reviewColumns.map((c) => c.label), '未经复议直接起诉', '', '', '', '', '复议后起诉', '', '', '', '']));
  out.push(row([...Array(5).fill(''), ...reviewColumns.map((c) => c.label), ...reviewColumns.map((c) => c.label)]));
  out.push(row(reviewGroups.flatMap((g) => reviewColumns.map((c) => report.reviewLitigation[g.key][c.key]))));
  out.push('');

  heading(4);
  prose(content.problems);
  heading(5);
  if (content.other) prose(content.other);
  else out.push(`本年度共收取信息处理费0元。${FILLER}`);

  let text = out.join('\n');
  if (layout.crlf) text = text.replace(/\n/g, '\r\n');
  return layout.bom ? `\ufeff${text}` : text;
}
