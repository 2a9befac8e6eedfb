/**
 * The open data as text: each report's JSON (FORMAT.md §8), the site's
 * `reports.json` and `reports.csv` assembled one report at a time, and the
 * JSON Schema. Deterministic: key order is the model's, no timestamps.
 */

import { reportJsonSchema, schemaVersion, type Report } from '../model/index.js';

/** A report's open-data JSON, pretty-printed. */
export function reportJson(report: Report): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

/** The JSON Schema of the open-data JSON. */
export function schemaJson(): string {
  return `${JSON.stringify(reportJsonSchema(), null, 2)}\n`;
}

/**
 * `data/reports.json` in pieces, so it can be written one report at a time:
 * `start`, then `entry(report, index)` for each, then `end`. The result is
 * exactly `JSON.stringify({ schemaVersion, reports }, null, 2)`.
 */
export const reportsJson = {
  start: `{\n  "schemaVersion": ${schemaVersion},\n  "reports": [`,
  entry(report: Report, index: number): string {
    return reportsJson.join(reportsJson.body(reportJson(report)), index);
  },
  /** A report's entry, from its open-data JSON as `reportJson` writes it, before it knows its place in the list. */
  body(json: string): string {
    return json.replace(/\n$/, '').replace(/\n/g, '\n    ');
  },
  /** The entry of a `body` at `index` in the list. */
  join(body: string, index: number): string {
    return `${index === 0 ? '' : ','}\n    ${body}`;
  },
  end(count: number): string {
    return count === 0 ? ']\n}\n' : '\n  ]\n}\n';
  },
} as const;

/** The columns of `data/reports.csv`, one number per line (long format). */
export const csvColumns = ['agency', 'year', 'format', 'table', 'row', 'column', 'value'] as const;

/** The start of `data/reports.csv`: a BOM, so Excel reads it as UTF-8, and the header line. */
export const csvStart = `\uFEFF${csvColumns.join(',')}\r\n`;

/** A report's lines of `data/reports.csv` (RFC 4180: CRLF, fields quoted when they need it). */
export function reportCsv(report: Report): string {
  // The same three fields start every line of a report; the key and value fields are quoted only when they need it.
  const start = `${csvField(report.agency)},${csvField(report.year)},${csvField(report.format)},`;
  let text = '';
  const tables: [string, Readonly<Record<string, Readonly<Record<string, number | string>>>>][] = [
    ['activeDisclosure', report.activeDisclosure],
    ['applications', report.applications],
    ['reviewLitigation', report.reviewLitigation],
  ];
  for (const [table, rows] of tables) {
    for (const row in rows) {
      const prefix = `${start}${csvField(table)},${csvField(row)},`;
      const columns = rows[row]!;
      for (const column in columns) text += `${prefix}${csvField(column)},${csvField(columns[column]!)}\r\n`;
    }
  }
  return text;
}

/** One CSV field: quoted when it holds a comma, a quote or a line break; quotes doubled. */
export function csvField(value: string | number): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
