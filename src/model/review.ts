/** Section 四 → `reviewLitigation`. */

import { reviewColumns, reviewGroups, reviewValueCount } from '../catalogue/index.js';
import type { Cell, Section } from '../parse/types.js';
import type { ModelContext } from './context.js';
import { readValues, recordOf, regroupLines, splitRow, valuesAfterLabel } from './cells.js';
import type { ReviewLitigation } from './schema.js';

const ROW = '行政复议、行政诉讼数据行';
// The fifteen columns, and the source-map keys of each group and cell, built once rather than per report.
const columns = reviewGroups.flatMap((g) => reviewColumns.map((c) => ({ label: `${g.label}${c.label}`, kind: 'count' as const })));
const groupKeys = reviewGroups.map((g) => `reviewLitigation.${g.key}`);
const cellKeys = reviewGroups.map((g) => reviewColumns.map((c) => `reviewLitigation.${g.key}.${c.key}`));
const SECTION = '政府信息公开行政复议、行政诉讼情况';

/**
 * The fifteen numbers usually stand in one row under a three-row header.
 * Some pastes break that row in two or three: the value cells of every row
 * that holds numbers are then read in order.
 */
export function readReviewLitigation(section: Section, context: ModelContext): Partial<ReviewLitigation> {
  // A row of dashes (`-` for 0) holds no number but is a data row all the same.
  const rows = regroupLines(section.rows)
    .map(splitRow)
    .filter((r) => r.hasNumbers || r.values.some((c) => c.text !== ''));
  if (rows.length === 0) {
    // Header rows without the data row: without this the model was null with no error at all.
    if (section.rows.length > 0) context.report('missing-row', { section: SECTION, row: ROW }, section.rows[section.rows.length - 1]!.place);
    return {};
  }
  const single =
    rows.find((r) => r.values.length >= reviewValueCount) ??
    rows.map((r) => valuesAfterLabel(r, -1, reviewValueCount)).find((r) => r !== undefined);
  let cells: Cell[];
  if (single) {
    // Any other row with numbers would be silently dropped: a second data row is a duplicate, a partial one unused.
    for (const other of rows) {
      if (other.row === single.row) continue;
      if (other.values.length >= reviewValueCount) context.report('duplicate-row', { row: ROW, firstLine: single.row.line }, other.row.place);
      else context.report('unknown-row', { label: other.row.cells.map((c) => c.text).filter((t) => t !== '').join(' ') }, other.row.place);
    }
    const numbers = single.values.filter((c) => c.text !== '').length;
    cells = single.values.slice(single.values.length - reviewValueCount);
    if (numbers > reviewValueCount && single.values.slice(0, single.values.length - reviewValueCount).some((c) => c.text !== '')) {
      context.report('extra-cells', { row: ROW, expected: reviewValueCount, found: numbers }, single.row.place);
      return {};
    }
  } else {
    cells = rows.flatMap((r) => r.values);
  }
  const place = (single ?? rows[0]!).row.place;
  if (cells.length !== reviewValueCount) {
    const rule = cells.length > reviewValueCount ? 'extra-cells' : 'missing-cells';
    context.report(rule, { row: ROW, expected: reviewValueCount, found: cells.length }, place);
    return {};
  }
  const values = readValues(context, cells, columns, ROW, place);
  const result: Partial<ReviewLitigation> = {};
  reviewGroups.forEach((group, g) => {
    const groupCells = cells.slice(g * reviewColumns.length, (g + 1) * reviewColumns.length);
    const first = groupCells[0]!.place;
    context.sourceMap.set(groupKeys[g]!, rowPlaceOf(first.line, section, place));
    groupCells.forEach((cell, c) => context.sourceMap.set(cellKeys[g]![c]!, cell.place));
    if (values) {
      const slice = values.slice(g * reviewColumns.length, (g + 1) * reviewColumns.length) as number[];
      result[group.key] = recordOf(reviewColumns, slice) as ReviewLitigation['review'];
    }
  });
  return result;
}

function rowPlaceOf(line: number, section: Section, fallback: Cell['place']): Cell['place'] {
  return section.rows.find((r) => r.line === line)?.place ?? fallback;
}
