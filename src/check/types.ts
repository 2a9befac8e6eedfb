/** What a per-report check sees and how it reports. */

import type { Draft, SourceMap } from '../model/index.js';
import type { ParsedReport, Place } from '../parse/types.js';
import type { RuleArgs, RuleId } from '../messages/index.js';

/** The input of a per-report check: the draft model and where its values came from. */
export interface CheckInput {
  readonly draft: Draft;
  readonly sourceMap: SourceMap;
  readonly parsed: ParsedReport;
}

/** Report a finding of the check's rule. */
export type Emit<R extends RuleId> = (args: RuleArgs<R>, place: Place | undefined) => void;

/** A per-report check: one rule, one function of the model. */
export interface Check<R extends RuleId = RuleId> {
  readonly id: R;
  readonly run: (input: CheckInput, emit: Emit<R>) => void;
}

/** Declare a check with its rule id's argument types. */
export function defineCheck<R extends RuleId>(id: R, run: (input: CheckInput, emit: Emit<R>) => void): Check<R> {
  return { id, run };
}
