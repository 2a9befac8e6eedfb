/**
 * The parse stage: a report's text → its title, metadata, six sections and
 * their table rows, each with its place in the file.
 *
 * Tables are read line by line, straight from the source: a tab-separated
 * line pasted from Word/WPS, a GFM pipe-table line, or, in a table section
 * with neither, one cell per line. Prose is left for the render stage, which
 * parses it with remark; this keeps the checks fast and independent of
 * Markdown's idea of a table (a TSV paste is a paragraph to Markdown).
 */

import { sections as sectionDefinitions, type SectionKey } from '../catalogue/index.js';
import { matchSectionHeading, matchTitle } from './headings.js';
import { isDelimiterRow, placeOf, splitPipes, splitTsv } from './lines.js';
import type { Cell, MetaEntry, ParsedReport, Section, TableRow, Title } from './types.js';

export type * from './types.js';
export { matchSectionHeading, matchTitle, stripMarkup } from './headings.js';

// Values are trimmed in code: a lazy group before `\s*$` backtracks quadratically on a long line of spaces.
const META_LINE = /^\s*(发布日期|成文日期|索引号|发布机构|发文机关)\s*[:：](.*)$/s;

/** `key: value` of a front matter line, both trimmed, split at the first colon. */
function keyValue(line: string): [key: string, value: string] | undefined {
  const colon = line.search(/[:：]/);
  const key = colon === -1 ? '' : line.slice(0, colon).trim();
  return key === '' ? undefined : [key, line.slice(colon + 1).trim()];
}

/**
 * Table cells read from one file at most. The official tables have a few
 * hundred cells; every tab or pipe of a table section makes one, so a file
 * of nothing but tabs would become millions of cell objects (20 MB of tabs:
 * 1.4 GB of memory, more than Node may have).
 */
export const MAX_TABLE_CELLS = 500_000;

/** What is left of the table cell budget of one file, and where it ran out. */
interface CellBudget {
  left: number;
  cutAt: number | undefined;
}

/** Parse a report's decoded text (LF line endings, no BOM). */
export function parseReport(text: string): ParsedReport {
  const budget: CellBudget = { left: MAX_TABLE_CELLS, cutAt: undefined };
  const lines = text.split('\n');
  const prose = lines.slice();
  const meta = new Map<string, MetaEntry>();
  let index = frontMatter(lines, meta, prose);

  let title: Title | undefined;
  const headings: { key: SectionKey; text: string; line: number }[] = [];
  let lastSection = -1;
  for (let i = index; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === '') continue;
    const heading = matchSectionHeading(line);
    if (heading) {
      const order = sectionDefinitions.indexOf(heading.section);
      if (order > lastSection) {
        lastSection = order;
        headings.push({ key: heading.section.key, text: heading.text, line: i + 1 });
        prose[i] = '';
        continue;
      }
    }
    if (!title && headings.length === 0) {
      const found = matchTitle(line);
      if (found) {
        title = { ...found, place: placeOf(i + 1, 0, line.length) };
        prose[i] = '';
        continue;
      }
    }
    if (headings.length === 0) {
      const entry = META_LINE.exec(line);
      const value = entry?.[2]!.trim();
      if (entry && value && !meta.has(entry[1]!)) meta.set(entry[1]!, { value, place: placeOf(i + 1, 0, line.length) });
    }
  }

  const sections: Section[] = headings.map((heading, k) => {
    const bodyStart = heading.line + 1;
    const bodyEnd = (headings[k + 1]?.line ?? lines.length + 1) - 1;
    const definition = sectionDefinitions.find((s) => s.key === heading.key)!;
    const rows = definition.hasTable ? tableRows(lines, bodyStart, bodyEnd, prose, budget) : [];
    const proseText = prose.slice(bodyStart - 1, bodyEnd).join('\n');
    const line = lines[heading.line - 1]!;
    return {
      key: heading.key,
      heading: heading.text,
      headingPlace: placeOf(heading.line, line.length - line.trimStart().length, line.trimEnd().length),
      bodyStart,
      bodyEnd,
      rows,
      proseText,
    };
  });

  const firstSection = headings[0]?.line ?? lines.length + 1;
  return {
    title,
    meta,
    sections,
    prose: prose.join('\n'),
    preamble: { start: (title?.place.line ?? index) + 1, end: firstSection - 1 },
    lineCount: lines.length,
    tablesCutAt: budget.cutAt,
  };
}

