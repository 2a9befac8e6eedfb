/** Reporting findings on a file as vfile messages with a rule id, a place and a severity. */

import type { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import type { Place } from '../parse/types.js';
import { rules, type RuleArgs, type RuleId, type Severity } from './rules.js';

export { rules, type RuleArgs, type RuleId, type Severity } from './rules.js';

/** The source name on every message, as remark-lint uses the plugin name. */
export const source = 'nianbao';

/** Report a finding of `ruleId` on `file`, at `place` when known. */
export function report<R extends RuleId>(file: VFile, ruleId: R, args: RuleArgs<R>, place?: Place): VFileMessage {
  const definition = rules[ruleId];
  const reason = (definition.message as (a: RuleArgs<R>) => string)(args);
  const message = file.message(reason, {
    place: place && {
      start: { line: place.line, column: place.column },
      end: { line: place.endLine, column: place.endColumn },
    },
    ruleId,
    source,
  });
  message.fatal = definition.severity === 'error';
  return message;
}

/** The severity of a message as the contract spells it. */
export function severityOf(message: VFileMessage): Severity {
  return message.fatal ? 'error' : 'warning';
}

/** Counts of findings over all files: the CLI and the build decide by them. */
export function countFindings(files: readonly { readonly file: VFile }[]): { errorCount: number; warningCount: number } {
  let errorCount = 0;
  let warningCount = 0;
  for (const { file } of files) for (const m of file.messages) severityOf(m) === 'error' ? errorCount++ : warningCount++;
  return { errorCount, warningCount };
}
