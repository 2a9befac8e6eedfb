/** Section 二 → `activeDisclosure`, in the layout its headers show. */

import {
  disclosure2019Markers,
  disclosure2021Markers,
  disclosureRows2019,
  disclosureRows2021,
  normaliseLabel,
  type DisclosureRow,
} from '../catalogue/index.js';
import type { Section } from '../parse/types.js';
import type { ModelContext } from './context.js';
import { pickValues, readValues, recordOf, regroupLines, splitRow, valuesAfterLabel } from './cells.js';
import { LabelIndex } from './match.js';
import type { ReportFormat } from './schema.js';

const SECTION = '主动公开政府信息情况';
const index2021 = new LabelIndex(disclosureRows2021, (r) => r.cores);
const index2019 = new LabelIndex(disclosureRows2019, (r) => r.cores);
const GROUP_LINE = /第二十条/;
// Source-map keys of every row and its cells, built once rather than per row and cell of every report.
const sourceKeys = new Map(
  [...disclosureRows2021, ...disclosureRows2019].map((r) => [r, { row: `activeDisclosure.${r.key}`, cells: r.columns.map((c) => `activeDisclosure.${r.key}.${c.key}`) }]),
);
const markers2019 = disclosure2019Markers.map(normaliseLabel);
const markers2021 = disclosure2021Markers.map(normaliseLabel);
const NON_ASCII = /[^\x00-\x7f]/;
// Normalising ASCII gives ASCII: when every marker is Chinese, a cell of ASCII only (a number, a
// dash, nothing: most cells) holds none, and need not be normalised and searched.
const markersNeedNonAscii = [...markers2019, ...markers2021].every((m) => NON_ASCII.test(m));

/** What section 二 gave. */
export interface DisclosureResult {
  readonly rows: Record<string, Record<string, number | string>>;
  /** The layout its header words show, if they show one. */
  readonly format: ReportFormat | undefined;
}

/** Which layout section 二's header words belong to. */
function detectLayout(section: Section): ReportFormat | undefined {
  let score2019 = 0;
  let score2021 = 0;
  for (const row of section.rows) {
    for (const cell of row.cells) {
      if (markersNeedNonAscii && !NON_ASCII.test(cell.text)) continue;
      const text = normaliseLabel(cell.text);
      if (markers2019.some((m) => text.includes(m))) score2019++;
      if (markers2021.some((m) => text.includes(m))) score2021++;
    }
  }
  if (score2019 === score2021) return undefined;
  return score2019 > score2021 ? '2019' : '2021';
}

/** Read section 二's table. `fallback` is the format to assume when its headers say nothing. */
export function readDisclosure(section: Section, fallback: ReportFormat, context: ModelContext): DisclosureResult {
  const detected = detectLayout(section);
  const layout = detected ?? fallback;
  const index = layout === '2021' ? index2021 : index2019;
  const catalogue = layout === '2021' ? disclosureRows2021 : disclosureRows2019;
  const rows: Record<string, Record<string, number | string>> = {};
  let unit: '万元' | '元' = '万元';
  for (let split of regroupLines(section.rows).map(splitRow)) {
    const text = split.labels.map((c) => normaliseLabel(c.text)).join('');
    const label = split.labels[split.labels.length - 1]?.text ?? '';
    let row: DisclosureRow | undefined = index.find(label);
    // Not only rows with numbers: a one-column row whose cell is `约20` has none.
    for (let k = split.labels.length - 2; !row && k >= 0; k--) {
      const named = index.find(split.labels[k]!.text);
      const resplit = named && valuesAfterLabel(split, k, named.columns.length);
      if (resplit) [row, split] = [named, resplit];
    }
    if (!row) {
      if (GROUP_LINE.test(text)) unit = '万元';
      if (/元/.test(text)) unit = /万元/.test(text) ? '万元' : '元';
      if (split.hasNumbers) context.report('unknown-row', { label: label || text }, split.row.place);
      continue;
    }
    const keys = sourceKeys.get(row)!;
    const first = context.sourceMap.get(keys.row);
    if (first) {
      context.report('duplicate-row', { row: row.label, firstLine: first.line }, split.row.place);
      continue;
    }
    context.sourceMap.set(keys.row, split.row.place);
    const picked = pickValues(split, row.columns.length, 'left');
    if (!picked.cells) {
      const expected = row.columns.length;
      context.report(picked.found > expected ? 'extra-cells' : 'missing-cells', { row: row.label, expected, found: picked.found }, split.row.place);
      continue;
    }
    const values = readValues(context, picked.cells, row.columns, row.label, split.row.place, unit);
    picked.cells.forEach((cell, i) => context.sourceMap.set(keys.cells[i]!, cell.text === '' ? split.row.place : cell.place));
    if (values) rows[row.key] = recordOf(row.columns, values);
  }
  context.reportMissingRows('activeDisclosure', catalogue, section, SECTION);
  return { rows: orderLike(catalogue, rows), format: detected };
}

function orderLike(catalogue: readonly DisclosureRow[], rows: Record<string, Record<string, number | string>>) {
  const ordered: Record<string, Record<string, number | string>> = {};
  for (const row of catalogue) if (rows[row.key]) ordered[row.key] = rows[row.key]!;
  return ordered;
}
