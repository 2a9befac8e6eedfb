/** What every table reader of the model stage shares. */

import type { VFile } from 'vfile';
import type { Place, Section } from '../parse/types.js';
import { report, type RuleArgs, type RuleId } from '../messages/index.js';

/**
 * Where each value of the model came from: `applications.received` is the
 * row, `applications.received.total` its cell.
 */
export type SourceMap = Map<string, Place>;

/** The model stage's state for one report. */
export class ModelContext {
  readonly sourceMap: SourceMap = new Map();
  /** Set when something could not be read: no validated model is built then. */
  incomplete = false;
  constructor(readonly file: VFile) {}

  /**
   * Report every catalogue row that `table` (`applications`, `activeDisclosure`)
   * lacks, at the row it should precede (else the table's last row). `found`
   * says which rows were read; by default, those in the source map.
   */
  reportMissingRows(
    table: string,
    catalogue: readonly { key: string; label: string }[],
    section: Section,
    sectionName: string,
    found: (key: string) => boolean = (key) => this.sourceMap.has(`${table}.${key}`),
  ): void {
    const lastRow = section.rows[section.rows.length - 1];
    catalogue.forEach((row, i) => {
      if (found(row.key)) return;
      const next = catalogue.slice(i + 1).find((r) => found(r.key));
      const place = (next && this.sourceMap.get(`${table}.${next.key}`)) ?? lastRow?.place ?? section.headingPlace;
      this.report('missing-row', { section: sectionName, row: row.label }, place);
    });
  }

  /** Report a finding; errors leave the model incomplete. */
  report<R extends RuleId>(ruleId: R, args: RuleArgs<R>, place?: Place): void {
    const message = report(this.file, ruleId, args, place);
    if (message.fatal) this.incomplete = true;
  }
}
