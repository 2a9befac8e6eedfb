/** The per-report checks, and running them over one report. */

import type { VFile } from 'vfile';
import { report } from '../messages/index.js';
import { feeStatement } from './fee-statement.js';
import { proseFigures } from './prose-figures.js';
import { rawHtml } from './raw-html.js';
import { regulationsScope } from './regulations-scope.js';
import { resultsTotal } from './results-total.js';
import { reviewLitigationTotal } from './review-litigation-total.js';
import { rowTotal } from './row-total.js';
import { sectionThreeBalance } from './section-three-balance.js';
import type { Check, CheckInput } from './types.js';

export type { Check, CheckInput } from './types.js';
export { checkSite, type SiteEntry } from './site.js';

/** Every per-report check, in the order their findings are listed. */
export const checks: readonly Check[] = [
  sectionThreeBalance,
  resultsTotal,
  rowTotal,
  reviewLitigationTotal,
  proseFigures,
  regulationsScope,
  feeStatement,
  rawHtml,
] as readonly Check[];

/** Run every per-report check on one report's draft, reporting on `file`. */
export function runChecks(input: CheckInput, file: VFile): void {
  for (const check of checks) {
    check.run(input, (args, place) => report(file, check.id, args as never, place));
  }
}
