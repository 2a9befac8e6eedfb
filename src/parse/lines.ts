/** Splitting a line into table cells, with positions. */

import { isSpace } from './chars.js';
import type { Cell, Place } from './types.js';

/** The place of `line` between 0-based string offsets `from` and `to`. */
export function placeOf(line: number, from: number, to: number): Place {
  return { line, column: from + 1, endLine: line, endColumn: to + 1 };
}

/** Cells of a tab-separated line. Cell text is trimmed of white space, U+00A0 and U+3000 included. */
export function splitTsv(text: string, line: number): Cell[] {
  const cells: Cell[] = [];
  let start = 0;
  for (;;) {
    const tab = text.indexOf('\t', start);
    const end = tab === -1 ? text.length : tab;
    cells.push(cell(text, start, end, line));
    if (tab === -1) return cells;
    start = tab + 1;
  }
}

const DELIMITER_CELL = /^:?-+:?$/;

/**
 * Whether a pipe-table line is the `|---|---|` delimiter row. Cell by cell:
 * one pattern for the whole row (`…\s*(\|\s*:?-+:?\s*)*\|?\s*$`)
 * backtracks quadratically on a long line of spaces.
 */
export function isDelimiterRow(text: string): boolean {
  if (!text.includes('-')) return false;
  let row = text.trim();
  if (row.startsWith('|')) row = row.slice(1);
  if (row.endsWith('|')) row = row.slice(0, -1);
  return row.split('|').every((cell) => DELIMITER_CELL.test(cell.trim()));
}

/** Cells of a GFM pipe-table line; `\|` is a literal pipe. */
export function splitPipes(text: string, line: number): Cell[] {
  const bounds: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '|') bounds.push(i);
  }
  const first = text.trimStart().startsWith('|') ? bounds.shift()! : -1;
  const trimmedEnd = text.trimEnd();
  const last = trimmedEnd.endsWith('|') && !trimmedEnd.endsWith('\\|') && bounds.length > 0 ? bounds.pop()! : text.length;
  const cells: Cell[] = [];
  let start = first + 1;
  for (const bound of [...bounds, last]) {
    cells.push(cell(text, start, bound, line, true));
    start = bound + 1;
  }
  return cells;
}

/** White space, and the zero-width space Word leaves in empty cells. */
function isBlank(code: number): boolean {
  return isSpace(code) || code === 0x200b;
}

function cell(text: string, from: number, to: number, line: number, unescape = false): Cell {
  let a = from;
  let b = to;
  while (a < b && isBlank(text.charCodeAt(a))) a++;
  while (b > a && isBlank(text.charCodeAt(b - 1))) b--;
  const raw = text.slice(a, b);
  return { text: unescape ? raw.replace(/\\\|/g, '|') : raw, place: placeOf(line, a, b === a ? Math.max(b, a) : b) };
}
