/**
 * Exhaustive mutation test: every number cell of sections 三 and 四 of every
 * real report, changed by one (+1, and −1 where the cell is above 0), one at a
 * time, in the Markdown source. Each mutant must fail with an arithmetic rule
 * at the line of the changed row: a wrong number the checks do not catch is
 * the worst thing this tool can do.
 *
 * The cells are found through the unmutated report's source map, never by
 * hard-coded positions, so the test follows the fixtures as they change.
 */

import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applicantColumns, applicationRows2019, applicationRows2021, reviewColumns, reviewGroups } from '../src/catalogue/index.js';
import type { Report } from '../src/model/index.js';
import { processReport } from '../src/process.js';

const corpus = new URL('./fixtures/corpus/', import.meta.url);
const names = readdirSync(corpus)
  .filter((n) => n.endsWith('.expected.json'))
  .map((n) => n.slice(0, -'.expected.json'.length))
  .sort();

const arithmetic = new Set(['section-three-balance', 'results-total', 'row-total', 'review-litigation-total']);

/** A number cell of the report: its model path, value and place in the source. */
interface TargetCell {
  readonly path: string;
  readonly value: number;
  readonly line: number;
  /** 0-based string offsets of the cell's text in its line. */
  readonly from: number;
  readonly to: number;
}

/** Every number cell of sections 三 and 四, located through the source map. */
function numberCells(report: Report, sourceMap: ReadonlyMap<string, { line: number; column: number; endLine: number; endColumn: number }>): TargetCell[] {
  const paths: [string, number][] = [];
  const rows = report.format === '2021' ? applicationRows2021 : applicationRows2019;
  const applications = report.applications as Record<string, Record<string, number>>;
  for (const row of rows) for (const column of applicantColumns) paths.push([`applications.${row.key}.${column.key}`, applications[row.key]![column.key]!]);
  for (const group of reviewGroups) for (const column of reviewColumns) paths.push([`reviewLitigation.${group.key}.${column.key}`, report.reviewLitigation[group.key][column.key]]);
  return paths.map(([path, value]) => {
    const place = sourceMap.get(path);
    if (!place) throw new Error(`no place for ${path}`);
    return { path, value, line: place.line, from: place.column - 1, to: place.endColumn - 1 };
  });
}

function mutate(lines: readonly string[], cell: TargetCell, value: number): string {
  const copy = lines.slice();
  const line = copy[cell.line - 1]!;
  copy[cell.line - 1] = line.slice(0, cell.from) + String(value) + line.slice(cell.to);
  return copy.join('\n');
}

describe('mutation: every single-cell change of sections 三 and 四 is caught', () => {
  for (const name of names) {
    const bytes = readFileSync(new URL(`${name}.md`, corpus));
    const location = { path: `${name}.md`, pathYear: Number(name.slice(-4)) };
    const original = processReport(location, bytes);
    const report = original.model?.report;
    const text = String(original.file.value);
    const lines = text.split('\n');
    const cells = report && original.model ? numberCells(report, original.model.sourceMap) : [];
    const mutants = cells.flatMap((cell) => [[cell, cell.value + 1] as const, ...(cell.value > 0 ? [[cell, cell.value - 1] as const] : [])]);

    it(`should read ${name} without errors and find its cells in the source`, () => {
      expect(report).toBeTruthy();
      expect(original.file.messages.filter((m) => m.fatal)).toEqual([]);
      expect(cells.length).toBe((report?.format === '2021' ? 25 : 23) * 7 + 15);
      for (const cell of cells) {
        // The place points at the cell's own text, which reads as the model's value.
        expect(lines[cell.line - 1]!.slice(cell.from, cell.to), cell.path).toBe(String(cell.value));
      }
    });

    it(`should catch ${mutants.length}/${mutants.length} mutants of ${name}`, () => {
      const missed: string[] = [];
      for (const [cell, value] of mutants) {
        const { file } = processReport(location, Buffer.from(mutate(lines, cell, value)));
        const errors = file.messages.filter((m) => m.fatal);
        const caught = errors.some((m) => arithmetic.has(m.ruleId ?? '') && m.line === cell.line);
        const foreign = errors.filter((m) => !arithmetic.has(m.ruleId ?? ''));
        if (!caught || foreign.length > 0) {
          missed.push(`${cell.path} ${cell.value}→${value} (line ${cell.line}): ${errors.map((m) => `${m.line}:${m.ruleId}`).join(', ') || 'no error'}`);
        }
      }
      expect(missed).toEqual([]);
    });
  }
});
