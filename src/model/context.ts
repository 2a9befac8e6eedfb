/** What every table reader of the model stage shares. */

import type { VFile } from 'vfile';
import type { Place } from '../parse/types.js';
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

  /** Report a finding; errors leave the model incomplete. */
  report<R extends RuleId>(ruleId: R, args: RuleArgs<R>, place?: Place): void {
    const message = report(this.file, ruleId, args, place);
    if (message.fatal) this.incomplete = true;
  }
}