/** Read a `---` front matter block of `key: value` lines; returns the first line index after it. */
function frontMatter(lines: string[], meta: Map<string, MetaEntry>, prose: string[]): number {
  let first = 0;
  while (first < lines.length && lines[first]!.trim() === '') first++;
  if (lines[first]?.trim() !== '---') return 0;
  const end = lines.indexOf('---', first + 1);
  if (end === -1 || end - first > 100) return 0;
  for (let i = first; i <= end; i++) {
    const entry = i > first && i < end ? keyValue(lines[i]!) : undefined;
    if (entry) meta.set(`front:${entry[0]}`, { value: entry[1], place: placeOf(i + 1, 0, lines[i]!.length) });
    prose[i] = '';
  }
  return end + 1;
}

/**
 * Table rows of a section body (lines `start`..`end`, 1-based). A line with a
 * tab is a TSV row, a line with pipes a pipe-table row. When the body has
 * neither but has lines that are only a number, the table was pasted one
 * cell per line: every non-blank line then is a one-cell row.
 */
function tableRows(lines: readonly string[], start: number, end: number, prose: string[], budget: CellBudget): TableRow[] {
  const rows: TableRow[] = [];
  for (let n = start; n <= end; n++) {
    const text = lines[n - 1]!;
    let cells: Cell[] | undefined;
    let kind: TableRow['kind'] = 'tsv';
    const tsv = text.includes('\t');
    const pipe = !tsv && isPipeLine(text);
    if (tsv && budget.cutAt === undefined && text.length < budget.left) {
      // A line has fewer tabs than characters, so its cells fit in what is left: split it, then count them.
      cells = splitTsv(text, n);
      budget.left -= cells.length;
    } else if ((tsv || pipe) && !spend(budget, occurrences(text, tsv ? '\t' : '|') + 1, n)) return rows;
    else if (tsv) cells = splitTsv(text, n);
    else if (pipe) {
      kind = 'pipe';
      prose[n - 1] = '';
      if (isDelimiterRow(text)) continue;
      cells = splitPipes(text, n);
    }
    if (!cells) continue;
    prose[n - 1] = '';
    rows.push({ kind, line: n, cells, place: placeOf(n, 0, text.length) });
  }
  if (rows.length > 0) return rows;
  const body = lines.slice(start - 1, end);
  const numeric = body.filter((l) => /^\s*[-+]?[0-9０-９][0-9０-９,，.]*\s*$/.test(l)).length;
  if (numeric < 3) return rows;
  for (let n = start; n <= end; n++) {
    const text = lines[n - 1]!;
    if (text.trim() === '') continue;
    if (!spend(budget, 1, n)) return rows;
    prose[n - 1] = '';
    const cells = splitTsv(text, n);
    rows.push({ kind: 'line', line: n, cells, place: placeOf(n, 0, text.length) });
  }
  return rows;
}

/** Take `cells` from the budget; false (and where) once it has run out. */
function spend(budget: CellBudget, cells: number, line: number): boolean {
  if (budget.cutAt === undefined && cells <= budget.left) {
    budget.left -= cells;
    return true;
  }
  budget.cutAt ??= line;
  return false;
}

function occurrences(text: string, character: string): number {
  let count = 0;
  for (let i = text.indexOf(character); i !== -1; i = text.indexOf(character, i + 1)) count++;
  return count;
}

function isPipeLine(text: string): boolean {
  const trimmed = text.trim();
  if (trimmed.startsWith('|')) return true;
  let pipes = 0;
  for (const ch of trimmed) if (ch === '|' && ++pipes >= 2) return true;
  return false;
}
