/** Splitting a table row into its label cells and its value cells. */

import type { ValueKind } from '../catalogue/index.js';
import type { Cell, Place, TableRow } from '../parse/types.js';
import type { ModelContext } from './context.js';
import { isEmptyLike, isNumberLike, readCell } from './number.js';

/** A row split into labels and value cells. */
export interface SplitRow {
  readonly row: TableRow;
  readonly labels: readonly Cell[];
  /** Cells after the last label, trailing empty cells removed. */
  readonly values: readonly Cell[];
  /** Cells after the last label, as pasted (trailing empty cells kept). */
  readonly rawValues: readonly Cell[];
  /** Whether any value cell holds a number (not only blanks). */
  readonly hasNumbers: boolean;
}

/**
 * Labels are the text cells before the first number-like cell; the values
 * are everything after the last label. Fixed column positions are never
 * used: real pastes shift the numbers by a cell or two from row to row.
 */
export function splitRow(row: TableRow): SplitRow {
  const cells = row.cells;
  let firstNumber = cells.findIndex((c) => c.text !== '' && isNumberLike(c.text) && !isEmptyLike(c.text));
  if (firstNumber === -1) firstNumber = cells.length;
  const labels: Cell[] = [];
  let lastLabel = -1;
  for (let i = 0; i < firstNumber; i++) {
    const c = cells[i]!;
    if (c.text !== '' && !isEmptyLike(c.text)) {
      labels.push(c);
      lastLabel = i;
    }
  }
  const rawValues = cells.slice(lastLabel + 1);
  let end = rawValues.length;
  while (end > 0 && rawValues[end - 1]!.text === '') end--;
  const values = rawValues.slice(0, end);
  return { row, labels, values, rawValues, hasNumbers: firstNumber < cells.length };
}

/**
 * The row read as `count` value cells after its label number `label` (-1:
 * after no label), when exactly `count` filled cells follow that label.
 * `splitRow` takes a first value cell that is not a number (`约20`, `二`) for
 * a label; this lets a reader find the row by an earlier label and report
 * the bad cell at the cell, instead of an unknown row and a missing one.
 */
export function valuesAfterLabel(split: SplitRow, label: number, count: number): SplitRow | undefined {
  const cells = split.row.cells;
  const start = label < 0 ? 0 : cells.indexOf(split.labels[label]!) + 1;
  if (start === 0 && label >= 0) return undefined;
  const rawValues = cells.slice(start);
  if (rawValues.filter((c) => c.text !== '').length !== count) return undefined;
  let end = rawValues.length;
  while (end > 0 && rawValues[end - 1]!.text === '') end--;
  return { row: split.row, labels: split.labels.slice(0, label + 1), values: rawValues.slice(0, end), rawValues, hasNumbers: split.hasNumbers };
}

/**
 * Cells pasted one per line come as one-cell rows: join them back into rows,
 * a row being label cells followed by value cells.
 */
export function regroupLines(rows: readonly TableRow[]): TableRow[] {
  if (!rows.some((r) => r.kind === 'line')) return rows.slice();
  const out: TableRow[] = [];
  let cells: Cell[] = [];
  let sawValue = false;
  const flush = () => {
    if (cells.length === 0) return;
    const first = cells[0]!.place;
    const last = cells[cells.length - 1]!.place;
    const place: Place = { line: first.line, column: first.column, endLine: last.endLine, endColumn: last.endColumn };
    out.push({ kind: 'line', line: first.line, cells, place });
    cells = [];
    sawValue = false;
  };
  for (const row of rows) {
    for (const cell of row.cells) {
      if (cell.text === '') continue;
      const value = isNumberLike(cell.text);
      if (!value && sawValue) flush();
      cells.push(cell);
      sawValue ||= value;
    }
  }
  flush();
  return out;
}

/**
 * The values read for `columns`, keyed by column, in column order: what
 * `Object.fromEntries` of the pairs gives, without a pair array per value
 * (it was a twentieth of reading a report).
 */
export function recordOf<V>(columns: readonly { readonly key: string }[], values: readonly V[]): Record<string, V> {
  const record: Record<string, V> = {};
  for (let i = 0; i < columns.length; i++) record[columns[i]!.key] = values[i]!;
  return record;
}

/** Choose `count` value cells aligned to the right (section 三, 四) or the left (section 二). */
export function pickValues(split: SplitRow, count: number, align: 'left' | 'right'): { cells: Cell[]; found: number } | { cells: null; found: number } {
  const { values, rawValues } = split;
  const found = values.filter((c) => c.text !== '').length;
  if (align === 'left') {
    if (found > count && values.length > count) return { cells: null, found };
    if (rawValues.length >= count) return { cells: rawValues.slice(0, count), found };
    return { cells: null, found };
  }
  if (values.length >= count) {
    const extra = values.slice(0, values.length - count).filter((c) => c.text !== '' && isNumberLike(c.text) && !isEmptyLike(c.text));
    if (extra.length > 0) return { cells: null, found };
    return { cells: values.slice(values.length - count), found };
  }
  if (rawValues.length >= count) return { cells: rawValues.slice(0, count), found };
  return { cells: null, found };
}

/**
 * Read value cells into numbers, reporting each unusual cell. Blank cells of
 * one row are reported together. Returns undefined when a cell is unreadable.
 */
export function readValues(
  context: ModelContext,
  cells: readonly Cell[],
  columns: readonly { readonly label: string; readonly kind: ValueKind }[],
  rowLabel: string,
  place: Place,
  unit: '万元' | '元' = '万元',
): (number | string)[] | undefined {
  const values: (number | string)[] = [];
  const blanks: string[] = [];
  let blankText = '';
  let ok = true;
  cells.forEach((cell, i) => {
    const column = columns[i]!;
    const reading = readCell(cell.text, column.kind, unit);
    const at = cell.text === '' ? place : cell.place;
    if (!reading.ok) {
      ok = false;
      context.report(reading.issue.code, { row: rowLabel, column: column.label, found: reading.issue.found }, at);
      return;
    }
    values.push(reading.value);
    const issue = reading.issue;
    if (!issue) return;
    if (issue.code === 'empty-cell') {
      blanks.push(`“${column.label}”`);
      blankText ||= issue.found;
    } else if (issue.code === 'cell-note' || issue.code === 'cell-unit') {
      context.report(issue.code, { row: rowLabel, column: column.label, found: issue.found, read: issue.read }, at);
    }
  });
  if (blanks.length > 0) context.report('empty-cell', { row: rowLabel, columns: blanks.join('、'), found: blankText }, place);
  return ok ? values : undefined;
}
