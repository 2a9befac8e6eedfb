/** Types shared by the parse stage and its consumers. */

import type { SectionKey } from '../catalogue/index.js';

/** A 1-based place in the file as the editor sees it. */
export interface Place {
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
}

/** One table cell with its text (trimmed) and where it stands. */
export interface Cell {
  readonly text: string;
  readonly place: Place;
}

/** One table row: a TSV line, a pipe-table line, or (for one-cell-per-line pastes) one line. */
export interface TableRow {
  readonly kind: 'tsv' | 'pipe' | 'line';
  readonly line: number;
  readonly cells: readonly Cell[];
  readonly place: Place;
}

/** A section found in the report. */
export interface Section {
  readonly key: SectionKey;
  /** The heading as written, without `#` and numbering markup. */
  readonly heading: string;
  readonly headingPlace: Place;
  /** First and last line of the section's body (inclusive; `end < start` when empty). */
  readonly bodyStart: number;
  readonly bodyEnd: number;
  /** Table rows found in the body, in order. */
  readonly rows: readonly TableRow[];
  /** Body lines that are not table rows, as text (for prose checks). */
  readonly proseText: string;
}

/** The report's title line, and what it says. */
export interface Title {
  readonly text: string;
  readonly agency: string;
  readonly year: number;
  readonly place: Place;
}

/** A `key: value` of the front matter or of a metadata line (发布日期：…). */
export interface MetaEntry {
  readonly value: string;
  readonly place: Place;
}

/** Everything the parse stage finds in one report. */
export interface ParsedReport {
  readonly title: Title | undefined;
  readonly meta: ReadonlyMap<string, MetaEntry>;
  /** Sections found, in document order (a missing section is absent). */
  readonly sections: readonly Section[];
  /**
   * The source with every line that is not prose (front matter, title,
   * headings, table rows) emptied, so a Markdown parser sees only prose and
   * its positions still match the file.
   */
  readonly prose: string;
  /** First and last line of the preamble (between title and first section). */
  readonly preamble: { readonly start: number; readonly end: number };
  readonly lineCount: number;
  /** The line at which table rows stopped being read: the file has more than `MAX_TABLE_CELLS` table cells. */
  readonly tablesCutAt?: number | undefined;
}
